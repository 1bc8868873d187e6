"""The page tree before trafilatura: teasers out, bare-text divs among paragraphs made <p>."""

from __future__ import annotations

from lxml.html import HtmlElement, document_fromstring

from selon.clean.boilerplate import page_boilerplate
from selon.ingest.prune import divs_to_paragraphs, drop_teasers

PROSE = ("La junte a suspendu mardi l’accord de défense signé en 2014 avec la France, qui "
         "encadrait la présence des soldats français au Mali.")


def tree(body: str) -> HtmlElement:
    return document_fromstring(f"<html><body>{body}</body></html>")


def tags(root: HtmlElement) -> list[str]:
    return [e.get("class") for e in root.iter("p") if e.get("class")]


def test_a_prose_div_among_paragraphs_becomes_a_paragraph() -> None:
    root = tree(f'<div><div class="facts">{PROSE}</div><div><p>{PROSE}</p></div></div>')
    assert divs_to_paragraphs(root) == 1
    assert tags(root) == ["facts"]


def test_sibling_prose_divs_are_paragraphs_together() -> None:
    root = tree(f'<div><div class="a">{PROSE}</div><div class="b">{PROSE}</div></div>')
    assert divs_to_paragraphs(root) == 2


def test_captions_menus_and_labels_stay_divs() -> None:
    menu = "".join(f'<a href="/{n}">Rubrique numéro {n} du journal</a> | ' for n in range(6))
    root = tree(f'<div class="gallery"><img src="x.jpg"><div class="caption">{PROSE}</div></div>'
                f'<div><div class="nav">{menu}.</div><p>{PROSE}</p></div>'
                f'<div><div class="label">Abonnez-vous</div><p>{PROSE}</p></div>')
    assert divs_to_paragraphs(root) == 0


def test_the_outermost_teaser_holder_goes_and_the_text_after_it_stays() -> None:
    root = tree(f'<div><p>{PROSE}</p><p><strong>Lire aussi</strong> <a href="/x">Un autre '
                f'sujet</a></p>Texte qui suit.<p>{PROSE}</p></div>')
    assert drop_teasers(root, page_boilerplate()) == 1
    text = root.text_content()
    assert "Un autre sujet" not in text and "Texte qui suit." in text


def test_a_long_block_that_opens_with_a_label_is_not_a_teaser() -> None:
    root = tree(f"<div><p>Lire aussi notre dossier. {PROSE * 4}</p></div>")
    assert drop_teasers(root, page_boilerplate()) == 0
