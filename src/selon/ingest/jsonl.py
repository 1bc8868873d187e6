"""JSON Lines in the article format of FORMAT.md: one article a line, extra fields ignored."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from typing import Any

from selon.errors import ReadError
from selon.ingest.decode import decode_bytes
from selon.records import Article, DocumentError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_OPTIONAL_STRINGS = ("lang", "title", "outlet", "url")


def _valid_day(value: str) -> bool:
    if not _DATE.match(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _no_lone_surrogate(name: str, value: str) -> None:
    """JSON may escape half a UTF-16 pair ("\\ud800"): no character, nothing the store can
    write."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ReadError(f"`{name}` holds an invalid escape: a lone surrogate "
                        f"\\u{ord(value[error.start]):04x} at character {error.start:,}") from None


def article_from_object(obj: Any, origin: str, default_id: str) -> Article:
    """Validate one decoded JSON value as an article."""
    if not isinstance(obj, dict):
        raise ReadError(f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ReadError("no `text` string")
    if not text.strip():
        raise ReadError("empty `text`")
    _no_lone_surrogate("text", text)
    date = obj.get("date")
    if date is not None and not (isinstance(date, str) and _valid_day(date)):
        raise ReadError(f"`date` must be a day, YYYY-MM-DD, got {date!r}")
    extras: dict[str, str | None] = {}
    for name in _OPTIONAL_STRINGS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise ReadError(f"`{name}` must be a string, got {type(value).__name__}")
        if value:
            _no_lone_surrogate(name, value)
        extras[name] = value or None
    identifier = obj.get("id", default_id)
    if isinstance(identifier, bool) or not isinstance(identifier, str | int):
        raise ReadError(f"`id` must be a string, got {type(identifier).__name__}")
    if isinstance(identifier, str):
        _no_lone_surrogate("id", identifier)
    return Article(id=str(identifier), text=text, date=date, origin=origin, **extras)


def read_jsonl(data: bytes, origin: str) -> Iterator[Article | DocumentError]:
    """One item per non-blank line; a broken line is an error and the others go on."""
    try:
        decoded = decode_bytes(data)
    except ReadError as error:
        yield DocumentError(origin, str(error))
        return
    for number, line in enumerate(decoded.text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            yield DocumentError(where, f"not JSON: {error.msg} (column {error.colno})")
            continue
        try:
            yield article_from_object(obj, where, default_id=where)
        except ReadError as error:
            yield DocumentError(where, str(error))
