from __future__ import annotations

import math
import tomllib
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selon.errors import DataError
from selon.values.quantities import QuantityFinder, load_quantity_finder


def found(lang: str, text: str) -> list[tuple[float, str, str]]:
    quantities = load_quantity_finder(lang).find(text)
    for q in quantities:
        assert text[q.start : q.end] == q.quantity.text
    return [(q.quantity.value, q.quantity.unit, q.quantity.text) for q in quantities]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le pays produit 107.000 barils par jour.", (107000, "barrel/day", "107.000 barils par jour")),
        ("fr", "Le pays produit 107 000 barils par jour.", (107000, "barrel/day", "107 000 barils par jour")),
        ("fr", "Le pays produit 107\u00a0000 barils par jour.",
         (107000, "barrel/day", "107\u00a0000 barils par jour")),
        ("fr", "Le pays produit 107\u202f000 barils par jour.",
         (107000, "barrel/day", "107\u202f000 barils par jour")),
        ("fr", "Moscou verse 67 millions de dollars par mois à Caracas.",
         (67000000, "USD/month", "67 millions de dollars par mois")),
        ("fr", "Pékin a accordé un prêt de 1,5 milliard de dollars.",
         (1500000000, "USD", "1,5 milliard de dollars")),
        ("fr", "Washington a déployé 3 000 soldats.", (3000, "troops", "3 000 soldats")),
        ("fr", "Trois soldats ont été tués.", (3, "troops", "Trois soldats")),
        ("fr", "L'armée a abattu douze drones.", (12, "drone", "douze drones")),
        ("fr", "Une dizaine de drones ont visé Kiev.", (10, "drone", "Une dizaine de drones")),
        ("fr", "Une centaine de personnes ont manifesté.", (100, "people", "Une centaine de personnes")),
        ("fr", "Le parti a obtenu 20 % des voix.", (20, "%", "20 %")),
        ("fr", "Le parti a obtenu 20\u202f% des voix.", (20, "%", "20\u202f%")),
        ("fr", "Le conflit a déplacé 2,5 millions de personnes.",
         (2500000, "people", "2,5 millions de personnes")),
        ("fr", "Le navire transporte quelque 6 700 conteneurs.",
         (6700, "container", "quelque 6 700 conteneurs")),
        ("fr", "Le bilan est de vingt et un civils.", (21, "people", "vingt et un civils")),
        ("fr", "On compte quatre-vingt-dix morts.", (90, "people", "quatre-vingt-dix morts")),
        ("fr", "Deux cent mille personnes ont fui.", (200000, "people", "Deux cent mille personnes")),
        ("fr", "Paris livre des obus de 155 mm.", (155, "mm", "155 mm")),
        ("fr", "Le contrat porte sur 40 milliards de mètres cubes.",
         (40_000_000_000, "m3", "40 milliards de mètres cubes")),
        ("fr", "Le brut cote 60 dollars le baril.", (60, "USD/barrel", "60 dollars le baril")),
        ("fr", "La dette atteint un billion d'euros.", (10**12, "EUR", "un billion d'euros")),
        ("fr", "Le budget est de 300 M€.", (300000000, "EUR", "300 M€")),
        ("fr", "Les Chinois sont 1,4 milliard d'habitants.",
         (1400000000, "people", "1,4 milliard d'habitants")),
        ("en", "Exports reached 107,000 barrels a day.", (107000, "barrel/day", "107,000 barrels a day")),
        ("en", "The IMF approved a $1.5 billion loan.", (1500000000, "USD", "$1.5 billion")),
        ("en", "It costs 1.5 billion dollars.", (1500000000, "USD", "1.5 billion dollars")),
        ("en", "Russia pays US$67 million a month.", (67000000, "USD/month", "US$67 million a month")),
        ("en", "A dozen people were arrested.", (12, "people", "A dozen people")),
        ("en", "Three soldiers were wounded.", (3, "troops", "Three soldiers")),
        ("en", "The attack killed twenty-five people.", (25, "people", "twenty-five people")),
        ("en", "The war displaced 4.7 million people.", (4700000, "people", "4.7 million people")),
        ("en", "The US sent 1,000 troops.", (1000, "troops", "1,000 troops")),
        ("en", "Brent fell to $47.60 a barrel.", (47.6, "USD/barrel", "$47.60 a barrel")),
        ("en", "Sanctions hit six companies.", (6, "company", "six companies")),
        ("en", "The blast killed 10 people.", (10, "people", "10 people")),
        ("en", "The ship carried some 6,700 containers.", (6700, "container", "some 6,700 containers")),
        ("en", "Kyiv asked for 155mm shells.", (155, "mm", "155mm")),
        ("en", "Britain pledged £3bn.", (3000000000, "GBP", "£3bn")),
        ("en", "Russia fired 12 Iskander missiles.", (12, "missile", "12 Iskander missiles")),
        ("en", "One hundred and fifty people were detained.",
         (150, "people", "One hundred and fifty people")),
        ("en", "An estimated 10,000 people fled.", (10000, "people", "An estimated 10,000 people")),
        ("en", "The population fell by 4.7 million.", (4700000, "", "4.7 million")),
        ("en", "The deal is worth $1 trillion.", (10**12, "USD", "$1 trillion")),
        ("en", "Gazprom will ship 40 bcm.", (40_000_000_000, "m3", "40 bcm")),
        ("en", "Russia's 150,000 troops massed.", (150000, "troops", "150,000 troops")),
        ("en", "Output rose to 500,000 bpd.", (500000, "barrel/day", "500,000 bpd")),
        ("en", "It signed a $1.5-billion deal.", (1500000000, "USD", "$1.5-billion")),
        ("fr", "Un don de 5 000 000 de dollars.", (5000000, "USD", "5 000 000 de dollars")),
        ("fr", "L'UE versera 20 milliards d'euros par an.",
         (20000000000, "EUR/year", "20 milliards d'euros par an")),
    ],
)
def test_quantities(lang: str, text: str, expected: tuple[float, str, str]) -> None:
    assert found(lang, text) == [expected]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Des milliers de personnes ont manifesté."),  # no value
        ("fr", "Des dizaines de drones ont été abattus."),
        ("fr", "Le plan date de 2022."),  # years
        ("fr", "Les frappes ont eu lieu le 16 février."),  # dates
        ("fr", "Le sommet se tient mardi 16 à Paris."),
        ("fr", "L'alerte a sonné à 4 heures, puis à 14h30."),  # clock hours
        ("fr", "Le 1er régiment et la 2e brigade avancent."),  # ordinals
        ("fr", "Le troisième soldat a été blessé."),
        ("fr", "Le missile KN-23 a frappé la ville."),  # codes and names
        ("fr", "La France livre des Mirage 2000 et des fusils M4."),
        ("fr", "Un soldat a été tué."),  # an article, not a number
        ("fr", "Le G7 a parlé."),
        ("en", "Dozens of people were killed."),
        ("en", "The cap was set by the G7 in 2022."),
        ("en", "On June 12 troops crossed the border."),
        ("en", "The strike hit at 4 a.m. local time."),
        ("en", "Kyiv received F-16 jets and M4 rifles."),
        ("en", "France sent two Ground Master 200 radars."),
        ("en", "Germany sent 14 Leopard 2 tanks."),
        ("en", "The 3rd brigade and the 16th regiment moved."),
        ("en", "A drone struck one of the buildings."),
        ("en", "A 20-year-old soldier died in the 1950s."),
        ("en", "Leaders back a two-state solution."),
        ("en", "In 2 weeks troops will leave."),  # a duration ends the search for a noun
        ("fr", "Il a parlé à 3 000 de ses soldats."),
    ],
)
def test_not_quantities(lang: str, text: str) -> None:
    assert found(lang, text) == []


def test_a_year_is_not_a_count_but_what_follows_is() -> None:
    assert found("en", "The convention was signed in 1951 by 26 countries.") == [
        (26, "country", "26 countries")]
    assert found("fr", "En 2022, 300 personnes ont fui.") == [(300, "people", "300 personnes")]


def test_several_quantities_in_order() -> None:
    assert found("en", "The attack killed 12 people, including 3 children.") == [
        (12, "people", "12 people"), (3, "child", "3 children")]


def test_values_are_whole_numbers_when_whole() -> None:
    [quantity] = load_quantity_finder("fr").find("un prêt de 1,5 milliard de dollars")
    assert type(quantity.quantity.value) is int


def test_language_data_has_the_same_tables() -> None:
    def tables(lang: str) -> dict[str, object]:
        source = resources.files("selon").joinpath(f"lang/{lang}/values.toml")
        return tomllib.loads(source.read_text(encoding="utf-8"))

    french, english = tables("fr"), tables("en")
    assert french.keys() == english.keys()
    assert french["quantities"].keys() == english["quantities"].keys()  # type: ignore[attr-defined]


def test_bad_data_is_a_data_error() -> None:
    source = resources.files("selon").joinpath("lang/en/values.toml")
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    with pytest.raises(DataError, match="numbers"):
        QuantityFinder({**data, "numbers": {"one": "1"}})
    with pytest.raises(DataError, match="units"):
        QuantityFinder({**data, "units": {"km": 3}})
    with pytest.raises(DataError, match="counted"):
        QuantityFinder({key: value for key, value in data.items() if key != "counted"})
    with pytest.raises(DataError, match=r"values\.toml"):
        load_quantity_finder("xx")


# Property tests: any amount, written the way each language writes numbers.

FRENCH_UNITS = {"barils par jour": "barrel/day", "dollars": "USD", "km": "km", "personnes": "people"}
ENGLISH_UNITS = {"barrels a day": "barrel/day", "dollars": "USD", "km": "km", "people": "people"}
AMOUNTS = st.integers(min_value=0, max_value=10**9)
DECIMALS = st.text(alphabet="0123456789", min_size=0, max_size=3)


def grouped(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


def exact(n: int, decimals: str) -> Decimal:
    return Decimal(f"{n}.{decimals}") if decimals else Decimal(n)


@given(AMOUNTS, DECIMALS, st.sampled_from([" ", ".", "\u00a0", "\u202f", ""]),
       st.sampled_from(list(FRENCH_UNITS)))
def test_french_amounts(n: int, decimals: str, separator: str, unit: str) -> None:
    number = grouped(n, separator) + ("," + decimals if decimals else "")
    text = f"Selon le rapport, le total atteint {number} {unit} cette année."
    [q] = load_quantity_finder("fr").find(text)
    assert math.isclose(q.quantity.value, exact(n, decimals), rel_tol=1e-12)
    assert q.quantity.unit == FRENCH_UNITS[unit]
    assert q.quantity.text == f"{number} {unit}" == text[q.start : q.end]


@given(AMOUNTS, DECIMALS, st.sampled_from(list(ENGLISH_UNITS)))
def test_english_amounts(n: int, decimals: str, unit: str) -> None:
    number = grouped(n, ",") + ("." + decimals if decimals else "")
    text = f"The report put the total at {number} {unit} last week."
    [q] = load_quantity_finder("en").find(text)
    assert math.isclose(q.quantity.value, exact(n, decimals), rel_tol=1e-12)
    assert q.quantity.unit == ENGLISH_UNITS[unit]
    assert q.quantity.text == f"{number} {unit}" == text[q.start : q.end]


def billions(n: int, decimals: str) -> float:
    # n.d × 10^9 in integers, divided once at the end.
    return int(f"{n}{decimals}") * 10**9 / 10 ** len(decimals)


@given(st.integers(min_value=0, max_value=10**6), st.text(alphabet="0123456789", min_size=1, max_size=3),
       st.sampled_from([" ", ".", "\u202f"]))
def test_french_billions_of_dollars(n: int, decimals: str, separator: str) -> None:
    amount = f"{grouped(n, separator)},{decimals} milliards de dollars"
    [q] = load_quantity_finder("fr").find(f"L'accord porte sur {amount}.")
    assert math.isclose(q.quantity.value, billions(n, decimals), rel_tol=1e-12)
    assert (q.quantity.unit, q.quantity.text) == ("USD", amount)


@given(st.integers(min_value=0, max_value=10**6), st.text(alphabet="0123456789", min_size=1, max_size=3))
def test_english_billions_of_dollars(n: int, decimals: str) -> None:
    amount = f"${n:,}.{decimals} billion"
    [q] = load_quantity_finder("en").find(f"The deal is worth {amount}, officials said.")
    assert math.isclose(q.quantity.value, billions(n, decimals), rel_tol=1e-12)
    assert (q.quantity.unit, q.quantity.text) == ("USD", amount)


PIECES = st.sampled_from([
    "0", "1", "2", "07", "2022", "1er", " ", "\u00a0", "\u202f", ".", ",", "-", "/", "$", "US$", "€", "£",
    "%", "m", "bn", "km", "mm", "a", "un", "une", "et", "and", "de ", "d'", "of", "vingt", "cent", "mille",
    "twenty", "hundred", "million", "milliards", "dizaine", "dozen", "people", "personnes", "soldats",
    "barils", "par jour", "a day", "quelque", "some", "en", "in", "juin", "June", "mardi", "Mirage", "h",
    "a.m.", "G", "F-", "\n", "É", "ſ", "İ", "’",
])


@given(st.one_of(st.text(), st.lists(PIECES, max_size=30).map("".join)), st.sampled_from(["fr", "en"]))
def test_find_never_raises_and_spans_are_exact(text: str, lang: str) -> None:
    quantities = load_quantity_finder(lang).find(text)
    previous_end = 0
    for q in quantities:
        assert previous_end <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.quantity.text
        previous_end = q.end
