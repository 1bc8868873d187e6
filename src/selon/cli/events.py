"""`selon events`: query the store's events with filters, as a table, JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from selon.cli.common import (
    ACTOR_OPTION,
    ARTICLE_OPTION,
    CERTAINTY_OPTION,
    COUNTRY_OPTION,
    DB_OPTION,
    OUTLET_OPTION,
    SINCE_OPTION,
    SOURCE_OPTION,
    TEXT_OPTION,
    TYPE_OPTION,
    UNTIL_OPTION,
    actor_label,
    stdout,
)
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
    type: str | None = TYPE_OPTION,
    country: str | None = COUNTRY_OPTION,
    actor: str | None = ACTOR_OPTION,
    certainty: str | None = CERTAINTY_OPTION,
    source: str | None = SOURCE_OPTION,
    since: str | None = SINCE_OPTION,
    until: str | None = UNTIL_OPTION,
    article: str | None = ARTICLE_OPTION,
    outlet: str | None = OUTLET_OPTION,
    text: str | None = TEXT_OPTION,
    limit: int | None = typer.Option(None, "--limit", help="At most this many events."),
    format: Format = typer.Option(Format.table, "--format", help="table, jsonl or csv."),
) -> None:
    """List stored events that match every filter given.

    Example: selon events --db news.duckdb --type REQUEST --country VEN --format jsonl
    """
    where = EventFilter(type, country, actor, certainty, source, since, until, article, limit,
                        outlet, text)
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
