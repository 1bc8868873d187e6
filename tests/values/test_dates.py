from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selon.values.dates import load_date_finder

PUBLISHED = date(2025, 11, 24)  # a Monday


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "Maduro a sollicité en octobre l'aide de Moscou.", "2025-10"),
        ("fr", "L'usine a ouvert en juillet dans l'État d'Aragua.", "2025-07"),
        ("fr", "Le sommet s'est tenu en décembre.", "2024-12"),
        ("fr", "Les frappes ont eu lieu le 16 février.", "2025-02-16"),
        ("fr", "Il a été arrêté le 3 mars 2023 à Paris.", "2023-03-03"),
        ("fr", "Le ministre a parlé mardi.", "2025-11-18"),
        ("fr", "Le contrat a été signé l'an dernier.", "2024"),
        ("fr", "Les troupes sont arrivées hier.", "2025-11-23"),
        ("fr", "Le plan date de 2022.", "2022"),
        ("en", "The United States on Thursday imposed sanctions.", "2025-11-20"),
        ("en", "The M23 captured Goma in late January.", "2025-01"),
        ("en", "It took Bukavu on February 16.", "2025-02-16"),
        ("en", "The deal was signed on March 3, 2024.", "2024-03-03"),
        ("en", "The cap was set by the G7 in 2022.", "2022"),
        ("en", "Troops were deployed last year.", "2024"),
        ("en", "Talks resumed last month.", "2025-10"),
    ],
)
def test_time_expressions(lang: str, text: str, value: str) -> None:
    [found] = load_date_finder(lang).find(text, PUBLISHED)
    assert found.value == value
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize("text", ["Moscow may send troops.", "Nothing happened to anyone."])
def test_no_false_dates(text: str) -> None:
    assert load_date_finder("en").find(text, PUBLISHED) == []


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    finder = load_date_finder("fr")
    assert [e.value for e in finder.find("en octobre, puis le 3 mars 2023", None)] == ["2023-03-03"]


MONTHS_FR = list(load_date_finder("fr").months)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(MONTHS_FR))
def test_a_month_alone_is_the_latest_one_not_after_publication(published: date, month: str) -> None:
    [found] = load_date_finder("fr").find(f"Cela s'est passé en {month}.", published)
    year, number = map(int, found.value.split("-"))
    assert (year, number) <= (published.year, published.month)
    assert (published.year - year) * 12 + published.month - number < 12


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday"]))
def test_a_weekday_is_within_the_week_before_publication(published: date, weekday: str) -> None:
    [found] = load_date_finder("en").find(f"They met on {weekday}.", published)
    day = date.fromisoformat(found.value)
    assert published - timedelta(days=6) <= day <= published
    assert day.strftime("%A") == weekday
