"""What is done to a page's tree before trafilatura reads it.

Two things trafilatura does not do: drop inline teasers, whose label ("Lire aussi", "Also on")
sits in one element and the other story's headline in a link beside it, so that a line filter
after extraction would catch the label and keep the headline; and read a `<div>` that holds
only text as a paragraph (Readability does the same), since trafilatura skips such text.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from selon.clean.boilerplate import MAX_TEASER_BLOCK, Boilerplate

# Elements that can hold a whole teaser: the label and the link to the other story.
_TEASER_HOLDERS = ("p", "div", "li", "aside", "section", "span", "a", "h2", "h3", "h4", "h5",
                   "h6", "figure", "dl", "dd", "blockquote")
# A <div> holding any of these is a container, not a paragraph.
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "dd", "div", "dl", "fieldset",
                     "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                     "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul",
                     "img", "iframe", "video", "script", "style", "select", "button", "input"})
# A bare-text <div> shorter than this is a label or a button, not a paragraph.
_MIN_PARAGRAPH_CHARS = 80
# Menus are lists of links; a paragraph is mostly text of its own.
_MAX_LINK_SHARE = 0.3
_MIN_SIBLING_PARAGRAPH_WORDS = 8
_SENTENCE_END = (".", "!", "?", "»", "”", '"', "…", ")")


def drop_teasers(tree: HtmlElement, boilerplate: Boilerplate) -> int:
    """Remove the short elements that open with a teaser label; returns how many."""
    found = [
        element for element in tree.iter(*_TEASER_HOLDERS)
        if len(" ".join(element.text_content().split())) <= MAX_TEASER_BLOCK
        and boilerplate.opens_teaser(element.text_content())
    ]
    holders = set(found)
    removed = 0
    for element in found:
        # The outermost holder goes; its descendants in `found` go with it.
        if any(a in holders for a in element.iterancestors()):
            continue
        element.drop_tree()  # keeps the text that follows the element
        removed += 1
    return removed


def _flat(text: str) -> str:
    return " ".join(text.split())


def _is_prose(div: HtmlElement) -> bool:
    """Sentences of its own: long enough, ending like a sentence, not mostly links."""
    text = _flat(div.text_content())
    if len(text) < _MIN_PARAGRAPH_CHARS or not text.endswith(_SENTENCE_END):
        return False
    linked = sum(len(_flat(a.text_content())) for a in div.iter("a"))
    return linked <= _MAX_LINK_SHARE * len(text)


def _among_paragraphs(div: HtmlElement, prose: set[HtmlElement]) -> bool:
    """Its parent holds paragraphs too, or other such <div>s: the <div> is part of a text, not
    a caption or a box beside it."""
    parent = div.getparent()
    if parent is None:
        return False
    return any(other is not div and other in prose for other in parent) or any(
        len(p.text_content().split()) >= _MIN_SIBLING_PARAGRAPH_WORDS for p in parent.iter("p"))


def divs_to_paragraphs(tree: HtmlElement) -> int:
    """Give the bare-text <div>s that sit among paragraphs the <p> tag; returns how many."""
    prose = {
        div for div in tree.iter("div")
        if not any(isinstance(e.tag, str) and e.tag in _BLOCKS for e in div.iterdescendants())
        and _is_prose(div)
    }
    found = [div for div in prose if _among_paragraphs(div, prose)]
    for div in found:
        div.tag = "p"
    return len(found)
