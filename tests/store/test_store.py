from __future__ import annotations

from pathlib import Path

import pytest

from selon.batch import ingest_into
from selon.errors import StoreError
from selon.pipeline import Pipeline
from selon.records import DocumentError
from selon.store import EventFilter, Store
from selon.values.dates import date_bounds


def ingest(pipeline: Pipeline, db: Path, *paths: Path) -> tuple[int, list[DocumentError]]:
    errors: list[DocumentError] = []
    with Store(db) as store:
        report = ingest_into([str(p) for p in paths], store, pipeline, errors.append)
    return report.stored, errors


def contents(db: Path) -> tuple[list[tuple[object, ...]], ...]:
    with Store(db, read_only=True) as store:
        return tuple(
            store.db.execute(f"SELECT * EXCLUDE ({drop}) FROM {table} ORDER BY ALL").fetchall()
            for table, drop in (("articles", "ingested_at"), ("events", "quantities"),
                                ("actors", "country"), ("attributions", "position"))
        )


def test_ingesting_twice_stores_nothing_twice(pipeline: Pipeline, fixtures: Path,
                                             tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    stored, errors = ingest(pipeline, db, fixtures / "mini.jsonl", fixtures / "broken.jsonl")
    assert stored == 4 and len(errors) == 1
    before = contents(db)
    stored_again, _ = ingest(pipeline, db, fixtures / "mini.jsonl", fixtures / "broken.jsonl")
    assert stored_again == 0
    assert contents(db) == before


def test_filters(pipeline: Pipeline, fixtures: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    ingest(pipeline, db, fixtures / "mini.jsonl")
    with Store(db, read_only=True) as store:
        aid = store.events(EventFilter(type="AID", country="VEN"))
        assert [(r["source_country"], r["target_country"]) for r in aid] == [("RUS", "VEN")]
        assert store.events(EventFilter(type="AID", country="LTU")) == []
        assert store.events(EventFilter(certainty="denied")) == []
        assert len(store.events(EventFilter(article="mini-en-01"))) == 1
        article = store.article("mini-fr-01")
        assert article is not None and article["lang"] == "fr"
        assert store.article(article["id"][:8]) == article


def test_reader_needs_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.duckdb"
    bogus.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Store(bogus)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [("2025", "2025-01-01", "2025-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
     ("2025-10-07", "2025-10-07", "2025-10-07")],
)
def test_date_bounds(value: str, first: str, last: str) -> None:
    low, high = date_bounds(value)
    assert (str(low), str(high)) == (first, last)
