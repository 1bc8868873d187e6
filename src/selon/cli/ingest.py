"""`selon ingest`: documents in, coded into the DuckDB store (or, with Spark, into Parquet)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from selon.acts import ActRules
from selon.batch import ingest_into
from selon.batch.progress import count_documents, tracker_for
from selon.batch.workers import default_workers
from selon.cli.common import DB_OPTION, EXIT_SOME_FAILED, fail, report_error, stderr
from selon.config import load_settings
from selon.pipeline import Pipeline
from selon.store import Store


class Engine(StrEnum):
    local = "local"
    spark = "spark"


def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    db: Path = DB_OPTION,
    workers: int | None = typer.Option(
        None, "--workers", "-w", min=1,
        help="Processes that parse and code (default: this machine's cores); 1 codes in this "
        "process."),
    write_batch: int | None = typer.Option(
        None, "--write-batch", min=1,
        help="Articles written to the store per transaction (default: settings, 256); an "
        "interrupted run codes at most these again."),
    engine: Engine = typer.Option(Engine.local, "--engine",
                                  help="local: into the DuckDB store; spark: into Parquet."),
    output: str | None = typer.Option(
        None, "--output", "-o",
        help="--engine spark: the folder (or hdfs://, s3a:// URI) the Parquet goes to."),
    master: str | None = typer.Option(
        None, "--master", help="--engine spark: the Spark master when not run by spark-submit "
        "(default local[*])."),
) -> None:
    """Code documents into the store; documents already stored are skipped, so an interrupted
    run resumes where it stopped.

    Example: selon ingest corpus/ --db news.duckdb --workers 2
    """
    if engine is Engine.spark:
        _ingest_spark(paths, output, master)
        return
    if output is not None or master is not None:
        raise fail("--output and --master are for --engine spark; the local engine writes --db")
    count = workers or default_workers()
    tracker = tracker_for(stderr, count_documents(paths))
    settings = load_settings(write_batch_size=write_batch)
    with Store(db, rules=ActRules.of(settings)) as store:
        report = ingest_into(paths, store, Pipeline(settings), report_error, workers=count,
                             progress=tracker)
    stderr.print(f"{report.stored} articles stored ({report.events} events), "
                 f"{report.skipped} already stored, {len(report.failed)} failed → {db}")
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)


def _ingest_spark(paths: list[str], output: str | None, master: str | None) -> None:
    # Imported here: the Spark engine needs the optional `selon[spark]` extra.
    from selon.batch.spark import run_spark

    if output is None:
        raise fail("--engine spark needs --output DIR (Parquet events are written there)")
    report = run_spark(paths, output, master=master)
    stderr.print(f"{report.articles} articles coded ({report.events} events), "
                 f"{report.failed} failed → {output}")
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)
