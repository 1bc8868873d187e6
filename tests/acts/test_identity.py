from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selon.acts.identity import ActRules, Claim, best_act, group, one_act, same_side
from selon.records import Actor, Quantity

RUS = Actor("RUS", "GOV")
UKR = Actor("UKR", "GOV")
RULES = ActRules(day_window=3, undated_days=7)


def claim(event_id: str = "e", type: str = "REQUEST", source: Actor | None = RUS,
          target: Actor | None = UKR, when: str | None = "2026-03-10",
          published: str = "2026-03-11", **other: object) -> Claim:
    return Claim(event_id=event_id, type=type, source=source, target=target, event_date=when,
                 published=date.fromisoformat(published), **other)


def test_sectors_and_wording_do_not_split_a_side() -> None:
    assert same_side(Actor("RUS", "GOV"), Actor("RUS", "MIL"))
    assert same_side(Actor("RUS", "GOV", "Vladimir Putin"), Actor("RUS", "GOV"))
    assert not same_side(Actor("RUS", "GOV", "Vladimir Putin"), Actor("RUS", "GOV", "Sergei Lavrov"))
    assert not same_side(Actor("RUS", "GOV"), Actor("BLR", "GOV"))
    assert same_side(Actor(None, "IGO", None, "EU"), Actor("BEL", "IGO", None, "EU"))
    assert not same_side(Actor(None, "IGO", None, "EU"), Actor(None, "IGO", None, "NATO"))


@pytest.mark.parametrize(("one", "other", "same"), [
    ("2026-03-10", "2026-03-13", True),    # within three days
    ("2026-03-10", "2026-03-14", False),   # four days apart
    ("2026-03", "2026-03-28", True),       # the month holds the day
    ("2026-03", "2026-04-02", False),
    ("2026-03-10", "2026-04-10", False),   # a month apart: two acts
])
def test_dates_agree_within_their_precision(one: str, other: str, same: bool) -> None:
    assert one_act(claim(when=one), claim(when=other, published="2026-04-12"), RULES) is same


def test_an_undated_report_tells_of_the_days_before_its_article() -> None:
    dated = claim(when="2026-03-10")
    assert one_act(dated, claim(when=None, published="2026-03-12"), RULES)
    assert not one_act(dated, claim(when=None, published="2026-03-30"), RULES)
    # a year alone is no more precise than the article's date
    assert one_act(dated, claim(when="2026", published="2026-03-11"), RULES)


def test_types_sides_and_amounts_must_agree() -> None:
    base = claim()
    assert not one_act(base, claim(type="THREATEN"), RULES)
    assert not one_act(base, claim(target=Actor("BLR", "GOV")), RULES)
    assert not one_act(base, claim(source=UKR, target=RUS), RULES)   # a request has a direction
    meeting = claim(type="CONSULT")
    assert one_act(meeting, claim(type="CONSULT", source=UKR, target=RUS), RULES)
    troops = claim(type="MOBILIZE", quantities=(Quantity(500, "troops", "500"),))
    assert one_act(troops, claim(type="MOBILIZE", quantities=(Quantity(520, "troops", "520"),)),
                   RULES)
    assert not one_act(troops, claim(type="MOBILIZE",
                                     quantities=(Quantity(5000, "troops", "5,000"),)), RULES)


def test_a_claim_joins_an_act_only_if_it_agrees_with_every_report() -> None:
    # Day 1, day 4, day 7: each near the last, but the first and the third are six days apart.
    acts = group([claim("a", when="2026-03-01"), claim("b", when="2026-03-04"),
                  claim("c", when="2026-03-07")], RULES)
    assert sorted(sorted(c.event_id for c in members) for members in acts.values()) == [
        ["a", "b"], ["c"]]


def test_the_act_with_the_same_named_people_wins() -> None:
    putin = Actor("RUS", "GOV", "Vladimir Putin")
    acts = {"x": [claim("x", source=Actor("RUS", "GOV"))], "y": [claim("y", source=putin)]}
    assert best_act(claim("z", source=putin), acts.items(), RULES) == "y"
    assert best_act(claim("z", type="AID"), acts.items(), RULES) is None


def test_grouping_adds_to_known_acts_without_regrouping_them() -> None:
    known = {"old": [claim("old", when="2026-03-10")]}
    acts = group([claim("new", when="2026-03-11"), claim("later", when="2026-05-01",
                                                         published="2026-05-02")], RULES, known)
    assert [c.event_id for c in acts["old"]] == ["old", "new"]
    assert [c.event_id for c in acts["later"]] == ["later"]


def test_a_month_does_not_single_out_a_strike_unless_the_place_does() -> None:
    strike = claim("kharkiv", type="ASSAULT", when="2026-01-21", location="Kharkiv")
    campaign = claim("drones", type="ASSAULT", when="2026-01", published="2026-02-02")
    near = claim("near", type="ASSAULT", when="2026-01", published="2026-02-02",
                 location="la ville de Kharkiv")
    acts = group([strike, campaign, near], RULES)
    assert sorted(sorted(c.event_id for c in m) for m in acts.values()) == [
        ["drones"], ["kharkiv", "near"]]
    # A request is no recurrent act: its month is enough.
    assert len(group([claim("a", when="2026-03-10"), claim("b", when="2026-03")], RULES)) == 1


def test_a_plan_and_its_execution_are_two_acts() -> None:
    done = claim("done", type="AID")
    plan = claim("plan", type="AID", when=None, certainty="hypothetical")
    assert not one_act(done, plan, RULES)


def test_grouping_by_index_finds_what_comparing_every_act_finds() -> None:
    # The index of acts by their first claim's source must not hide an act a claim fits:
    # unknown sides fit any, and acts between equals may be told the other way round.
    iran = Actor(country="IRN", sector="GOV")
    claims = [
        claim("a", "CONSULT", RUS, iran), claim("b", "CONSULT", iran, RUS),
        claim("c", "REQUEST", None, iran), claim("d", "REQUEST", RUS, iran),
        claim("e", "REQUEST", RUS, None), claim("f", "REQUEST", iran, RUS),
    ]
    rules = ActRules()
    expected: dict[str, list[Claim]] = {}
    for one in claims:  # the plain definition: every act of the type, in the order begun
        found = best_act(one, list(expected.items()), rules)
        expected.setdefault(found or one.event_id, []).append(one)
    assert group(claims, rules) == expected
    assert [c.event_id for c in expected["a"]] == ["a", "b"]


SIDES = [None, RUS, Actor("IRN", "GOV"), Actor("IRN", "MIL", "Ali Shamkhani"),
         Actor(None, "IGO", None, "UN"), Actor(None, "REB", "M23"), Actor(None, "REB", None)]


@given(st.lists(st.tuples(st.sampled_from(["CONSULT", "REQUEST", "ASSAULT"]),
                          st.sampled_from(SIDES), st.sampled_from(SIDES),
                          st.sampled_from([None, "2026-03", "2026-03-10", "2026-03-20"])),
                max_size=12))
def test_grouping_by_index_is_grouping_by_every_act(drawn: list[tuple[str, Actor | None,
                                                                      Actor | None, str | None]]
                                                    ) -> None:
    # The index by type and both sides must not hide an act: unknown sides fit any side,
    # people and groups without a country are their own sides, equals may swap.
    claims = [claim(f"c{n}", kind, source, target, when)
              for n, (kind, source, target, when) in enumerate(drawn)]
    expected: dict[str, list[Claim]] = {}
    for one in claims:
        found = best_act(one, list(expected.items()), RULES)
        expected.setdefault(found or one.event_id, []).append(one)
    assert group(claims, RULES) == expected
