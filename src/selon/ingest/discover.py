"""Paths to documents: files by extension, folders recursively, "-" for standard input."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from selon.errors import ReadError
from selon.ingest.html import read_html
from selon.ingest.jsonl import read_jsonl
from selon.ingest.text import read_text
from selon.records import Article, DocumentError

Item = Article | DocumentError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def sniff_kind(data: bytes) -> str:
    """Guess the format of a document with no telling extension (stdin, odd names)."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if head.startswith(b"{"):
        return "jsonl"
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
    return sniff_kind(data)


def read_document(data: bytes, origin: str, kind: str) -> Iterator[Item]:
    if kind == "jsonl":
        yield from read_jsonl(data, origin)
        return
    reader: Callable[[bytes, str], Article] = read_html if kind == "html" else read_text
    try:
        yield reader(data, origin)
    except ReadError as error:
        yield DocumentError(origin, str(error))


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
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
    yield from read_document(data, origin, kind_of(path, data))


def _files_under(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() in KNOWN_SUFFIXES:
            yield path


def read_paths(paths: Iterable[str], max_bytes: int) -> Iterator[Item]:
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield DocumentError("<stdin>", f"too large (limit {max_bytes:,} bytes)")
                continue
            yield from read_document(data, "<stdin>", sniff_kind(data))
            continue
        path = Path(name)
        if path.is_dir():
            for file in _files_under(path):
                yield from _read_file(file, max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes)
        else:
            yield DocumentError(name, "no such file or folder")
