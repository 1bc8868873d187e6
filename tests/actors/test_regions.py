"""First-level regions (tools/build_regions.py): a region stands for its country's territory,
as a city does; common words, and names that other entities hold, are no regions."""

from __future__ import annotations

import pytest

from selon.actors.gazetteer import load_gazetteer
from selon.actors.matcher import strip_accents
from selon.pipeline import Pipeline
from tests.actors.test_references import actor_of

GAZETTEER = load_gazetteer(("fr", "en"))


def region_aliases(lang: str) -> dict[str, str]:
    """Accent- and case-free region alias -> the region's entity id."""
    return {strip_accents(a.text).casefold(): a.entity_id
            for a in GAZETTEER.aliases[lang] if a.kind == "region"}


PLACES = [
    ("en", "Russia held military exercises in Alaska.", "Alaska", "USA"),
    ("fr", "La Russie a mené des exercices militaires en Alaska.", "Alaska", "USA"),
    ("en", "The army shelled villages in Darfur.", "Darfur", "SDN"),
    ("fr", "L'armée a bombardé des villages au Darfour.", "Darfour", "SDN"),
    ("en", "Police detained activists in Xinjiang.", "Xinjiang", "CHN"),
    ("en", "Troops killed militants in Balochistan.", "Balochistan", "PAK"),
    ("fr", "Des combats ont eu lieu au Tigré.", "Tigré", "ETH"),
    ("en", "Fighting resumed in Tigray.", "Tigray", "ETH"),
    ("fr", "Des soldats ont été tués dans le Sinaï.", "Sinaï", "EGY"),
    ("en", "Russia annexed Crimea in 2014.", "Crimea", "UKR"),
    ("fr", "La Russie a annexé la Crimée en 2014.", "Crimée", "UKR"),
    ("fr", "Des colons ont attaqué un village en Cisjordanie.", "Cisjordanie", "PSE"),
    # "the Donetsk region", "l'oblast de Koursk": the city's name inside it places it.
    ("en", "Ukraine struck a depot in the Donetsk region.", "Donetsk", "UKR"),
    ("fr", "L'Ukraine a frappé un dépôt dans l'oblast de Koursk.", "Koursk", "RUS"),
]


@pytest.mark.parametrize(("lang", "text", "mention", "country"), PLACES)
def test_a_region_stands_for_its_country(pipeline: Pipeline, lang: str, text: str, mention: str,
                                         country: str) -> None:
    actor = actor_of(pipeline, lang, text, mention)
    assert actor is not None
    assert (actor.country, actor.sector, actor.name) == (country, None, None)


@pytest.mark.parametrize(("lang", "word"), [
    ("fr", "Centre"), ("fr", "Nord"), ("fr", "Est"), ("fr", "Ouest"), ("fr", "Littoral"),
    ("fr", "Extrême-Nord du Mali"), ("en", "North"), ("en", "West"), ("en", "Central"),
    ("en", "Northern"), ("en", "North-West"), ("en", "Red Sea"), ("en", "Sahel"), ("en", "Free"),
    ("en", "Kurdistan"), ("fr", "Kurdistan"), ("en", "Punjab"),
])
def test_a_common_or_shared_name_is_no_region(lang: str, word: str) -> None:
    assert strip_accents(word).casefold() not in region_aliases(lang)


def test_an_alias_of_another_entity_stays_that_entity() -> None:
    for lang in ("fr", "en"):
        regions = region_aliases(lang)
        for name in ("Georgia", "Géorgie", "Paris", "Moscow", "Moscou", "Mexico", "Washington"):
            assert strip_accents(name).casefold() not in regions


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Georgia accused Russia of provocations."),
    ("fr", "La Géorgie a accusé la Russie de provocations."),
])
def test_georgia_stays_the_country(pipeline: Pipeline, lang: str, text: str) -> None:
    mention = "Georgia" if lang == "en" else "La Géorgie"
    actor = actor_of(pipeline, lang, text, mention)
    assert actor is not None and (actor.country, actor.sector) == ("GEO", "GOV")


def test_a_person_named_after_a_region_is_a_person(pipeline: Pipeline) -> None:
    # "Jalisco" is a Mexican state.
    assert "jalisco" in region_aliases("fr")
    actor = actor_of(pipeline, "fr", "Le sénateur mexicain Pablo Jalisco a démenti.",
                     "Le sénateur mexicain Pablo Jalisco")
    assert actor is not None
    assert (actor.country, actor.sector, actor.name) == ("MEX", "LEG", "Pablo Jalisco")


def test_every_region_has_a_country() -> None:
    countries = {e.id for e in GAZETTEER.entities.values() if e.kind == "country"}
    regions = [e for e in GAZETTEER.entities.values() if e.kind == "region"]
    assert regions
    assert all(r.country in countries for r in regions)
