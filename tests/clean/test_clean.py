from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from selon.clean import content_hash, load_boilerplate, normalize_text, paragraphs
from selon.clean.boilerplate import data_languages, line_key

BOILERPLATE = load_boilerplate(("fr", "en"))


def test_boilerplate_lines_are_dropped() -> None:
    text = "Premier paragraphe.\n\nPasser la publicité\n\nAdvertisement\n\nRead more: the war\nFin."
    assert BOILERPLATE.drop_lines(text).split("\n") == ["Premier paragraphe.", "", "", "", "Fin."]


def test_boilerplate_survives_invisible_marks_and_windows_line_ends() -> None:
    assert BOILERPLATE.drop_lines("Fin.\r\nPasser la\u00a0publicit\u00e9\u200b\r\n") == "Fin."


def test_a_sentence_that_starts_like_boilerplate_is_kept() -> None:
    line = "Lire aussi " + "les documents publiés mardi par le ministère, " * 5
    assert not BOILERPLATE.is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "[Read: Why the talks in Doha failed]",
        "LIRE AUSSI >> Au Sahel, les juntes resserrent leurs liens",
        "Lire : Que sont les IMSI-catchers ?",
        "À lire aussi | Le Mali et la Russie",
        "Also on example.com: Journalists threatened with arrest",
        "Don’t miss: the week in pictures",
        "Like this story? Share it with a friend!",
        "Continue reading…",
        "Il vous reste 80 % de cet article à lire.",
        "Publié le 3 mars 2020 à 10h45",
        "Article mis à jour le 7 janvier 2020.",
        "Le président à Paris, le 3 mars. LUDOVIC MARIN / AFP",
        "Soldiers patrol the border on Tuesday. (AP Photo/Jane Roe)",
        "Crédits photos : Agence Exemple",
        "24 July 2015",
        "The post Mali signs a defence pact appeared first on Example News.",
        "L’article Le Mali signe un accord est apparu en premier sur Le Courrier.",
        "— Jane Roe (@janeroe) February 17, 2020",
        "12 commentaires",
    ],
)
def test_teasers_prompts_credits_and_stamps_are_boilerplate(line: str) -> None:
    assert BOILERPLATE.is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Also on Tuesday, the interior ministry said forty people had been arrested.",
        "À écouter le ministre, la situation serait sous contrôle.",
        "Photographs of the strike circulated on Monday.",
        "Il vous reste trois jours pour voter, a rappelé le président.",
        "Read the full statement, the ministry said, before judging.",
        "Sharing intelligence with Kyiv remains a priority, he said.",
    ],
)
def test_prose_that_looks_like_a_label_is_kept(line: str) -> None:
    assert not BOILERPLATE.is_boilerplate(line)


def test_line_keys_ignore_case_accents_apostrophes_and_spaced_colons() -> None:
    assert line_key("  « À LIRE AUSSI : » ") == line_key("a lire aussi:")
    assert line_key("Don’t miss") == line_key("Don't miss")


def test_every_language_with_models_has_boilerplate_data() -> None:
    assert {"fr", "en"} <= set(data_languages())


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
