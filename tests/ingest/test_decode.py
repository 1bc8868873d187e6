"""Encodings: undeclared and mislabelled legacy pages, and mojibake, decoded right."""

from __future__ import annotations

import pytest

from selon.ingest.decode import decode_bytes, repair_mojibake
from selon.ingest.html import read_html

FRENCH = ("Le président de la République a déclaré à l’armée : « C’est une décision "
          "difficile », avant de rencontrer les députés à Noël.")
PAGE = ("<!DOCTYPE html><html><head>{meta}<title>Décision</title></head><body><article>"
        "<h1>Décision à l’Élysée</h1><p>{text}</p><p>{text}</p></article></body></html>")


@pytest.mark.parametrize("encoding", ["cp1252", "iso-8859-15"])
def test_undeclared_western_text_is_not_read_as_central_european(encoding: str) -> None:
    # charset-normalizer ties Windows-1252 with cp1250, where "à" is "ŕ".
    text = FRENCH.replace("’", "'").replace("«", '"').replace("»", '"')
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding.endswith("(detected)")


def test_a_page_declared_utf8_but_written_in_windows_1252_is_detected() -> None:
    page = PAGE.format(meta='<meta charset="utf-8">', text=FRENCH).encode("cp1252")
    article = read_html(page, "page.html")
    assert FRENCH in article.text
    assert article.encoding == "cp1252 (detected)"


def test_an_undeclared_windows_1252_page_keeps_its_accents() -> None:
    article = read_html(PAGE.format(meta="", text=FRENCH).encode("cp1252"), "page.html")
    assert FRENCH in article.text and "ŕ" not in article.text


def test_a_server_charset_wins_over_the_page() -> None:
    page = PAGE.format(meta='<meta charset="utf-8">', text=FRENCH).encode("cp1252")
    assert read_html(page, "page.html", charset="windows-1252").encoding == "cp1252 (declared)"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Le prÃ©sident", "Le président"),
        ("lâ€™armÃ©e Ã  Gao", "l’armée à Gao"),
        ("Â« Non Â», a-t-il dit â€” puis NoÃ«l", "« Non », a-t-il dit — puis Noël"),
        ("São Paulo, AÇÃO", "São Paulo, AÇÃO"),  # real text: no valid UTF-8 hidden in it
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert repair_mojibake(broken) == fixed


def test_a_document_with_mojibake_says_it_was_repaired() -> None:
    decoded = decode_bytes(FRENCH.encode("utf-8").decode("cp1252").encode("utf-8"))
    assert decoded.text == FRENCH
    assert decoded.encoding == "utf-8 (mojibake repaired)"
