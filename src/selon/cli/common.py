"""What several commands share: options, error reporting, event rows for display."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from selon.records import DocumentError

stderr = Console(stderr=True, highlight=False)
stdout = Console(highlight=False)

DB_OPTION = typer.Option(Path("selon.duckdb"), "--db", help="The DuckDB store file.")
EXIT_SOME_FAILED = 1
EXIT_ERROR = 2


def report_error(error: DocumentError) -> None:
    """One line per bad document: where it is and why it was not coded."""
    stderr.print(f"[red]error[/red] {error.origin}: {error.reason}", markup=True, soft_wrap=True)


def fail(message: str) -> typer.Exit:
    stderr.print(f"[red]selon:[/red] {message}", soft_wrap=True)
    return typer.Exit(EXIT_ERROR)


def actor_label(row: dict[str, Any], side: str) -> str:
    parts = [row.get(f"{side}_country") or row.get(f"{side}_org") or "—",
             row.get(f"{side}_sector") or ""]
    label = " ".join(p for p in parts if p)
    name = row.get(f"{side}_name")
    return f"{label} ({name})" if name else label


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event as the FORMAT.md event record."""

    def actor(side: str) -> dict[str, Any] | None:
        fields = {k: row.get(f"{side}_{k}") for k in ("country", "sector", "name", "org")}
        return fields if any(fields.values()) else None

    return {
        "article_id": row["article_id"],
        "type": row["type"],
        "mode": row["mode"],
        "context": list(row["context"] or []),
        "source": actor("source"),
        "target": actor("target"),
        "sentence": row["sentence"],
        "certainty": row["certainty"],
        "attributed_to": list(row["attributed_to"] or []),
        "date": row["date"],
        "location": row["location"],
        "objects": list(row["objects"] or []),
        "quantities": json.loads(row["quantities"] or "[]"),
        "provenance": {
            "article_hash": row["article_hash"],
            "sentence_span": [row["sentence_start"], row["sentence_end"]],
            "trigger": row["trigger"],
            "trigger_span": [row["trigger_start"], row["trigger_end"]],
            "rule": row["rule"],
        },
    }
