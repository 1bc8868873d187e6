"""The standfirst (chapô, lead, dek): the sentences under the headline that sum the story up.

trafilatura often leaves it out with the page header, though it usually states the event.
It is found before extraction, in the page's tree, and put back after if it is missing.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from selon.clean.boilerplate import page_boilerplate

# A standfirst is a sentence, not a label.
_MIN_WORDS = 8
# Where a standfirst can be shown; not the <head>, whose <meta> holds the same words.
_STANDFIRST_HOLDERS = ("p", "div", "span", "h2", "h3", "section", "header", "strong")
# A description inside these is a promotion of the article elsewhere on the page, not its lead.
_NOT_LEAD = frozenset({"a", "aside", "nav", "footer", "li"})
# Class names of standfirsts, as whole words of the class: "article-lead", not "leaderboard".
# "summary", "intro" and "description" name cookie notices and site blurbs as often.
_LEAD_MARK = re.compile(r"(?<![a-z])(lead|leadtext|chapo|chapeau|standfirst|dek|sous-titre|"
                        r"accroche)(?![a-z])", re.IGNORECASE)
# A "lead" block with a picture or a video, or named for one, is the lead image and its caption.
_MEDIA = ("img", "picture", "video", "iframe", "figure", "svg")
_MEDIA_MARK = re.compile(r"asset|image|img|photo|video|media|caption|figure|gallery|credit",
                         re.IGNORECASE)
_MAX_STANDFIRST = 600


def _flat(text: str) -> str:
    return " ".join(text.split())


def _is_lead_holder(element: HtmlElement) -> bool:
    return not any(a.tag in _NOT_LEAD for a in element.iterancestors())


def _is_marked_lead(element: HtmlElement, text: str) -> bool:
    """A block whose class names it a standfirst, holding a sentence and no picture."""
    marks = " ".join(element.get(a) or "" for a in ("class", "id", "itemprop"))
    return (bool(_LEAD_MARK.search(marks)) and not _MEDIA_MARK.search(marks)
            and len(text.split()) >= _MIN_WORDS and len(text) <= _MAX_STANDFIRST
            and next(element.iter(*_MEDIA), None) is None
            and not page_boilerplate().is_boilerplate(text))


def visible_standfirst(tree: HtmlElement, description: str | None) -> str | None:
    """The page's description where the page also shows it as a block of its own, else the
    first block its markup calls a standfirst; not inside a link, a list or an aside."""
    body = tree.find("body")
    blocks = [(element, _flat(element.text_content()))
              for element in (body if body is not None else tree).iter(*_STANDFIRST_HOLDERS)
              if _is_lead_holder(element)]
    if description and len(description.split()) >= _MIN_WORDS:
        target = _flat(description)
        found = next((text for _, text in blocks if text == target), None)
        if found:
            return found
    return next((text for element, text in blocks if _is_marked_lead(element, text)), None)
