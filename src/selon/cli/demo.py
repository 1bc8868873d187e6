"""`selon demo`: code the bundled sample articles into a store and say what was found."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer
from rich.table import Table

from selon.acts import ActRules
from selon.batch import ingest_into
from selon.cli.common import DB_OPTION, EXIT_SOME_FAILED, actor_label, report_error, stdout
from selon.config import load_settings
from selon.pipeline import Pipeline
from selon.store import EventFilter, Store

SAMPLES = ("articles.jsonl", "page_fr.html", "note_en.txt")


def demo(db: Path = DB_OPTION) -> None:
    """Code the bundled sample articles (French and English, JSON Lines, HTML, text) into the
    store and print a summary: articles, events by type and certainty, a few events.

    Example: selon demo --db selon.duckdb
    """
    folder = resources.files("selon").joinpath("samples")
    paths = [str(folder.joinpath(name)) for name in SAMPLES]
    settings = load_settings()
    with Store(db, rules=ActRules.of(settings)) as store:
        report = ingest_into(paths, store, Pipeline(settings), report_error)
        summary = store.summary()
        requests = store.events(EventFilter(type="REQUEST", limit=8))
    stdout.print(f"[bold]selon demo[/bold] → {db}: {report.stored} new articles "
                 f"({report.skipped} already stored), {summary['articles']} articles, "
                 f"{summary['events']} events, {summary['actors']} actors in the store")
    types = Table(title="events by type")
    types.add_column("type")
    types.add_column("events", justify="right")
    for name, count in summary["by_type"]:
        types.add_row(name, str(count))
    stdout.print(types)
    stdout.print("by certainty: " + ", ".join(f"{c} {n}" for c, n in summary["by_certainty"]))
    table = Table(title="some REQUEST events")
    for column in ("article", "source", "target", "certainty", "according to", "sentence"):
        table.add_column(column, overflow="fold")
    for row in requests:
        table.add_row(row["article_id"], actor_label(row, "source"), actor_label(row, "target"),
                      row["certainty"], " > ".join(row["attributed_to"] or []),
                      row["sentence"][:120])
    stdout.print(table)
    stdout.print(f"Next: selon events --db {db} --type ACCUSE · selon show ARTICLE_ID --db {db}")
    if report.failed:
        raise typer.Exit(EXIT_SOME_FAILED)
