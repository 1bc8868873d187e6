"""Readers: files, folders and standard input in, `Article`s (or `DocumentError`s) out.

Every reader yields one item per document and never raises for a bad document: the caller
reports the error and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from selon.ingest.discover import read_paths
from selon.records import Article, DocumentError

Item = Article | DocumentError

__all__ = ["Item", "read_all", "read_paths"]


def read_all(paths: Iterable[str], max_bytes: int) -> Iterator[Item]:
    """Every document under `paths` (files, folders, or "-" for standard input)."""
    yield from read_paths(paths, max_bytes=max_bytes)
