"""French hyphenated words stay whole, so the parser does not cut sentences at hyphens."""

from __future__ import annotations

from selon.pipeline import Pipeline
from selon.records import Article


def sentences(pipeline: Pipeline, text: str) -> list[str]:
    article = pipeline.prepare(Article(id="t", text=text, lang="fr"))
    [parsed] = pipeline.parsers.parse([(article, "fr")])
    return [s.text for _, _, s in parsed.sentences()]


def test_a_hyphenated_name_is_one_token_and_no_sentence_break(pipeline: Pipeline) -> None:
    text = "Le Royaume-Uni a annoncé un cessez-le-feu au Sud-Kivu, selon le porte-parole."
    assert sentences(pipeline, text) == [text]


def test_verb_pronoun_inversions_stay_split(pipeline: Pipeline) -> None:
    article = pipeline.prepare(Article(id="t", text="« Non », a-t-il dit.", lang="fr"))
    [parsed] = pipeline.parsers.parse([(article, "fr")])
    words = [t.text for t in parsed.paragraphs[0].doc]
    assert "-il" in words or "il" in words


def test_gazetteer_aliases_with_hyphens_still_match(pipeline: Pipeline) -> None:
    events = list(pipeline.run([Article(id="t", text="Le Royaume-Uni a expulsé l'ambassadeur russe.",
                                        lang="fr")]))
    [outcome] = events
    assert any(e.source and e.source.country == "GBR" for e in outcome.events)  # type: ignore[union-attr]

