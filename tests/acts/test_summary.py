from datetime import date

from selon.acts.identity import Claim
from selon.acts.summary import origin, speaks_for, status, summarise
from selon.records import Actor

VEN = Actor("VEN", "GOV", "Nicolás Maduro")
RUS = Actor("RUS", "GOV")


def claim(event_id: str, certainty: str = "reported", chain: tuple[str, ...] = (),
          cited: Actor | None = None, outlet: str | None = None, story: str | None = None,
          published: str = "2026-03-11") -> Claim:
    return Claim(event_id=event_id, type="REQUEST", source=VEN, target=RUS,
                 event_date="2026-03-10", published=date.fromisoformat(published),
                 certainty=certainty, attributed_to=chain, cited=cited, article_id=event_id,
                 outlet=outlet, story=story or event_id)


def test_one_paper_repeated_by_three_outlets_is_one_source() -> None:
    claims = [claim("a", chain=("Washington Post",), outlet="Le Monde"),
              claim("b", chain=("le Washington Post", "documents"), outlet="BBC"),
              claim("c", chain=("the Washington Post",), outlet="Reuters")]
    act = summarise("a", claims)
    assert (act.claims, act.outlets, act.sources) == (3, 3, 1)


def test_wire_copies_count_once_and_unnamed_sources_count_per_story() -> None:
    copies = [claim("a", certainty="asserted", outlet="X", story="s1"),
              claim("b", certainty="asserted", outlet="Y", story="s1"),
              claim("c", chain=("un diplomate",), outlet="Z", story="s2")]
    assert summarise("a", copies, declared_types=()).sources == 2
    assert origin(claim("d", chain=("un diplomate",))) != origin(claim("e", chain=("un diplomate",)))


def test_a_state_speaks_with_one_voice() -> None:
    assert origin(claim("f", cited=RUS)) == origin(claim("g", cited=Actor("RUS", "MIL")))
    assert origin(claim("f", cited=RUS)) == origin(
        claim("g", cited=Actor("RUS", "GOV", "Dmitry Peskov")))
    assert origin(claim("h", cited=Actor("BLR", "OPP", "Sviatlana Tsikhanouskaya"))) != origin(
        claim("i", cited=Actor("BLR", "GOV")))
    assert speaks_for(Actor("VEN", "MIL"), VEN)
    assert not speaks_for(Actor("VEN", "OPP", "María Corina Machado"), VEN)


def test_an_announced_act_rests_on_its_author() -> None:
    # The ministry announced it; two outlets state it in their own words: one source.
    announced = [claim("a", chain=("ministère vénézuélien",), cited=Actor("VEN", "GOV")),
                 claim("b", certainty="asserted", outlet="X"),
                 claim("c", certainty="asserted", outlet="Y")]
    assert summarise("a", announced, declared_types=()).sources == 1
    # A request is itself a public statement: outlets stating it have it from its author.
    stated = [claim("d", certainty="asserted", outlet="X"),
              claim("e", certainty="asserted", outlet="Y")]
    act = summarise("d", stated, declared_types={"REQUEST"})
    assert (act.sources, act.status) == (1, "confirmed")
    act = summarise("d", stated, declared_types=())
    assert (act.sources, act.status) == (2, "reported")


def test_status_follows_the_claims() -> None:
    reported = claim("a", chain=("Reuters",))
    alleged = claim("b", certainty="alleged")
    denial = claim("c", certainty="denied", cited=RUS)
    own_word = claim("d", cited=Actor("VEN", "GOV"))
    asserted = claim("f", certainty="asserted")
    authors = (VEN,)
    assert status([reported, alleged], authors, declared=True) == "reported"
    assert status([alleged], authors, declared=True) == "alleged"
    assert status([alleged, denial], authors, declared=True) == "contested"
    assert status([denial], authors, declared=True) == "denied"
    assert status([reported, own_word], authors, declared=False) == "confirmed"
    assert status([asserted], authors, declared=True) == "confirmed"
    assert status([asserted], authors, declared=False) == "reported"
    assert status([claim("e", certainty="hypothetical")], authors, declared=True) == "hypothetical"


def test_an_act_spans_its_reports() -> None:
    act = summarise("a", [claim("a", published="2026-03-11"), claim("b", published="2026-03-13")])
    assert (act.first_date, act.last_date) == (date(2026, 3, 10), date(2026, 3, 10))
    assert (act.first_seen, act.last_seen) == (date(2026, 3, 11), date(2026, 3, 13))
    assert act.source == VEN and act.status == "reported"


def test_an_organisation_speaks_with_one_voice_and_a_paper_under_two_names() -> None:
    council = claim("a", cited=Actor(None, "IGO", "Council of the European Union", "EU"))
    union = claim("b", cited=Actor(None, "IGO", "European Union", "EU"))
    assert origin(council) == origin(union)
    post = [claim("c", chain=("the Washington Post",), cited=Actor("USA", "JRN", "Washington Post")),
            claim("d", chain=("the Post",))]
    assert summarise("c", post).sources == 1


def test_an_unnamed_ministry_of_an_announced_act_is_its_authors() -> None:
    ministry = claim("a", chain=("defence ministry",), cited=Actor(None, "GOV"))
    minister = claim("b", chain=("Venezuela's defence minister",), cited=Actor("VEN", "GOV"))
    assert summarise("a", [ministry, minister], declared_types=()).sources == 1
