"""selon: news articles in, PLOVER events out, with who says so and how surely.

    >>> import selon
    >>> events = selon.extract("La Russie a livré des drones au Venezuela.", date="2025-10-01")
    >>> [(e.type, e.source.country, e.target.country) for e in events]
    [('AID', 'RUS', 'VEN')]
"""

from __future__ import annotations

from functools import cache

from selon.config import Settings, load_settings
from selon.errors import SelonError
from selon.pipeline import Coded, Pipeline
from selon.records import Actor, Article, DocumentError, Event, Provenance, Quantity

__all__ = [
    "Actor", "Article", "Coded", "DocumentError", "Event", "Pipeline", "Provenance", "Quantity",
    "SelonError", "Settings", "default_pipeline", "extract", "load_settings",
]
__version__ = "0.1.0"


@cache
def default_pipeline() -> Pipeline:
    """One pipeline per process with the default settings: models load once."""
    return Pipeline()


def extract(text: str, date: str | None = None, lang: str | None = None,
            article_id: str = "text") -> list[Event]:
    """The events of one text. Raises SelonError if it cannot be coded (e.g. its language)."""
    article = Article(id=article_id, text=text, date=date, lang=lang, origin=article_id)
    for outcome in default_pipeline().run([article]):
        if isinstance(outcome, DocumentError):
            raise SelonError(outcome.reason)
        return list(outcome.events)
    return []
