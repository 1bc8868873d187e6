from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from selon.clean import content_hash, load_boilerplate, normalize_text, paragraphs

BOILERPLATE = load_boilerplate(("fr", "en"))


def test_boilerplate_lines_are_dropped() -> None:
    text = "Premier paragraphe.\n\nPasser la publicité\n\nAdvertisement\n\nRead more: the war\nFin."
    assert BOILERPLATE.drop_lines(text).split("\n") == ["Premier paragraphe.", "", "", "", "Fin."]


def test_boilerplate_survives_invisible_marks_and_windows_line_ends() -> None:
    assert BOILERPLATE.drop_lines("Fin.\r\nPasser la\u00a0publicit\u00e9\u200b\r\n") == "Fin."


def test_a_sentence_that_starts_like_boilerplate_is_kept() -> None:
    line = "Lire aussi " + "les documents publiés mardi par le ministère, " * 5
    assert not BOILERPLATE.is_boilerplate(line)


def test_normalize_spaces_and_invisible_marks() -> None:
    assert normalize_text("107\u202f000\u200b barils\r\n\r\n\r\n\r\nfin ") == "107 000 barils\n\nfin"


def test_paragraph_offsets_point_into_the_text() -> None:
    text = "Titre\n\n  Premier.\nSecond."
    for start, paragraph in paragraphs(text):
        assert text[start : start + len(paragraph)] == paragraph


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1),
       st.sampled_from([" ", "\n", "  ", "\n\n", "\t"]))
def test_hash_ignores_spacing(text: str, spacer: str) -> None:
    words = text.split()
    assert content_hash(" ".join(words)) == content_hash(spacer.join(words))
