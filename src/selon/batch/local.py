"""The local runner: read, code in batches, write; bad documents are reported, not fatal."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TextIO

from selon.ingest import read_paths
from selon.pipeline import Coded, Pipeline
from selon.records import DocumentError
from selon.store import Store

OnError = Callable[[DocumentError], None]


@dataclass
class IngestReport:
    coded: int = 0  # articles coded in this run
    stored: int = 0  # articles newly written to the store
    skipped: int = 0  # already stored: not parsed again
    events: int = 0
    failed: list[DocumentError] = field(default_factory=list)


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


def ingest_into(paths: Iterable[str], store: Store, pipeline: Pipeline,
                on_error: OnError) -> IngestReport:
    """Code the documents into the store, one transaction per batch; stored ones are skipped
    before parsing, so a second run over the same input parses and stores nothing."""
    report = IngestReport()

    def already_stored(article: object) -> bool:
        known = store.has_article(getattr(article, "content_hash", "") or "")
        report.skipped += known
        return known

    batch: list[Coded] = []
    outcomes = pipeline.run(read_paths(paths, max_bytes=pipeline.settings.max_document_bytes),
                            skip=already_stored)
    for outcome in outcomes:
        if isinstance(outcome, DocumentError):
            report.failed.append(outcome)
            on_error(outcome)
            continue
        report.coded += 1
        report.events += len(outcome.events)
        batch.append(outcome)
        if len(batch) >= pipeline.settings.batch_size:
            report.stored += store.write(batch)
            batch = []
    if batch:
        report.stored += store.write(batch)
    return report
