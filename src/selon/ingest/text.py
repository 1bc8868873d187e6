"""Plain text: the whole file is one article; paragraphs are separated by blank lines."""

from __future__ import annotations

from selon.errors import ReadError
from selon.ingest.decode import decode_bytes
from selon.records import Article


def read_text(data: bytes, origin: str) -> Article:
    decoded = decode_bytes(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError("empty document")
    return Article(id=origin, text=text, origin=origin, encoding=decoded.encoding)
