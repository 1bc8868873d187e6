"""`selon events`: query the store's events with filters, as a table, JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from selon.cli.common import DB_OPTION, actor_label, stdout
from selon.store import EventFilter, Store, event_from_row


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


CSV_COLUMNS = ("article_id", "type", "mode", "source_country", "source_sector", "source_name",
               "source_org", "target_country", "target_sector", "target_name", "target_org",
               "certainty", "attributed_to", "date", "sentence", "rule")


def events(
    db: Path = DB_OPTION,
    type: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. REQUEST."),
    country: str | None = typer.Option(None, "--country", help="Source or target country (ISO3)."),
    actor: str | None = typer.Option(None, "--actor", help="Part of an actor's name or org."),
    certainty: str | None = typer.Option(None, "--certainty", help="asserted, reported, alleged, "
                                         "denied or hypothetical."),
    source: str | None = typer.Option(None, "--source", help="Part of a source in the chain, "
                                      "e.g. 'Washington Post'."),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD: on or after."),
    until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD: on or before."),
    article: str | None = typer.Option(None, "--article", help="Only this article (id or hash)."),
    limit: int | None = typer.Option(None, "--limit", help="At most this many events."),
    format: Format = typer.Option(Format.table, "--format", help="table, jsonl or csv."),
) -> None:
    """List stored events that match every filter given.

    Example: selon events --db news.duckdb --type REQUEST --country VEN --format jsonl
    """
    where = EventFilter(type, country, actor, certainty, source, since, until, article, limit)
    with Store(db, read_only=True) as store:
        rows = store.events(where)
    if format is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(event_from_row(row).to_record(), ensure_ascii=False) + "\n")
        return
    if format is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            values = {**row, "attributed_to": " > ".join(row["attributed_to"] or [])}
            writer.writerow([values.get(c) for c in CSV_COLUMNS])
        return
    table = Table(title=f"{len(rows)} events", show_lines=False)
    for column in ("article", "type", "source", "target", "certainty", "according to", "date"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["article_id"], row["type"], actor_label(row, "source"),
                      actor_label(row, "target"), row["certainty"],
                      " > ".join(row["attributed_to"] or []), row["date"] or "")
    stdout.print(table)
