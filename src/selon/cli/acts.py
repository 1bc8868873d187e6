"""`selon acts` and `selon act`: the acts the stored events report, across articles."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from selon.acts import ActRules
from selon.acts.evaluate import evaluate, run
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
    actor_text,
    fail,
    stdout,
)
from selon.store import EventFilter, Store


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"


def _days(first: object, last: object) -> str:
    if first is None:
        return ""
    return str(first) if first == last else f"{first} – {last}"


def acts(
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
    status: str | None = typer.Option(None, "--status", help="confirmed, reported, alleged, "
                                      "contested, denied or hypothetical."),
    reports: int = typer.Option(1, "--min-reports", help="Only acts reported in at least this "
                                "many articles."),
    limit: int | None = typer.Option(None, "--limit", help="At most this many acts."),
    format: Format = typer.Option(Format.table, "--format", help="table or jsonl."),
) -> None:
    """List the acts that stored events report: each act once, with how many articles, outlets
    and independent sources report it, when, and its status (confirmed by its author,
    reported, alleged, contested, denied). An act is listed when one of its claims matches
    every filter given; all its claims are counted.

    Example: selon acts --db news.duckdb --type REQUEST --min-reports 2
    """
    where = EventFilter(type, country, actor, certainty, source, since, until, article, limit,
                        outlet, text)
    with Store(db, read_only=True) as store:
        found = store.acts(where, reports, status)
    if format is Format.jsonl:
        for act in found:
            sys.stdout.write(json.dumps(act.to_record(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(found)} acts")
    for column in ("act", "type", "source", "target", "when", "status", "claims", "outlets",
                   "sources", "seen"):
        table.add_column(column)
    for act in found:
        table.add_row(act.act_id[:10], act.type, actor_text(act.source), actor_text(act.target),
                      _days(act.first_date, act.last_date), act.status, str(act.claims),
                      str(act.outlets), str(act.sources), _days(act.first_seen, act.last_seen))
    stdout.print(table)


def act(
    act_id: str = typer.Argument(..., help="The act's id or a unique prefix of it."),
    db: Path = DB_OPTION,
) -> None:
    """Show one act: what it is, its status and figures, then its claims side by side, each
    with its outlet, certainty, sources and the sentence that states it.

    Example: selon act 3f2a9c --db news.duckdb
    """
    with Store(db, read_only=True) as store:
        found = store.act(act_id)
    if found is None:
        raise fail(f"no act {act_id!r} in {db}")
    summary, rows = found
    stdout.print(f"[bold]{summary.type}[/bold] {actor_text(summary.source)} → {actor_text(summary.target)}"
                 f"  ·  {summary.status}  ·  {_days(summary.first_date, summary.last_date)}")
    stdout.print(f"act {summary.act_id}: {summary.claims} claims in {summary.articles} articles,"
                 f" {summary.outlets} outlets, {summary.sources} independent sources;"
                 f" seen {_days(summary.first_seen, summary.last_seen)}")
    table = Table(show_lines=True)
    for column in ("outlet", "published", "certainty", "according to", "source", "target",
                   "sentence"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["outlet"] or row["article_id"], row["article_date"] or "",
                      row["certainty"], " > ".join(row["attributed_to"] or []) or "(the outlet)",
                      actor_label(row, "source"), actor_label(row, "target"), row["sentence"])
    stdout.print(table)


def say(line: str) -> None:
    """A figure line, whole: not wrapped at the width of a terminal that is not there."""
    stdout.print(line, soft_wrap=True)


def acts_eval(
    corpus: Path = typer.Argument(..., help="A gold file whose events carry an `act` id."),
    expected: Path | None = typer.Option(None, "--acts", help="The acts' expected status, "
                                         "outlets and sources (default: NAME.acts.jsonl or "
                                         "acts.jsonl beside the corpus)."),
    gold_only: bool = typer.Option(False, "--gold-only", help="Group the gold events only; "
                                   "do not run the coder."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Each act's figures."),
) -> None:
    """Score the grouping of events into acts on a corpus whose acts are known: pairwise
    precision and recall over events, for the gold events as annotated and for the events
    the coder finds (stored as `selon ingest` stores them), and each act's status, outlets
    and independent sources against the expected ones.

    Example: selon acts-eval tests/fixtures/acts/corpus.gold.jsonl
    """
    rules = ActRules.default()
    if expected is None:
        beside = [corpus.parent / f"{corpus.name.split('.')[0]}.acts.jsonl",
                  corpus.parent / "acts.jsonl"]
        expected = next((path for path in beside if path.exists()), None)
    report = evaluate(corpus, expected, rules) if gold_only else run(corpus, expected, rules)
    say(f"corpus: {report.articles} articles, {report.gold_events} gold events in "
                 f"{report.gold_acts} acts ({report.repeated_acts} reported in 2+ articles)")
    g = report.gold_grouping
    say(f"gold events grouped:  pairwise precision {g.precision:.3f}  recall "
                 f"{g.recall:.3f}  F1 {g.f1:.3f}  ({g.events} events)")
    if report.found_grouping is not None:
        f = report.found_grouping
        say(f"coder's events:       pairwise precision {f.precision:.3f}  recall "
                     f"{f.recall:.3f}  F1 {f.f1:.3f}  ({report.paired} events paired with "
                     f"{report.paired / max(1, report.gold_events):.0%} of the gold events)")
    if not report.acts:
        return
    agree = {"status": 0, "outlets": 0, "sources": 0}
    table = Table(title="acts: expected / found")
    for column in ("act", "summary", "status", "outlets", "sources", "found act"):
        table.add_column(column)
    for want, got in report.acts:
        if got is not None:
            agree["status"] += want.status == got.status
            agree["outlets"] += want.outlets == got.outlets
            agree["sources"] += want.sources == got.sources
        table.add_row(want.act, want.summary[:40],
                      f"{want.status} / {got.status if got else '—'}",
                      f"{want.outlets} / {got.outlets if got else '—'}",
                      f"{want.sources} / {got.sources if got else '—'}",
                      got.act_id[:10] if got else "not found")
    if verbose:
        stdout.print(table)
    total = len(report.acts)
    say("acts agreeing with the expected figures: " + ", ".join(
        f"{name} {count}/{total}" for name, count in agree.items()))
