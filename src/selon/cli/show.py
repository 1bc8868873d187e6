"""`selon show`: an article's text with its events' sentences highlighted, and its events."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from selon.cli.common import DB_OPTION, actor_label, fail, stdout
from selon.store import EventFilter, Store


def show(
    article_id: str = typer.Argument(..., help="The article's id, content hash or hash prefix."),
    db: Path = DB_OPTION,
) -> None:
    """Print an article with each event's sentence highlighted and its trigger underlined,
    then its events with their sources, certainty and the rule that coded them, then its
    open questions (what the text says is not known) with the events they concern.

    Example: selon show sample-fr-01 --db selon.duckdb
    """
    with Store(db, read_only=True) as store:
        article = store.article(article_id)
        if article is None:
            raise fail(f"no article {article_id!r} in {db}")
        rows = store.events(EventFilter(article=article["id"]))
        questions = store.open_questions(article["id"])
    header = " · ".join(v for v in (article["title"], article["outlet"], article["date"],
                                    article["lang"]) if v)
    stdout.print(Text(header or article["external_id"], style="bold"))
    stdout.print(Text(f"id {article['external_id']}  hash {article['id']}", style="dim"))
    text = Text(article["text"])
    for row in rows:
        text.stylize("on dark_green", row["sentence_start"], row["sentence_end"])
        text.stylize("bold underline", row["trigger_start"], row["trigger_end"])
    stdout.print(text)
    table = Table(title=f"{len(rows)} events")
    for column in ("#", "type", "source", "target", "certainty", "according to", "date",
                   "trigger", "rule"):
        table.add_column(column)
    for number, row in enumerate(rows, 1):
        table.add_row(str(number), row["type"], actor_label(row, "source"),
                      actor_label(row, "target"), row["certainty"],
                      " > ".join(row["attributed_to"] or []), row["date"] or "",
                      row["trigger"], row["rule"])
    stdout.print(table)
    if questions:
        numbers = {row["id"]: number for number, row in enumerate(rows, 1)}
        asked = Table(title=f"{len(questions)} open questions")
        for column in ("sentence", "cue", "events"):
            asked.add_column(column)
        for question in questions:
            concerned = sorted(numbers[i] for i in question["event_ids"] if i in numbers)
            asked.add_row(question["sentence"], question["cue"],
                          ", ".join(f"#{n}" for n in concerned))
        stdout.print(asked)
