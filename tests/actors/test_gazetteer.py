from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from importlib import resources

import pytest

from selon.actors.gazetteer import FORMER_SECTOR, Entity, Role, load_gazetteer

GAZETTEER = load_gazetteer(("fr", "en"))


# English has one adjective for two states here; an alias names one entity, so the commoner
# one keeps it (tools/countries_manual.tsv says so too).
SHARED_ADJECTIVE = {("en", "COG"): "Congolese is DRC's", ("en", "DMA"): "Dominican is DOM's"}


def test_every_un_member_has_names_and_adjectives_in_both_languages() -> None:
    text = resources.files("selon").joinpath("lang/entities/countries.jsonl").read_text("utf-8")
    members = {row["id"] for row in map(json.loads, text.splitlines()) if row.get("un_member")}
    assert len(members) == 193
    for lang in ("fr", "en"):
        kinds: dict[str, set[str]] = defaultdict(set)
        for alias in GAZETTEER.aliases[lang]:
            kinds[alias.entity_id].add(alias.kind)
        missing = {m for m in members if not {"name", "adjective"} <= kinds[m]}
        missing -= {entity for (language, entity) in SHARED_ADJECTIVE if language == lang}
        assert not missing, f"{lang}: {sorted(missing)}"


def test_one_alias_one_entity_per_language() -> None:
    for lang in ("fr", "en"):
        seen: dict[str, str] = {}
        for alias in GAZETTEER.aliases[lang]:
            assert seen.setdefault(alias.text, alias.entity_id) == alias.entity_id, alias


LEADER = Entity(
    id="person:test", kind="person", name="Ann Example",
    roles=(
        Role("AAA", "GOV", "Prime minister", date(2010, 1, 1), date(2014, 12, 31)),
        Role("AAA", "GOV", "President", date(2018, 5, 1), None),
    ),
)


@pytest.mark.parametrize(
    ("day", "sector"),
    [(date(2012, 6, 1), "GOV"), (date(2016, 1, 1), FORMER_SECTOR), (date(2025, 1, 1), "GOV"),
     (date(2000, 1, 1), None), (None, "GOV")],
)
def test_a_person_is_what_their_role_was_on_the_day(day: date | None, sector: str | None) -> None:
    actor = LEADER.actor_on(day)
    assert (actor.country, actor.sector, actor.name) == ("AAA", sector, "Ann Example")


def test_a_country_is_its_government() -> None:
    actor = GAZETTEER.entity("VEN").actor_on(None)
    assert (actor.country, actor.sector) == ("VEN", "GOV")
