from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from selon.actors import ActorMatcher
from selon.actors.gazetteer import Alias, Entity, Gazetteer
from selon.actors.matcher import AliasTable, longest_first
from selon.pipeline import Pipeline


def found(table: AliasTable, words: list[str], spaces: list[bool]) -> list[tuple[str, int, int]]:
    doc = Doc(Vocab(), words=words, spaces=spaces)
    starts = [t.idx for t in doc]
    return table.find(doc.text, starts, [s + len(t) for s, t in zip(starts, doc, strict=True)])


def test_an_alias_is_found_from_a_token_start_to_a_token_end() -> None:
    table = AliasTable({"Congo": "COG", "Royaume-Uni": "GBR", "UE": "EU", "Côte d'Ivoire": "CIV"},
                       folded=False)
    assert found(table, ["le", "Royaume-Uni", "et", "l'", "UE"], [True, True, True, False, False]) \
        == [("GBR", 1, 2), ("EU", 4, 5)]
    # Not inside a longer token, nor a shorter one.
    assert found(table, ["Congo-Kinshasa", "UEFA"], [True, False]) == []
    assert found(table, ["la", "Côte", "d'", "Ivoire"], [True, True, False, False]) == [
        ("CIV", 1, 4)]


def test_a_folded_table_matches_in_any_case() -> None:
    table = AliasTable({"turc": "TUR"}, folded=True)
    assert found(table, ["Turc", "et", "TURC"], [True, True, False]) == [("TUR", 0, 1),
                                                                          ("TUR", 2, 3)]


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 4), st.sampled_from("abc")),
                max_size=10))
def test_longest_first_is_spacys_filter_spans(drawn: list[tuple[int, int, str]]) -> None:
    doc = Doc(Vocab(), words=["w"] * 16)
    spans = [(start, start + length, label) for start, length, label in drawn]
    expected = filter_spans([Span(doc, start, end, label=label) for start, end, label in spans])
    assert longest_first(spans) == [(s.start, s.end, s.label_) for s in expected]


def test_mentions_of_a_parsed_sentence(pipeline: Pipeline) -> None:
    doc = pipeline.parsers.nlp("fr")("Le Royaume-Uni et la Côte d'Ivoire ont signé un accord.")
    names = [(m.text, m.entity_id) for m in pipeline.matcher("fr").mentions(doc)]
    assert ("Royaume-Uni", "GBR") in names and ("Côte d'Ivoire", "CIV") in names


def test_a_titled_person_is_not_a_town_of_that_name(pipeline: Pipeline) -> None:
    doc = pipeline.parsers.nlp("en")("President Bush met exiled dissidents from Myanmar.")
    kinds = {m.text: m.kind for m in pipeline.matcher("en").mentions(doc)}
    assert kinds.get("Bush") != "city" and kinds.get("Myanmar") == "name"


def test_an_alias_as_written_beats_another_aliases_accent_free_form(pipeline: Pipeline) -> None:
    # The town of Būsh is read first, and "Bush" is its accent-free form; the surname "Bush"
    # is an alias as written, and wins.
    town = Entity("city:1", "city", "Būsh", country="EGY")
    person = Entity("person:gwb", "person", "George W. Bush")
    gazetteer = Gazetteer(
        entities={town.id: town, person.id: person},
        aliases={"en": (Alias(town.id, "city", "Būsh"), Alias(person.id, "surname", "Bush"))},
        roles={"en": {}})
    doc = pipeline.parsers.nlp("en")("Bush flew to Būsh.")
    found = [(m.text, m.entity_id) for m in ActorMatcher(gazetteer, "en").mentions(doc)]
    assert found == [("Bush", "person:gwb"), ("Būsh", "city:1")]
