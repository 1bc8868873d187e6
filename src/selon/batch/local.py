"""The local runner: read, code in batches, write; bad documents are reported, not fatal."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TextIO

from selon.batch.progress import Silent, Tracker
from selon.batch.workers import WorkerPool, code_prepared, settle_heap
from selon.errors import SelonError
from selon.ingest import read_paths
from selon.pipeline import Coded, Pipeline
from selon.records import Article, DocumentError
from selon.store import Store

OnError = Callable[[DocumentError], None]


@dataclass
class IngestReport:
    coded: int = 0  # articles coded in this run
    stored: int = 0  # articles newly written to the store
    skipped: int = 0  # already stored, or seen before in this run: not parsed again
    events: int = 0
    failed: list[DocumentError] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.coded + self.skipped + len(self.failed)


def extract_to(paths: Iterable[str], out: TextIO, pipeline: Pipeline,
               on_error: OnError) -> IngestReport:
    """Code the documents and write their events as JSON Lines (FORMAT.md) to `out`."""
    report = IngestReport()
    for outcome in pipeline.run(read_paths(paths, max_bytes=pipeline.settings.max_document_bytes)):
        if isinstance(outcome, DocumentError):
            report.failed.append(outcome)
            on_error(outcome)
            continue
        report.coded += 1
        for event in outcome.events:
            out.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
            report.events += 1
    return report


def ingest_into(paths: Iterable[str], store: Store, pipeline: Pipeline, on_error: OnError,
                workers: int = 1, progress: Tracker | None = None) -> IngestReport:
    """Code the documents into the store, one transaction per `write_batch_size` articles.

    Only this process reads, prepares and writes; with `workers` > 1 the parse and the coding
    run in that many processes. Stored articles, and repeats within the run, are skipped before
    parsing: a second run over the same input parses and stores nothing, and an interrupted
    run resumes where it stopped. Batches are written in input order whatever `workers` is.
    """
    report = IngestReport()
    tracker = progress or Silent()
    seen: set[str] = set()
    store.link_duplicates()  # articles stored before duplicates were tracked, once

    def fail(error: DocumentError) -> None:
        report.failed.append(error)
        on_error(error)
        tracker.update(report.done, report.skipped, len(report.failed))

    def prepared() -> Iterator[Article]:
        for item in read_paths(paths, max_bytes=pipeline.settings.max_document_bytes):
            if isinstance(item, DocumentError):
                fail(item)
                continue
            try:
                yield pipeline.prepare(item)
            except SelonError as error:
                fail(DocumentError(item.origin or item.id, str(error)))

    def to_code() -> Iterator[Article]:
        # The store is asked which are stored a batch at a time, not one query per article.
        for chunk in batches(prepared(), pipeline.settings.batch_size):
            stored = store.stored([article.content_hash or "" for article in chunk])
            for article in chunk:
                key = article.content_hash or ""
                if key in seen or key in stored:
                    report.skipped += 1
                    tracker.update(report.done, report.skipped, len(report.failed))
                    continue
                seen.add(key)
                yield article

    def write(coded: list[Coded]) -> None:
        report.stored += store.write(coded)
        report.coded += len(coded)
        report.events += sum(len(c.events) for c in coded)
        tracker.update(report.done, report.skipped, len(report.failed))

    # Coded batches are written a few at a time: each transaction has a fixed cost (statements,
    # conflict checks, the acts and duplicates it reads back), and an interrupt loses at most
    # `write_batch_size` articles' coding, which the next run redoes.
    pending: list[Coded] = []
    settle_heap()  # (what this process has loaded lives as long as the run; thawed after it)
    try:
        for coded in code_batches(batches(to_code(), pipeline.settings.batch_size), pipeline,
                                  workers):
            pending.extend(coded)
            if len(pending) >= pipeline.settings.write_batch_size:
                write(pending)
                pending = []
        if pending:
            write(pending)
    finally:
        gc.unfreeze()
        tracker.close()
    return report


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    items = iter(articles)
    while batch := list(islice(items, size)):
        yield batch


def code_batches(pending: Iterator[list[Article]], pipeline: Pipeline,
                 workers: int) -> Iterator[list[Coded]]:
    """Coded batches in input order: in this process with one worker, or when the input fits
    in one batch (starting workers and loading their models would cost more than it saves);
    else in a pool of `workers` processes."""
    ahead = list(islice(pending, 2))
    if workers <= 1 or len(ahead) < 2:
        for batch in chain(ahead, pending):
            yield code_prepared(pipeline, batch)
        return
    with WorkerPool(pipeline.settings, workers) as pool:
        yield from pool.code(chain(ahead, pending))
