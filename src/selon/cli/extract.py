"""`selon extract`: documents in, events out as JSON Lines (the FORMAT.md event format)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from selon.batch import extract_to
from selon.cli.common import EXIT_SOME_FAILED, report_error, stderr
from selon.pipeline import Pipeline


def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="Events file (JSON Lines); standard output if absent."),
) -> None:
    """Code documents and write their events as JSON Lines.

    Example: selon extract page.html note.txt corpus.jsonl --output events.jsonl
    """
    pipeline = Pipeline()
    if output is None:
        report = extract_to(paths, sys.stdout, pipeline, report_error)
    else:
        with output.open("w", encoding="utf-8") as out:
            report = extract_to(paths, out, pipeline, report_error)
    stderr.print(f"{report.coded} documents coded, {report.events} events, "
                 f"{len(report.failed)} failed")
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)
