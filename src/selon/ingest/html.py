"""HTML pages: trafilatura keeps the main text and reads title, date and site name."""

from __future__ import annotations

import re
from typing import Any

import trafilatura

from selon.errors import ReadError
from selon.ingest.decode import decode_bytes
from selon.records import Article

# A page whose kept lines are all shorter than this is menus and buttons, not an article.
MIN_PARAGRAPH_WORDS = 8

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _as_dict(document: Any) -> dict[str, Any]:
    if document is None:
        return {}
    if isinstance(document, dict):
        return document
    return dict(document.as_dict())


def read_html(data: bytes, origin: str) -> Article:
    decoded = decode_bytes(data, declared=_declared_charset(data))
    try:
        document = trafilatura.bare_extraction(
            decoded.text, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as error:  # trafilatura raises assorted lxml errors on broken markup
        raise ReadError(f"HTML could not be parsed: {error}") from error
    fields = _as_dict(document)
    text = (fields.get("text") or "").strip()
    if not any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.splitlines()):
        raise ReadError("HTML page has no article text (only menus, links or buttons)")
    return Article(
        id=origin,
        text=text,
        date=fields.get("date") or None,
        title=fields.get("title") or None,
        outlet=fields.get("sitename") or None,
        url=fields.get("url") or None,
        origin=origin,
        encoding=decoded.encoding,
    )
