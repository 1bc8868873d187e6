"""The local engine: the same store whatever the number of workers, stored articles skipped
before parsing, an interrupted run resumed, bad documents reported while the others go on."""

from __future__ import annotations

import gc
from importlib import resources
from pathlib import Path

import pytest

from selon.batch import IngestReport, ingest_into
from selon.config import load_settings
from selon.pipeline import Coded, Pipeline
from selon.records import DocumentError
from selon.store import Store

SAMPLES = Path(str(resources.files("selon").joinpath("samples/articles.jsonl")))


def table_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row, events in the order they were written."""
    with Store(db, read_only=True) as store:
        return {
            "articles": store.db.execute(
                "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY rowid").fetchall(),
            "events": store.db.execute("SELECT * FROM events ORDER BY rowid").fetchall(),
            "actors": store.db.execute("SELECT * FROM actors ORDER BY ALL").fetchall(),
            "attributions": store.db.execute("SELECT * FROM attributions ORDER BY ALL").fetchall(),
            "clusters": store.db.execute("SELECT * FROM article_clusters ORDER BY ALL").fetchall(),
            # computed in the workers with more than one
            "signatures": store.db.execute(
                "SELECT * FROM article_signatures ORDER BY ALL").fetchall(),
            "act_members": store.db.execute("SELECT * FROM act_members ORDER BY ALL").fetchall(),
            "acts": store.db.execute("SELECT * FROM acts ORDER BY ALL").fetchall(),
        }


def run(pipeline: Pipeline, db: Path, paths: list[Path],
        workers: int = 1) -> tuple[IngestReport, list[DocumentError]]:
    errors: list[DocumentError] = []
    with Store(db) as store:
        report = ingest_into([str(p) for p in paths], store, pipeline, errors.append,
                             workers=workers)
    return report, errors


@pytest.mark.models
def test_two_workers_store_what_one_stores_in_the_same_order(fixtures: Path,
                                                             tmp_path: Path) -> None:
    # Small batches, so that the input spans several and the pool is really used.
    pipeline = Pipeline(load_settings(batch_size=3))
    inputs = [SAMPLES, fixtures / "broken.jsonl", fixtures / "mini.jsonl"]
    one, one_errors = run(pipeline, tmp_path / "one.duckdb", inputs, workers=1)
    two, two_errors = run(pipeline, tmp_path / "two.duckdb", inputs, workers=2)
    assert one.stored == two.stored == 20 and one.events == two.events > 0
    assert [str(e) for e in one_errors] == [str(e) for e in two_errors]
    assert len(one_errors) == 1  # the broken line; the batch went on
    assert table_rows(tmp_path / "one.duckdb") == table_rows(tmp_path / "two.duckdb")
    # Events are written in input order: the samples' first, the mini fixture's last.
    with Store(tmp_path / "two.duckdb", read_only=True) as store:
        order = store.db.execute(
            "SELECT a.external_id FROM events e JOIN articles a ON a.id = e.article_id"
            " ORDER BY e.rowid").fetchall()
    assert order[0][0] == "sample-fr-01" and order[-1][0].startswith("mini-")


def test_a_run_leaves_the_collector_as_it_found_it(pipeline: Pipeline, fixtures: Path,
                                                  tmp_path: Path) -> None:
    """The run keeps what it loaded out of the collector's full collections while it runs
    (gc.freeze), and gives it back after, even when it fails: a long-lived caller (a test run,
    the explorer) does not keep frozen objects that could never be collected."""
    assert gc.get_freeze_count() == 0
    run(pipeline, tmp_path / "news.duckdb", [fixtures / "mini.jsonl"])
    assert gc.get_freeze_count() == 0
    with Store(tmp_path / "news.duckdb") as store, pytest.raises(RuntimeError):
        ingest_into([str(fixtures / "broken.jsonl")], store, pipeline, _raise)
    assert gc.get_freeze_count() == 0


def _raise(error: DocumentError) -> None:
    raise RuntimeError(str(error))


def test_stored_articles_are_skipped_before_parsing(pipeline: Pipeline, fixtures: Path,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "news.duckdb"
    first, _ = run(pipeline, db, [fixtures / "mini.jsonl"])
    assert first.stored == 2
    parsed: list[int] = []
    real_parse = pipeline.parsers.parse
    monkeypatch.setattr(pipeline.parsers, "parse",
                        lambda items: parsed.append(len(items)) or real_parse(items))
    again, errors = run(pipeline, db, [fixtures / "mini.jsonl", fixtures / "mini.jsonl"])
    assert (again.stored, again.skipped, again.coded, errors) == (0, 4, 0, [])
    assert parsed == []


def test_an_interrupted_run_resumes_where_it_stopped(fixtures: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = Pipeline(load_settings(batch_size=4, write_batch_size=4))
    db = tmp_path / "news.duckdb"
    real_write = Store.write
    calls: list[int] = []

    def write_then_stop(store: Store, batch: list[Coded]) -> int:
        if calls:
            raise KeyboardInterrupt  # Ctrl-C while the second batch is written
        calls.append(1)
        return real_write(store, batch)

    monkeypatch.setattr(Store, "write", write_then_stop)
    with pytest.raises(KeyboardInterrupt):
        run(pipeline, db, [SAMPLES])
    monkeypatch.setattr(Store, "write", real_write)
    with Store(db, read_only=True) as store:
        assert store.summary()["articles"] == 4  # the first batch, committed
    resumed, _ = run(pipeline, db, [SAMPLES])
    assert (resumed.skipped, resumed.stored) == (4, 12)
