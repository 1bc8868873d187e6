"""The writer's shortcuts store what the long way stores: signatures computed in the workers,
claims built from the batch instead of read back, and acts held between batches instead of
read again."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from selon.batch.workers import with_signatures
from selon.config import load_settings
from selon.ingest import read_paths
from selon.pipeline import Coded, Pipeline
from selon.records import Article
from selon.store import Store
from selon.store.acts import ActCache, claims
from selon.store.db import _BatchRows
from selon.store.duplicates import signature

SAMPLES = Path(str(resources.files("selon").joinpath("samples/articles.jsonl")))
# Every table, in an order that does not depend on how rows were inserted.
TABLES = ("articles", "actors", "events", "attributions", "open_questions", "article_clusters",
          "article_signatures", "article_buckets", "act_members", "acts")


@pytest.fixture(scope="module")
def batches() -> list[list[Coded]]:
    """The sample articles, coded, in batches of five; the last two batches again, with a
    closing line, so that later batches have stored acts and near-duplicates to join."""
    pipeline = Pipeline(load_settings(batch_size=5))
    read = read_paths([str(SAMPLES)], max_bytes=pipeline.settings.max_document_bytes)
    items = [item for item in read if isinstance(item, Article)]
    items += [replace(item, id=f"{item.id}-copy", text=item.text + "\n\nDispatch number 2.")
              for item in items[6:]]
    coded = [c for c in pipeline.run(items) if isinstance(c, Coded)]
    assert len(coded) == len(items)
    assert sum(len(c.events) for c in coded) > 20
    return [coded[i:i + 5] for i in range(0, len(coded), 5)]


def all_rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    found = {}
    for table in TABLES:
        columns = "* EXCLUDE (ingested_at)" if table == "articles" else "*"
        found[table] = store.db.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()
    return found


def write_all(db: Path, batches: list[list[Coded]], cache: ActCache | None = None
              ) -> dict[str, list[tuple[object, ...]]]:
    with Store(db) as store:
        if cache is not None:
            store._acts = cache
        for batch in batches:
            store.write(batch)
        return all_rows(store)


def test_a_worker_signature_is_the_one_the_store_would_compute(batches: list[list[Coded]],
                                                               tmp_path: Path) -> None:
    signed = [with_signatures(batch) for batch in batches]
    for batch in signed:
        for coded in batch:
            assert (coded.signature == signature(coded.article.text)).all()
            assert coded.signature.dtype == np.uint32
    assert signed[0][0] == batches[0][0]  # the signature is no part of what was coded
    assert write_all(tmp_path / "signed.duckdb", signed) == write_all(tmp_path / "plain.duckdb",
                                                                      batches)


def test_batch_claims_are_the_claims_read_back(batches: list[list[Coded]],
                                               tmp_path: Path) -> None:
    with Store(tmp_path / "news.duckdb") as store:
        store.write(batches[0])
        for batch in batches[1:]:
            rows = _BatchRows()
            for coded in batch:
                rows.add(coded)
            store.write(batch)
            stories = dict(store.db.execute(
                "SELECT article_id, cluster_id FROM article_clusters"
                " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [list(rows.articles)]
            ).fetchall())
            built = rows.claims(stories)
            read = [c for c, _ in claims(store.db, "e.id IN (SELECT unnest(?::VARCHAR[]))",
                                         [list(rows.events)])]
            assert built == read
            assert any(c.attributed_to for c in built)


def test_acts_held_between_batches_group_as_acts_read_back(batches: list[list[Coded]],
                                                           tmp_path: Path) -> None:
    held = ActCache()
    kept = write_all(tmp_path / "held.duckdb", batches, held)
    assert len(held) > 0
    # A cache that holds nothing: every batch reads the acts it may join from the store.
    read = write_all(tmp_path / "read.duckdb", batches, ActCache(limit=0))
    assert kept == read
    assert kept["act_members"]


def test_the_act_cache_is_bounded_and_emptied_when_a_write_fails(
        batches: list[list[Coded]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ActCache(limit=3)
    with Store(tmp_path / "news.duckdb") as store:
        store._acts = cache
        store.write(batches[0])
        assert sum(len(members) for members in cache._acts.values()) <= 3

        def broken(*args: object, **kwargs: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr("selon.store.db.assign_claims", broken)
        with pytest.raises(RuntimeError):
            store.write(batches[1])
        assert len(cache) == 0
