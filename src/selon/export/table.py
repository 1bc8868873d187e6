"""Flat tables, one event a row: CSV (lists joined into text) and Parquet (lists kept)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import duckdb

from selon.errors import SelonError
from selon.export.plover import QUAD_CODES, QUAD_NAMES, quad_class
from selon.store import EventFilter, Store, event_select

COLUMNS: tuple[str, ...] = (
    "id", "article_id", "article_hash", "outlet", "article_date", "type", "quad_class", "mode",
    "context", "source_country", "source_sector", "source_name", "source_org", "target_country",
    "target_sector", "target_name", "target_org", "certainty", "attributed_to", "date",
    "location", "objects", "quantities", "sentence", "sentence_start", "sentence_end", "trigger",
    "rule",
)
# How CSV writes a list in one cell: the chain reads outermost source first, as in `selon events`.
_JOINERS = {"attributed_to": " > ", "context": "; ", "objects": "; "}


def _csv_value(row: dict[str, Any], column: str) -> Any:
    if column == "quad_class":
        return quad_class(row["type"])
    value = row[column]
    if column in _JOINERS:
        return _JOINERS[column].join(value or [])
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for row in rows:
        writer.writerow([_csv_value(row, c) for c in COLUMNS])
        count += 1
    return count


def _quad_sql() -> str:
    cases = " ".join(f"WHEN '{t}' THEN '{QUAD_NAMES[code]}'" for t, code in QUAD_CODES.items())
    return f"CASE type {cases} END"


def write_parquet(store: Store, where: EventFilter, path: Path) -> int:
    """DuckDB writes the file itself, lists as lists; `quantities` stays a JSON text."""
    sql, params = event_select(where)
    columns = ", ".join(f"{_quad_sql()} AS quad_class" if c == "quad_class"
                        else "CAST(quantities AS VARCHAR) AS quantities" if c == "quantities"
                        else c for c in COLUMNS)
    target = str(path).replace("'", "''")  # COPY takes the file name as a literal
    query = (f"SELECT {columns} FROM ({sql}) ORDER BY article_date NULLS LAST, article_hash,"
             " sentence_start, trigger_start")
    try:
        store.db.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)", params)
        row = store.db.execute(f"SELECT count(*) FROM read_parquet('{target}')").fetchone()
    except duckdb.Error as error:
        raise SelonError(f"cannot write {path}: {error}") from error
    return int(row[0]) if row else 0
