"""`selon export`: the store's events for other tools (JSON Lines, CSV, Parquet, GraphML, PLOVER)."""

from __future__ import annotations

from pathlib import Path

import typer

from selon.cli.common import DB_OPTION, fail, stderr
from selon.export import ExportFormat, export_events
from selon.store import EventFilter, Store


def export(
    db: Path = DB_OPTION,
    format: ExportFormat = typer.Option(..., "--format", help="jsonl (the event format of "
                                        "FORMAT.md), csv, parquet, graphml or plover."),
    output: Path | None = typer.Option(None, "--output", "-o", help="The file to write; standard "
                                       "output by default (parquet needs a file)."),
    type: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. REQUEST."),
    country: str | None = typer.Option(None, "--country", help="Source or target country (ISO3)."),
    actor: str | None = typer.Option(None, "--actor", help="Part of an actor's name or org."),
    certainty: str | None = typer.Option(None, "--certainty", help="asserted, reported, alleged, "
                                         "denied or hypothetical."),
    source: str | None = typer.Option(None, "--source", help="Part of a source in the chain."),
    outlet: str | None = typer.Option(None, "--outlet", help="Part of the publishing outlet."),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD: on or after."),
    until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD: on or before."),
    text: str | None = typer.Option(None, "--text", help="Part of the sentence, title, trigger "
                                    "or a side's name."),
) -> None:
    """Export the stored events that match every filter given (all of them by default).

    plover writes PLOVER/POLECAT-style records (id, date, source, recipient, event, quad_code,
    mode, context, event_text, ...) with selon's provenance (attributed_to, certainty,
    sentence, article_id); graphml has actors as nodes and events as directed edges.

    Example: selon export --db news.duckdb --format parquet --output events.parquet
    """
    where = EventFilter(type=type, country=country, actor=actor, certainty=certainty,
                        source=source, since=since, until=until, outlet=outlet, text=text)
    try:
        with Store(db, read_only=True) as store:
            report = export_events(store, where, format, output)
    except OSError as error:
        raise fail(f"cannot write {output}: {error.strerror or error}") from error
    what = "edges" if format is ExportFormat.graphml else "events"
    message = f"{report.events} {what} → {output or 'standard output'}"
    if report.left_out:
        message += f" ({report.left_out} events with one side only make no edge)"
    stderr.print(message, soft_wrap=True)
