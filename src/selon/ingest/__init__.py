"""Readers: files, folders and standard input in, `Article`s (or `DocumentError`s) out.

Every reader yields one item per document and never raises for a bad document: the caller
reports the error and the batch goes on.
"""

from selon.ingest.discover import Item, read_paths

__all__ = ["Item", "read_paths"]
