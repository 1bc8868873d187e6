"""Exports of the store's events for other tools: JSON Lines (the event format of FORMAT.md),
CSV, Parquet, GraphML and PLOVER records."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from selon.errors import SelonError
from selon.export.graphml import write_graphml
from selon.export.jsonl import write_jsonl, write_plover
from selon.export.table import write_csv, write_parquet
from selon.store import EventFilter, Store


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"
    plover = "plover"


@dataclass(frozen=True)
class ExportReport:
    events: int  # events written (for GraphML: edges)
    left_out: int = 0  # GraphML: events with one side only, which make no edge


def export_events(store: Store, where: EventFilter, format: ExportFormat,
                  output: Path | None) -> ExportReport:
    """Write the events that match `where` to `output`, or to standard output when None."""
    if format is ExportFormat.parquet:
        if output is None:
            raise SelonError("parquet is a binary file format: give --output FILE")
        return ExportReport(write_parquet(store, where, output))
    rows = store.events(where)
    if format is ExportFormat.graphml:
        if output is None:
            edges, one_sided = write_graphml(rows, sys.stdout.buffer)
        else:
            with output.open("wb") as out:
                edges, one_sided = write_graphml(rows, out)
        return ExportReport(edges, one_sided)
    writer = {ExportFormat.jsonl: write_jsonl, ExportFormat.csv: write_csv,
              ExportFormat.plover: write_plover}[format]
    if output is None:
        return ExportReport(writer(rows, sys.stdout))
    # newline="" lets the csv module write its own line ends; JSON Lines has no \r to lose
    with output.open("w", encoding="utf-8", newline="") as out:
        return ExportReport(writer(rows, out))


__all__ = ["ExportFormat", "ExportReport", "export_events"]
