"""Roles, groups and unknown names resolved from the phrase around them (sentences we wrote)."""

from __future__ import annotations

import pytest

from selon.pipeline import Pipeline
from tests.actors.test_references import actor_of

CASES = [
    ("fr", "Des milliers de Serbes ont manifesté à Belgrade.", "Des milliers de Serbes",
     ("SRB", "CVL", None)),
    ("en", "Hundreds of Kenyan protesters marched on parliament.", "Hundreds of Kenyan protesters",
     ("KEN", "CVL", None)),
    ("en", "A group of Brazilian senators asked for an inquiry.",
     "A group of Brazilian senators", ("BRA", "LEG", None)),
    ("fr", "Le porte-parole de l'armée nigérienne, Amadou Tchiani, a démenti.",
     "Le porte-parole de l'armée nigérienne, Amadou Tchiani", ("NER", "MIL", "Amadou Tchiani")),
    ("en", "Joseph Ntale, a spokesman for the M23, rejected the talks.",
     "Joseph Ntale, a spokesman for the M23", ("COD", "REB", "Joseph Ntale")),
    ("en", "Kenya's Supreme Court annulled the vote.", "Kenya's Supreme Court", ("KEN", "JUD", None)),
    ("fr", "Les forces de sécurité sénégalaises ont dispersé la foule.",
     "Les forces de sécurité sénégalaises", ("SEN", "COP", None)),
    ("en", "Indian security forces detained two men.", "Indian security forces", ("IND", "COP", None)),
    ("fr", "Le géant pétrolier russe Rosneft a signé un contrat.", "Le géant pétrolier russe Rosneft",
     ("RUS", "BUS", "Rosneft")),
    ("en", "Russia's defence ministry said the drones were destroyed.", "Russia's defence ministry",
     ("RUS", "GOV", None)),
    # A person's name that holds a city's name is a person ("Mendoza", a city in Argentina).
    ("fr", "Le sénateur chilien Pablo Mendoza a démenti.", "Le sénateur chilien Pablo Mendoza",
     ("CHL", "LEG", "Pablo Mendoza")),
    # A city stands for its country's territory.
    ("en", "Drones struck Kharkiv overnight.", "Kharkiv", ("UKR", None, None)),
]


@pytest.mark.parametrize(("lang", "text", "mention", "expected"), CASES)
def test_the_phrase_gives_country_sector_and_name(pipeline: Pipeline, lang: str, text: str,
                                                  mention: str,
                                                  expected: tuple[str, str | None, str | None]) -> None:
    actor = actor_of(pipeline, lang, text, mention)
    assert actor is not None
    assert (actor.country, actor.sector, actor.name) == expected
