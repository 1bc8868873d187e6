"""`selon ingest`: documents in, coded into the DuckDB store."""

from __future__ import annotations

from pathlib import Path

import typer

from selon.batch import ingest_into
from selon.cli.common import DB_OPTION, EXIT_SOME_FAILED, report_error, stderr
from selon.pipeline import Pipeline
from selon.store import Store


def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    db: Path = DB_OPTION,
) -> None:
    """Code documents into the store; documents already stored are skipped.

    Example: selon ingest corpus/ --db news.duckdb
    """
    with Store(db) as store:
        report = ingest_into(paths, store, Pipeline(), report_error)
    stderr.print(f"{report.stored} articles stored ({report.events} events), "
                 f"{report.skipped} already stored, {len(report.failed)} failed → {db}")
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)
