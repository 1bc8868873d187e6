"""The embedded DuckDB store: articles, events, actors and attribution rows."""

from selon.store.db import EventFilter, Store

__all__ = ["EventFilter", "Store"]
