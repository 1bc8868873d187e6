"""Throughput of `selon ingest` against the parse alone, on a generated corpus. Run by hand:

    .venv/bin/python bench/throughput.py                      # 2,000 articles, 2 workers
    .venv/bin/python bench/throughput.py --articles 200       # a quick look

In one run, with the same models, batch size and number of worker processes:
  (a) bare spaCy: nlp.pipe over the articles' paragraphs, nothing else;
  (b) the full pipeline (read, clean, detect, hash, parse, code), events counted, not stored;
  (c) the full pipeline into a new DuckDB store (`selon ingest`'s code path).
Each stage includes starting its workers and loading their models. Peak RSS is the largest sum,
over this process and all its children, of their resident memory, sampled every 0.1 s.
On a shared machine one stage may run slower than the next for reasons of its own: `--rounds 2`
measures each twice, the second time in reverse order, and gives the ratios of each round and
of the totals.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus import write_corpus

from selon.batch.local import batches, code_batches, ingest_into
from selon.clean import paragraphs
from selon.config import Settings, load_settings
from selon.errors import SelonError
from selon.ingest import read_paths
from selon.parse.models import load_model
from selon.pipeline import Pipeline
from selon.records import Article, DocumentError
from selon.store import Store

PAGE = os.sysconf("SC_PAGE_SIZE")


class PeakRss:
    """The largest total resident memory of this process tree while it runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(os.getpid())))


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            found.setdefault(parent, []).append(int(entry))
    return found


def _tree(root: int) -> list[int]:
    children, pids, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, []))
    return pids


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


# --- (a) the parse alone ---------------------------------------------------------------------
_NLP: dict[str, Any] = {}


def _load_models(settings: Settings) -> None:
    for lang in settings.languages:
        _NLP[lang] = load_model(settings.model_for(lang), lang)
    _NLP["batch_size"] = max(8, settings.batch_size * 8)  # as Parsers.parse


def _parse_only(batch: list[tuple[str, str]]) -> int:
    tokens = 0
    by_lang: dict[str, list[str]] = {}
    for lang, text in batch:
        by_lang.setdefault(lang, []).extend(p for _, p in paragraphs(text))
    for lang, texts in by_lang.items():
        for doc in _NLP[lang].pipe(texts, batch_size=_NLP["batch_size"]):
            tokens += len(doc)
    return tokens


def bare_spacy(articles: list[dict[str, Any]], settings: Settings, workers: int) -> int:
    pairs = [(a["lang"], a["text"]) for a in articles]
    size = settings.batch_size
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_load_models, initargs=(settings,)) as pool:
        pending: deque[Future[int]] = deque()
        tokens = 0
        for start in range(0, len(pairs), size):
            pending.append(pool.submit(_parse_only, pairs[start:start + size]))
            while len(pending) >= 2 * workers:
                tokens += pending.popleft().result()
        while pending:
            tokens += pending.popleft().result()
    return tokens


# --- (b) the pipeline, no store --------------------------------------------------------------
def pipeline_only(corpus: Path, settings: Settings, workers: int) -> int:
    pipeline = Pipeline(settings)

    def prepared() -> Iterator[Article]:
        for item in read_paths([str(corpus)], max_bytes=settings.max_document_bytes):
            if isinstance(item, DocumentError):
                continue
            try:
                yield pipeline.prepare(item)
            except SelonError:
                continue

    events = 0
    for coded in code_batches(batches(prepared(), settings.batch_size), pipeline, workers):
        events += sum(len(c.events) for c in coded)
    return events


# --- (c) the pipeline into the store ---------------------------------------------------------
def into_store(corpus: Path, db: Path, settings: Settings, workers: int) -> int:
    with Store(db) as store:
        report = ingest_into([str(corpus)], store, Pipeline(settings), lambda _: None,
                             workers=workers)
    return report.events


@dataclass(frozen=True)
class Stage:
    name: str
    seconds: float
    peak_rss: int
    result: int


def measure(name: str, run: Callable[[], int]) -> Stage:
    with PeakRss() as rss:
        started = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - started
    return Stage(name, seconds, rss.peak, result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="a folder to keep the corpus and store in")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure the three stages this many times (every other round in "
                             "reverse order) and give each round's ratios and the overall ones")
    args = parser.parse_args()
    settings = load_settings()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="selon-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus.jsonl"
    db = folder / "bench.duckdb"
    db.unlink(missing_ok=True)
    articles = write_corpus(corpus, args.articles, args.seed)
    words = sum(len(a["text"].split()) for a in articles)
    langs = sorted({a["lang"] for a in articles})
    print(f"corpus: {len(articles):,} articles ({', '.join(langs)}), {words:,} words, "
          f"{words / len(articles):.0f} words/article → {corpus}")
    print(f"workers: {args.workers}, batch size {settings.batch_size}, cores "
          f"{len(os.sched_getaffinity(0))}")
    runs: list[tuple[str, Callable[[], int]]] = [
        ("(a) bare spaCy nlp.pipe", lambda: bare_spacy(articles, settings, args.workers)),
        ("(b) pipeline, no store", lambda: pipeline_only(corpus, settings, args.workers)),
        ("(c) pipeline into store", lambda: into_store(corpus, db, settings, args.workers)),
    ]
    print(f"{'stage':<26} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'peak RSS':>9}  result")
    rounds: list[dict[str, Stage]] = []
    for number in range(args.rounds):
        # Every other round runs the stages in reverse order, so that a machine that slows
        # down or speeds up during the run does not favour one stage.
        order = runs if number % 2 == 0 else runs[::-1]
        stages: dict[str, Stage] = {}
        for name, run in order:
            db.unlink(missing_ok=True)  # (c) always starts from an empty store
            stage = measure(name, run)
            stages[name[:3]] = stage
            unit = "tokens" if name.startswith("(a)") else "events"
            # Each line as soon as its stage ends: a long run that is stopped still tells
            # something.
            print(f"{stage.name:<26} {stage.seconds:8.1f} {len(articles) / stage.seconds:11.1f} "
                  f"{words / stage.seconds:9.0f} {stage.peak_rss / 2**30:8.2f}G  "
                  f"{stage.result:,} {unit}", flush=True)
        rounds.append(stages)
        a, b, c = (stages[key].seconds for key in ("(a)", "(b)", "(c)"))
        label = f"round {number + 1}: " if args.rounds > 1 else ""
        print(f"{label}b/a = {a / b:.2f}   c/a = {a / c:.2f}   (throughput ratios; goal c/a ≥ 0.80)",
              flush=True)
    if args.rounds > 1:
        total = {key: sum(r[key].seconds for r in rounds) for key in ("(a)", "(b)", "(c)")}
        print(f"all {args.rounds} rounds: b/a = {total['(a)'] / total['(b)']:.2f}   "
              f"c/a = {total['(a)'] / total['(c)']:.2f}   (total seconds of each stage)")
    peak = max(stage.peak_rss for r in rounds for stage in r.values())
    print(f"peak RSS (all processes): {peak / 2**30:.2f} GB (goal ≤ 3 GB)")


if __name__ == "__main__":
    main()
