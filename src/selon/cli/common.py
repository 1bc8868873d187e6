"""What several commands share: options, error reporting, event rows for display."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from selon.records import DocumentError

stderr = Console(stderr=True, highlight=False)
stdout = Console(highlight=False)

DB_OPTION = typer.Option(Path("selon.duckdb"), "--db", help="The DuckDB store file.")
EXIT_SOME_FAILED = 1
EXIT_ERROR = 2


def report_error(error: DocumentError) -> None:
    """One line per bad document: where it is and why it was not coded. The name and the
    reason may quote the document ("got '[/b]'"): escaped, rich shows them as they are."""
    stderr.print(f"[red]error[/red] {escape(error.origin)}: {escape(error.reason)}", markup=True,
                 soft_wrap=True)


def fail(message: str) -> typer.Exit:
    stderr.print(f"[red]selon:[/red] {escape(message)}", soft_wrap=True)
    return typer.Exit(EXIT_ERROR)


def actor_label(row: dict[str, Any], side: str) -> str:
    parts = [row.get(f"{side}_country") or row.get(f"{side}_org") or "—",
             row.get(f"{side}_sector") or ""]
    label = " ".join(p for p in parts if p)
    name = row.get(f"{side}_name")
    return f"{label} ({name})" if name else label
