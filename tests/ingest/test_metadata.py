"""Page metadata read from what the page states: dates written out, titles without the site."""

from __future__ import annotations

import pytest

from selon.ingest.metadata import date_in_text, iso_day, strip_site


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Par Awa Diallo | 30 septembre 2018", "2018-09-30"),
        ("Publié le 1er mars 2020 à 10h45", "2020-03-01"),
        ("By Jane Roe, Nov. 19, 2019 at 3:05 p.m.", "2019-11-19"),
        ("Updated 19 November 2019", "2019-11-19"),
        ("Le 17/02/2020", "2020-02-17"),
        ("11/19/2019", "2019-11-19"),
        ("05/04/2013", None),  # April in Paris, May in New York: not guessed
        ("2019-11-19T10:00:00Z", "2019-11-19"),
        ("le 31 février 2020", None),
        ("Jean Dupont, journaliste", None),
        ("Publié le 4 mars 2025, mis à jour le 6 mars 2025", "2025-03-04"),  # the first date
    ],
)
def test_a_date_written_out(text: str, day: str | None) -> None:
    assert date_in_text(text) == day


@pytest.mark.parametrize(
    ("value", "day"),
    [("2019-11-19T10:00:00+01:00", "2019-11-19"), ("20191119", "2019-11-19"),
     ("2019/11/19", "2019-11-19"), ("yesterday", None), ("2019-13-40", None)],
)
def test_a_machine_readable_date(value: str, day: str | None) -> None:
    assert iso_day(value) == day


@pytest.mark.parametrize(
    ("title", "site", "headline"),
    [
        ("Glyphosate: radiographie d’une intoxication – Economie | L'Opinion", None,
         "Glyphosate: radiographie d’une intoxication"),
        ("Le Nouvelliste | L’Etat a payé ses dettes", "Le Nouvelliste", "L’Etat a payé ses dettes"),
        ("Talks resume in Doha - 21/12/2018 - World - Example Times", None, "Talks resume in Doha"),
        ("Affaire KPMG : un juge se récuse", None, "Affaire KPMG : un juge se récuse"),
        ("Trump - Kim summit ends without a deal on nuclear weapons", None,
         "Trump - Kim summit ends without a deal on nuclear weapons"),
    ],
)
def test_the_site_is_cut_from_a_title(title: str, site: str | None, headline: str) -> None:
    assert strip_site(title, site) == headline
