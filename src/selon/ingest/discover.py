"""Paths to documents: files by extension, folders recursively, "-" for standard input."""

from __future__ import annotations

import io
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from selon.errors import ReadError
from selon.ingest.feeds import read_feed
from selon.ingest.html import read_html
from selon.ingest.jsonl import read_jsonl
from selon.ingest.text import read_text
from selon.ingest.warc import looks_like_warc, read_warc
from selon.records import Article, DocumentError

Item = Article | DocumentError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
WARC_SUFFIXES = (".warc", ".warc.gz")
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def is_warc_name(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def sniff_kind(data: bytes) -> str:
    """Guess the format of a document with no telling extension (stdin, odd names)."""
    if looks_like_warc(data):
        return "warc"
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if any(root in head for root in _FEED_ROOTS):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<div", b"<p")):
        return "html"
    return "text"


def kind_of(path: Path, data: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in (".rss", ".atom"):
        return "feed"
    return sniff_kind(data)  # .xml may be a feed or XHTML


def read_document(data: bytes, origin: str, kind: str, max_bytes: int,
                  skipped: Counter[str] | None = None) -> Iterator[Item]:
    if kind == "jsonl":
        yield from read_jsonl(data, origin)
        return
    if kind == "feed":
        yield from read_feed(data, origin)
        return
    if kind == "warc":
        yield from read_warc(io.BytesIO(data), origin, max_bytes, skipped)
        return
    reader: Callable[[bytes, str], Article] = read_html if kind == "html" else read_text
    try:
        yield reader(data, origin)
    except ReadError as error:
        yield DocumentError(origin, str(error))


def _read_warc_file(path: Path, max_bytes: int, skipped: Counter[str] | None) -> Iterator[Item]:
    """An archive streams from disk: it is often gigabytes, and only its pages are limited."""
    try:
        with path.open("rb") as stream:
            yield from read_warc(stream, str(path), max_bytes, skipped)
    except OSError as error:
        yield DocumentError(str(path), f"cannot read: {error.strerror or error}")


def _read_file(path: Path, max_bytes: int, skipped: Counter[str] | None) -> Iterator[Item]:
    if is_warc_name(path):
        yield from _read_warc_file(path, max_bytes, skipped)
        return
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield DocumentError(origin, f"too large: {size:,} bytes (limit {max_bytes:,})")
            return
        data = path.read_bytes()
    except OSError as error:
        yield DocumentError(origin, f"cannot read: {error.strerror or error}")
        return
    yield from read_document(data, origin, kind_of(path, data), max_bytes, skipped)


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and (path.suffix.lower() in KNOWN_SUFFIXES or is_warc_name(path)):
            yield path


def read_paths(paths: Iterable[str], max_bytes: int,
               skipped: Counter[str] | None = None) -> Iterator[Item]:
    """Every document under `paths`; web-archive records that are not pages are counted in
    `skipped` by kind ("request", "HTTP 404", "image/jpeg")."""
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield DocumentError("<stdin>", f"too large (limit {max_bytes:,} bytes)")
                continue
            yield from read_document(data, "<stdin>", sniff_kind(data), max_bytes, skipped)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _files_under(path):
                yield from _read_file(file, max_bytes, skipped)
        elif path.exists():
            yield from _read_file(path, max_bytes, skipped)
        else:
            yield DocumentError(name, "no such file or folder")
