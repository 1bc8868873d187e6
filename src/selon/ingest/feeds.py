"""RSS and Atom feeds (feedparser): each item becomes an article.

An item's text is its full content where the feed carries it, else its summary; both are HTML
fragments more often than not, read to lines of text with the same teaser pruning as pages
("Continue reading…", "The post … appeared first on …" are dropped by the clean stage).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser
from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

from selon.clean.boilerplate import page_boilerplate
from selon.errors import ReadError
from selon.ingest.prune import drop_teasers
from selon.records import Article, DocumentError

# Elements that end a line of text.
_LINE_BREAKERS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                            "blockquote", "tr", "section", "article", "figcaption", "pre", "dd",
                            "dt", "header", "footer", "ul", "ol", "table"})
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MARKUP = re.compile(r"<[a-zA-Z/!]")
# Control characters lxml parses but refuses in a text it is given (`tail`); the clean stage
# would make them spaces anyway.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A numeric character reference: feedparser's fallback parser fails on one that names no
# character ("&#xD800;", "&#2000000;").
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")


def fragment_text(html: str) -> str:
    """An HTML fragment as text: one line per paragraph, teasers and scripts out."""
    html = _CONTROLS.sub(" ", html)
    try:
        root: HtmlElement = fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html.split())
    for element in list(root.iter("script", "style", "noscript")):
        element.drop_tree()
    drop_teasers(root, page_boilerplate())
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _LINE_BREAKERS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _text_of(detail: Any) -> str:
    """A feedparser text construct (content or summary) as plain text."""
    value = detail.get("value") or ""
    kind = (detail.get("type") or "").lower()
    if kind in _HTML_TYPES or (not kind and _MARKUP.search(value)):
        return fragment_text(value)
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())


def item_day(entry: Any) -> str | None:
    """The day an item was published (or else updated), in the feed's own time zone: a story
    published at 00:30 in Paris belongs to that day, not to the day before in UTC."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).date().isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(raw.strip()).date().isoformat()  # Atom: RFC 3339
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")  # feedparser's reading of other forms, in UTC
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def article_from_entry(entry: Any, origin: str, outlet: str | None,
                       encoding: str | None = None) -> Article:
    """One feed item: its longest content, else its summary; title, link and date."""
    bodies = [_text_of(c) for c in entry.get("content") or []]
    text = max(bodies, key=len, default="")
    if not text and entry.get("summary"):
        text = _text_of(entry.get("summary_detail") or {"value": entry.get("summary")})
    if not text.strip():
        raise ReadError("feed item has no text (no content and no summary)")
    title = _text_of(entry["title_detail"]) if entry.get("title_detail") else entry.get("title")
    link = entry.get("link") or None
    return Article(
        id=entry.get("id") or link or origin,
        text=text,
        date=item_day(entry),
        title=" ".join(title.split()) if title else None,
        outlet=outlet,
        url=link,
        origin=origin,
        encoding=encoding,
    )


def _valid_charrefs(data: bytes) -> bytes:
    """A reference to a surrogate, NUL or past U+10FFFF becomes U+FFFD, as HTML parsers do."""

    def fix(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        valid = 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
        return match.group() if valid else b"&#xFFFD;"

    return _CHARREF.sub(fix, data)


def read_feed(data: bytes, origin: str) -> Iterator[Article | DocumentError]:
    """Every item of an RSS or Atom feed; `origin#n` names the n-th item."""
    if not data.strip():
        yield DocumentError(origin, "empty document")
        return
    # Bytes, never a URL or a path: feedparser would fetch them.
    try:
        parsed = feedparser.parse(_valid_charrefs(data))
    except (ValueError, UnicodeError, LookupError) as error:
        # feedparser's fallback parser fails on markup it cannot decode; the feed is refused
        yield DocumentError(origin, f"not a readable feed: {error}")
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        # The XML parser names the document "<unknown>": "<unknown>:2:5: not well-formed".
        where = str(problem).replace("<unknown>:", "line ", 1)
        yield DocumentError(origin, f"not a readable feed: {where}" if problem
                            else "feed has no items")
        return
    feed = parsed.get("feed", {})
    outlet = " ".join(feed["title"].split()) if feed.get("title") else None
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{number}"
        try:
            yield article_from_entry(entry, where, outlet, parsed.get("encoding"))
        except ReadError as error:
            yield DocumentError(where, str(error))
