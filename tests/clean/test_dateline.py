import pytest

from selon.clean.dateline import split_dateline


@pytest.mark.parametrize(
    ("text", "place", "agency", "rest"),
    [
        ("OSLO (AFP) - The minister said", "OSLO", "AFP", "The minister said"),
        ("LIMA, Peru (AP) — Police fired", "LIMA", "AP", "Police fired"),
        ("KYIV, March 3 (Reuters) - Drones hit", "KYIV", "Reuters", "Drones hit"),
        ("DAKAR — Protesters gathered", "DAKAR", None, "Protesters gathered"),
        ("LA PAZ (AFP) – Le gouvernement", "LA PAZ", "AFP", "Le gouvernement"),
        ("GAZA CITY, Palestinian Territories: Four men", "GAZA CITY", None, "Four men"),
    ],
)
def test_a_dateline_is_cut_and_its_agency_kept(text: str, place: str, agency: str | None,
                                               rest: str) -> None:
    dateline, remaining = split_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.agency, remaining) == (place, agency, rest)


@pytest.mark.parametrize(
    "text",
    ["NATO - the alliance met", "US President Joe Biden said", "L'ONU a condamné", "UN — The",
     "Paris (AFP) - lower case place", "NOTE: this is prose"],
)
def test_prose_is_not_a_dateline(text: str) -> None:
    assert split_dateline(text) == (None, text)
