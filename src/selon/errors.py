"""selon's errors: each kind says what went wrong in words a user can act on."""

from __future__ import annotations


class SelonError(Exception):
    """Base of every error selon raises on purpose."""


class ReadError(SelonError):
    """A document could not be read (empty, binary, undecodable, malformed)."""


class UnsupportedLanguage(SelonError):
    """The document's language has no models or lexicons in selon."""


class ModelMissing(SelonError):
    """A spaCy model named in the settings is not installed."""


class DataError(SelonError):
    """A language data file (gazetteer, lexicon) is malformed."""


class StoreError(SelonError):
    """The DuckDB store cannot be opened or written."""
