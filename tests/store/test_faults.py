"""Store faults: `selon ingest` killed with SIGKILL mid-run, a second writer, and ingesting
one corpus twice or in halves. The store must open, hold only whole articles with all their
events, and hold the same rows however the corpus went in.

The corpus is the bundled sample articles, each in several variants (a closing line of its
own, so a new content hash) and one file each: enough for more than one batch.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from selon.batch import ingest_into
from selon.pipeline import Pipeline
from selon.store import Store

SAMPLES = Path(__file__).parents[2] / "src" / "selon" / "samples" / "articles.jsonl"
SELON = Path(sys.executable).with_name("selon")
# Tables and the columns that depend on when a row was written, not on what it holds.
TABLES = {"articles": "ingested_at", "events": None, "actors": None, "attributions": None}


def write_corpus(folder: Path, variants: int) -> list[str]:
    """One small JSON Lines file per article; returns their external ids in file order."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = [json.loads(line) for line in SAMPLES.read_text("utf-8").splitlines() if line.strip()]
    ids: list[str] = []
    for variant in range(variants):
        for sample in samples:
            # the first sentence, which states the sample's main event: quick to code
            text = sample["text"].split(". ")[0].rstrip(".") + "."
            closing = "Dépêche numéro" if sample.get("lang") == "fr" else "Dispatch number"
            article = dict(sample, id=f"{sample['id']}-v{variant}",
                           text=f"{text}\n\n{closing} {variant}.")
            (folder / f"{len(ids):04d}.jsonl").write_text(
                json.dumps(article, ensure_ascii=False) + "\n", "utf-8")
            ids.append(article["id"])
    return ids


def rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, read_only=True) as store:
        found = {}
        for table, drop in TABLES.items():
            columns = f"* EXCLUDE ({drop})" if drop else "*"
            found[table] = store.db.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()
        return found


def events_by_article(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Each stored article's events, with their attribution chains, by input id."""
    with Store(db, read_only=True) as store:
        found: dict[str, list[tuple[object, ...]]] = {
            str(key): [] for (key,) in store.db.execute("SELECT external_id FROM articles").fetchall()}
        for row in store.db.execute(
            "SELECT a.external_id, e.*, (SELECT list(r.source_text ORDER BY r.position)"
            " FROM attributions r WHERE r.event_id = e.id) FROM events e"
            " JOIN articles a ON a.id = e.article_id ORDER BY ALL"
        ).fetchall():
            found[str(row[0])].append(row[1:])
        return found


def selon_ingest(corpus: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SELON), "ingest", str(corpus), "--db", str(db), "--workers", "1"],
                          capture_output=True, text=True, check=False, timeout=1200)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("faults") / "corpus"
    return folder, write_corpus(folder, variants=3)


@pytest.fixture(scope="module")
def clean_run(corpus: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store a whole uninterrupted run leaves: what every other run is compared with."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    done = selon_ingest(corpus[0], db)
    assert done.returncode == 0, done.stderr
    return db


def committed(wal: Path, marker: bytes) -> bool:
    """DuckDB writes a committed transaction's rows to the write-ahead log: the text of a stored
    article shows there once its batch is committed, not before."""
    try:
        return marker in wal.read_bytes()
    except FileNotFoundError:
        return False


def wait_for_first_commit(process: subprocess.Popen[bytes], wal: Path, marker: bytes) -> None:
    while not committed(wal, marker):
        assert process.poll() is None, "selon ingest ended before its first batch was committed"
        time.sleep(0.02)


def test_kill_9_mid_run_loses_nothing_stored_and_a_rerun_completes(
        corpus: tuple[Path, list[str]], clean_run: Path, tmp_path: Path) -> None:
    folder, ids = corpus
    db = tmp_path / "killed.duckdb"
    # Transactions of 32 articles: the corpus spans two, and the kill falls after the first.
    process = subprocess.Popen([str(SELON), "ingest", str(folder), "--db", str(db), "--workers", "1",
                                "--write-batch", "32"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # the first article's closing line is in the log once the first batch is committed
        wait_for_first_commit(process, db.with_name(db.name + ".wal"), "Dépêche numéro 0.".encode())
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    # the store opens, holds some articles but not all, and each with all its events
    expected = events_by_article(clean_run)
    stored = events_by_article(db)
    assert 0 < len(stored) < len(ids)
    for key, events in stored.items():
        assert events == expected[key], key

    # a rerun skips what is stored and codes the rest: then the store is the clean run's
    rerun = selon_ingest(folder, db)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(stored)} already stored" in rerun.stderr
    assert rows(db) == rows(clean_run)


def test_a_second_writer_gets_a_clear_message(corpus: tuple[Path, list[str]],
                                              clean_run: Path, tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    db.write_bytes(clean_run.read_bytes())
    Store(db).close()  # brings the copy to this schema first, as the holder would
    before = rows(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from selon.store import Store;"
         f" s = Store({str(db)!r}); print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        second = selon_ingest(corpus[0], db)
    finally:
        holder.communicate("", timeout=60)
    assert second.returncode == 2
    assert second.stderr.startswith("selon:") and "open for writing in another process" in second.stderr
    assert "Traceback" not in second.stderr
    assert rows(db) == before  # and the file is whole


def ingest(pipeline: Pipeline, db: Path, *parts: list[str]) -> Iterator[int]:
    for paths in parts:
        with Store(db) as store:
            yield ingest_into(paths, store, pipeline, on_error=print).stored


def test_twice_or_in_halves_in_either_order_gives_the_same_store(
        pipeline: Pipeline, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    ids = write_corpus(folder, variants=1)
    files = sorted(str(p) for p in folder.iterdir())
    first, second = files[: len(files) // 2], files[len(files) // 2:]
    whole = [str(folder)]
    assert list(ingest(pipeline, tmp_path / "twice.duckdb", whole, whole)) == [len(ids), 0]
    expected = rows(tmp_path / "twice.duckdb")
    assert sum(ingest(pipeline, tmp_path / "ab.duckdb", first, second)) == len(ids)
    assert rows(tmp_path / "ab.duckdb") == expected
    assert sum(ingest(pipeline, tmp_path / "ba.duckdb", second, first)) == len(ids)
    assert rows(tmp_path / "ba.duckdb") == expected
