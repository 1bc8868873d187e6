"""`selon explain`: why each sentence of an article gave the events it gave (or none)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.text import Text

from selon.cli.common import actor_text, fail, stdout
from selon.errors import SelonError
from selon.pipeline import Pipeline
from selon.records import Article, Event
from selon.store import Store


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _event_lines(event: Event) -> list[str]:
    chain = " > ".join(event.attributed_to)
    lines = [f"{event.type} {actor_text(event.source)} → {actor_text(event.target)}  "
             f"[{event.certainty}{', according to ' + chain if chain else ''}]",
             f"trigger '{event.provenance.trigger}'  rule {event.provenance.rule}"]
    details = [f"date {event.date}" if event.date else "",
               f"location {event.location}" if event.location else "",
               f"objects {'; '.join(event.objects)}" if event.objects else "",
               "quantities " + "; ".join(f"{_number(q.value)} {q.unit} ({q.text})"
                                         for q in event.quantities)
               if event.quantities else ""]
    if any(details):
        lines.append("  ".join(d for d in details if d))
    return lines


def explain(
    article_id: str | None = typer.Argument(None, help="An article in the store: its id, content "
                                                      "hash or hash prefix."),
    text: str | None = typer.Option(None, "--text", help="Explain this text instead."),
    lang: str | None = typer.Option(None, "--lang", help="The text's language (default: detect)."),
    on: str | None = typer.Option(None, "--date", help="The text's publication date (ISO)."),
    db: Path = typer.Option(Path("selon.duckdb"), "--db", help="The DuckDB store file."),
) -> None:
    """Show, sentence by sentence, each event with its trigger, source, target, certainty,
    attribution, date, location, objects, quantities and the rule that fired, and each lexicon
    word that gave no event with the reason.

    Example: selon explain --text "Le Mali a demandé à la Russie des hélicoptères." --lang fr
    """
    if (article_id is None) == (text is None):
        raise fail("give an ARTICLE_ID from the store or --text, not both")
    if text is not None:
        article = Article(id="text", text=text, lang=lang, date=on)
    else:
        with Store(db, read_only=True) as store:
            row = store.article(article_id or "")
        if row is None:
            raise fail(f"no article {article_id!r} in {db}")
        article = Article(id=row["external_id"], text=row["text"], lang=row["lang"],
                          date=row["date"], title=row["title"], outlet=row["outlet"])
    pipeline = Pipeline()
    try:
        prepared = pipeline.prepare(article)
    except SelonError as error:
        raise fail(str(error)) from None
    [parsed] = pipeline.parsers.parse([(prepared, prepared.lang or "")])
    for trace in pipeline.explain(parsed):
        stdout.print(Text(f"@{trace.start} {trace.text}", style="bold"), soft_wrap=True)
        for event in trace.events:
            for number, line in enumerate(_event_lines(event)):
                stdout.print(Text(("  ✓ " if number == 0 else "    ") + line), soft_wrap=True)
        for word, reason in trace.missed:
            stdout.print(Text(f"  · '{word}': {reason}", style="dim"), soft_wrap=True)
