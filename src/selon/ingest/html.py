"""HTML pages: the article's text and metadata.

trafilatura finds the main text; before it reads the page, inline teasers are dropped and
bare-text `<div>`s made paragraphs (`prune`); after, a standfirst it left out is put back. The
headline, date, site and URL come from what the page states (`metadata`), trafilatura's
guesses filling the gaps. Boilerplate lines it keeps are dropped later, by the clean stage.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from selon.clean.boilerplate import page_boilerplate
from selon.errors import ReadError
from selon.ingest.decode import decode_bytes
from selon.ingest.metadata import PageMeta, read_metadata
from selon.ingest.prune import divs_to_paragraphs, drop_teasers
from selon.ingest.standfirst import visible_standfirst
from selon.records import Article

# A page whose kept lines are all shorter than this is menus and buttons, not an article.
MIN_PARAGRAPH_WORDS = 8

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset> or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extraction_fields(document: Any) -> dict[str, Any]:
    """trafilatura's result (a Document, a dict or None) as a dict."""
    if document is None:
        return {}
    if isinstance(document, dict):
        return document
    return dict(document.as_dict())


def _flat(text: str) -> str:
    return " ".join(text.split())


def without_headline(text: str, title: str | None) -> str:
    """The text without a first line that repeats the headline: it is kept as the title, and
    coded twice it would double the events it states."""
    first, _, rest = text.partition("\n")
    if title and _flat(first) == _flat(title):
        return rest.lstrip("\n")
    return text


def _page_date(meta: PageMeta, guessed: str | None) -> str | None:
    """The stated date, else trafilatura's guess, except its bare-year fallback: htmldate pads
    a copyright year to 1 January, and a page truly published that day states the date."""
    if meta.date:
        return meta.date
    if guessed and not guessed.endswith("-01-01"):
        return guessed
    return None


def article_from_page(html: str, origin: str, encoding: str | None = None,
                      url: str | None = None) -> Article:
    """The article of a decoded page; `url`, where known (a web archive), wins over the page's."""
    tree = trafilatura.load_html(html)
    if tree is None:
        raise ReadError("not an HTML page")
    meta = read_metadata(tree)
    standfirst = visible_standfirst(tree, meta.description)
    drop_teasers(tree, page_boilerplate())
    divs_to_paragraphs(tree)
    try:
        document = trafilatura.bare_extraction(
            tree, url=url or meta.url, with_metadata=True, include_comments=False,
            include_tables=False,
        )
    except Exception as error:  # trafilatura raises assorted lxml errors on broken markup
        raise ReadError(f"HTML could not be parsed: {error}") from error
    fields = extraction_fields(document)
    title = meta.title or fields.get("title") or None
    text = without_headline((fields.get("text") or "").strip(), title)
    if standfirst and _flat(standfirst) not in _flat(text):
        text = f"{standfirst}\n{text}"
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.splitlines()):
        raise ReadError("HTML page has no article text (only menus, links or buttons)")
    return Article(
        id=origin,
        text=text,
        date=_page_date(meta, fields.get("date")),
        title=title,
        outlet=meta.site or fields.get("sitename") or None,
        url=url or meta.url or fields.get("url") or None,
        origin=origin,
        encoding=encoding,
    )


def read_html(data: bytes, origin: str, charset: str | None = None,
              url: str | None = None) -> Article:
    """A page as bytes; `charset` is what the server said (HTTP), else the page's own <meta>."""
    decoded = decode_bytes(data, declared=charset or declared_charset(data))
    return article_from_page(decoded.text, origin, decoded.encoding, url)
