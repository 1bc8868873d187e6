"""What the explorer asks of the store: pages of events, facets, the actor graph, counts over
time and an article with its events' sentences marked.

Every query starts from the store's own filtered events query (`event_select`), so the
explorer, `selon events` and `selon export` agree on what a filter means.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Literal

from selon.export.graphml import actor_label
from selon.export.plover import quad_class
from selon.records import CERTAINTIES, PLOVER_TYPES
from selon.store import EventFilter, Store, event_from_row, event_select

# The day an event is counted on when the page sorts or charts by date: its own first day,
# else the day its article was published.
_DAY = "coalesce(date_first, TRY_CAST(article_date AS DATE))"
SORTS: dict[str, str] = {
    "date": _DAY,
    "type": "type",
    "certainty": "certainty",
    "source": "coalesce(source_name, source_country, source_org)",
    "target": "coalesce(target_name, target_country, target_org)",
    "outlet": "outlet",
    "article": "article_id",
}
# Ties broken by position in the text, so that pages never overlap or skip a row.
_STABLE = "article_hash, sentence_start, trigger_start, id"
MAX_PAGE_SIZE = 500
Bucket = Literal["day", "week", "month"]
DatedBy = Literal["article", "event"]


@dataclass(frozen=True)
class Page:
    number: int = 1
    size: int = 50
    sort: str = "date"
    descending: bool = False


def _filtered(where: EventFilter, actor_id: str | None) -> tuple[str, list[Any]]:
    """The filtered events as a subquery; `actor_id` keeps those where that actor is a side
    (the graph's "events of this node", which a name filter cannot say for "RUS GOV")."""
    sql, params = event_select(where)
    if actor_id:
        return f"SELECT * FROM ({sql}) WHERE source_id = ? OR target_id = ?", [
            *params, actor_id, actor_id]
    return sql, params


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """An event as the API gives it: the FORMAT.md event, its id and quad class, and where
    it was published."""
    return {
        "id": row["id"],
        **event_from_row(row).to_record(),
        "quad_class": quad_class(row["type"]),
        "article_hash": row["article_hash"],
        "outlet": row["outlet"],
        "article_title": row["article_title"],
        "article_date": row["article_date"],
    }


def event_page(store: Store, where: EventFilter, page: Page,
               actor_id: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """The total number of matching events and the events of one page."""
    if page.sort not in SORTS:
        raise ValueError(f"unknown sort {page.sort!r}: one of {', '.join(SORTS)}")
    sql, params = _filtered(where, actor_id)
    total = store.query(f"SELECT count(*) AS n FROM ({sql})", params)[0]["n"]
    direction = "DESC" if page.descending else "ASC"
    rows = store.query(
        f"SELECT * FROM ({sql}) ORDER BY {SORTS[page.sort]} {direction} NULLS LAST, {_STABLE}"
        " LIMIT ? OFFSET ?",
        [*params, page.size, (page.number - 1) * page.size],
    )
    return int(total), [event_record(row) for row in rows]


def event_by_id(store: Store, identifier: str) -> dict[str, Any] | None:
    sql, params = event_select(EventFilter())
    rows = store.query(f"SELECT * FROM ({sql}) WHERE id = ?", [*params, identifier])
    return event_record(rows[0]) if rows else None


def facets(store: Store) -> dict[str, Any]:
    """What the filter menus offer: the values present in the store, with their counts."""

    def counted(sql: str) -> list[dict[str, Any]]:
        return store.query(sql)

    present = {r["value"]: r["count"] for r in counted(
        "SELECT type AS value, count(*) AS count FROM events GROUP BY type")}
    certainties = {r["value"]: r["count"] for r in counted(
        "SELECT certainty AS value, count(*) AS count FROM events GROUP BY certainty")}
    return {
        "types": [{"value": t, "count": present.get(t, 0)} for t in PLOVER_TYPES],
        "certainties": [{"value": c, "count": certainties.get(c, 0)} for c in CERTAINTIES],
        "countries": counted(
            "SELECT a.country AS value, count(*) AS count FROM events e"
            " JOIN actors a ON a.id IN (e.source_id, e.target_id)"
            " WHERE a.country IS NOT NULL GROUP BY a.country ORDER BY count DESC, value"),
        "outlets": counted(
            "SELECT a.outlet AS value, count(*) AS count FROM events e"
            " JOIN articles a ON a.id = e.article_id WHERE a.outlet IS NOT NULL"
            " GROUP BY a.outlet ORDER BY count DESC, value"),
        "articles": counted("SELECT count(*) AS count FROM articles")[0]["count"],
        "events": sum(present.values()),
    }


def _actor(row: dict[str, Any], side: str) -> dict[str, Any]:
    return {"id": row[f"{side}_id"], "label": actor_label(row, side),
            **{key: row[f"{side}_{key}"] for key in ("country", "sector", "name", "org")}}


def graph(store: Store, where: EventFilter, max_edges: int) -> dict[str, Any]:
    """Actors as nodes, and one edge per source, target, type and certainty with the number
    of events it stands for: a hundred reports of one strike are one thick edge."""
    sql, params = event_select(where)
    rows = store.query(
        f"SELECT source_id, source_country, source_sector, source_name, source_org,"
        f" target_id, target_country, target_sector, target_name, target_org, type, certainty,"
        f" count(*) AS events FROM ({sql}) WHERE source_id IS NOT NULL AND target_id IS NOT NULL"
        " GROUP BY ALL ORDER BY events DESC, type, certainty, source_id, target_id",
        params,
    )
    one_sided = store.query(
        f"SELECT count(*) AS n FROM ({sql}) WHERE source_id IS NULL OR target_id IS NULL",
        params)[0]["n"]
    kept = rows[:max_edges]
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    for number, row in enumerate(kept):
        for side in ("source", "target"):
            nodes.setdefault(row[f"{side}_id"], _actor(row, side))
        edges.append({"id": f"e{number}", "source": row["source_id"], "target": row["target_id"],
                      "type": row["type"], "quad_class": quad_class(row["type"]),
                      "certainty": row["certainty"], "events": int(row["events"])})
    return {
        "nodes": list(nodes.values()),
        "edges": edges,
        "events_drawn": sum(e["events"] for e in edges),
        "edges_left_out": len(rows) - len(kept),
        "events_one_sided": int(one_sided),
    }


def timeline(store: Store, where: EventFilter, bucket: Bucket, dated_by: DatedBy) -> dict[str, Any]:
    """Events per day, week (from Monday) or month and type. Dated by the article: the day it
    was published; by the event: only events whose own date is precise to the day."""
    sql, params = event_select(where)
    if dated_by == "article":
        day = "TRY_CAST(article_date AS DATE)"
    else:
        day = "CASE WHEN date_first = date_last THEN date_first END"
    rows = store.query(
        f"SELECT strftime(date_trunc('{bucket}', {day}), '%Y-%m-%d') AS bucket, type,"
        f" count(*) AS count FROM ({sql}) WHERE {day} IS NOT NULL GROUP BY ALL ORDER BY ALL",
        params,
    )
    left_out = store.query(f"SELECT count(*) AS n FROM ({sql}) WHERE {day} IS NULL", params)
    return {
        "bucket": bucket,
        "dated_by": dated_by,
        "counts": [{"bucket": r["bucket"], "type": r["type"], "count": int(r["count"])}
                   for r in rows],
        "types": [t for t in PLOVER_TYPES if any(r["type"] == t for r in rows)],
        "left_out": int(left_out[0]["n"]),
    }


def _segments(text: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at every sentence and trigger boundary; each piece says which events'
    sentences and triggers cover it. Offsets are Python's (code points): cutting here, not
    in the browser (UTF-16), keeps them right past the Basic Multilingual Plane."""
    cuts = {0, len(text)}
    for row in rows:
        for key in ("sentence_start", "sentence_end", "trigger_start", "trigger_end"):
            if row[key] is not None and 0 <= row[key] <= len(text):
                cuts.add(row[key])
    bounds = sorted(cuts)
    pieces = []
    for start, end in pairwise(bounds):
        def covering(first: str, last: str, start: int = start, end: int = end) -> list[int]:
            return [n for n, row in enumerate(rows)
                    if row[first] is not None and row[first] <= start and end <= row[last]]

        pieces.append({"text": text[start:end],
                       "events": covering("sentence_start", "sentence_end"),
                       "triggers": covering("trigger_start", "trigger_end")})
    return pieces


def article_view(store: Store, key: str) -> dict[str, Any] | None:
    """An article (by content hash, a prefix of it, or its input id), its text in marked
    pieces and its events in the order they occur."""
    article = store.article(key)
    if article is None:
        return None
    rows = store.events(EventFilter(article=article["id"]))
    return {
        **{k: article[k] for k in ("id", "external_id", "title", "outlet", "url", "date", "lang")},
        "segments": _segments(article["text"], rows),
        "events": [event_record(row) for row in rows],
    }
