"""The embedded DuckDB store: articles, events, actors and attribution rows."""

from selon.store.db import EventFilter, Store, event_from_row, event_select

__all__ = ["EventFilter", "Store", "event_from_row", "event_select"]
