"""What several commands share: options, error reporting, event rows for display."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from selon.records import Actor, DocumentError

stderr = Console(stderr=True, highlight=False)
stdout = Console(highlight=False)

DB_OPTION = typer.Option(Path("selon.duckdb"), "--db", help="The DuckDB store file.")
# The filters `selon events` and `selon acts` share (selon.store.EventFilter).
TYPE_OPTION = typer.Option(None, "--type", help="PLOVER type, e.g. REQUEST.")
COUNTRY_OPTION = typer.Option(None, "--country", help="Source or target country (ISO3).")
ACTOR_OPTION = typer.Option(None, "--actor", help="Part of an actor's name or org.")
CERTAINTY_OPTION = typer.Option(None, "--certainty", help="asserted, reported, alleged, denied "
                                "or hypothetical.")
SOURCE_OPTION = typer.Option(None, "--source", help="Part of a source in the chain, e.g. "
                             "'Washington Post'.")
SINCE_OPTION = typer.Option(None, "--since", help="YYYY-MM-DD: on or after.")
UNTIL_OPTION = typer.Option(None, "--until", help="YYYY-MM-DD: on or before.")
ARTICLE_OPTION = typer.Option(None, "--article", help="Only this article (id or hash).")
OUTLET_OPTION = typer.Option(None, "--outlet", help="Part of the publishing outlet's name.")
TEXT_OPTION = typer.Option(None, "--text", help="Part of the sentence, title, trigger or a "
                           "side's name.")

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


def actor_text(actor: Actor | None) -> str:
    """An actor in one line: "RUS GOV (Vladimir Putin)", "EU IGO", "—" for none."""
    if actor is None:
        return "—"
    label = " ".join(p for p in (actor.country or actor.org, actor.sector) if p) or "?"
    return f"{label} ({actor.name})" if actor.name else label


def actor_label(row: dict[str, Any], side: str) -> str:
    parts = [row.get(f"{side}_country") or row.get(f"{side}_org") or "—",
             row.get(f"{side}_sector") or ""]
    label = " ".join(p for p in parts if p)
    name = row.get(f"{side}_name")
    return f"{label} ({name})" if name else label
