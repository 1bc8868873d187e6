"""`selon actors`: look a name up in the gazetteer, count what it holds, score a test set."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from selon.actors import load_gazetteer
from selon.actors.testset import (
    FIELDS,
    Case,
    NameIndex,
    fold,
    pipeline_resolver,
    read_cases,
    score_cases,
)
from selon.cli.common import fail, stdout
from selon.config import load_settings
from selon.errors import SelonError
from selon.pipeline import Pipeline
from selon.records import Actor, Article

actors_app = typer.Typer(help="The actor gazetteer: lookup, stats, and the actor test set.",
                         no_args_is_help=True)


def _actor_text(actor: Actor | None) -> str:
    if actor is None:
        return "(no actor)"
    fields = {f: getattr(actor, f) for f in FIELDS if getattr(actor, f)}
    return json.dumps(fields, ensure_ascii=False)


@actors_app.command("lookup")
def lookup(
    text: str = typer.Argument(..., help="A name, alias or phrase: \"Poutine\", \"l'armée russe\"."),
    on: str | None = typer.Option(None, "--date", help="The article's date (ISO): roles hold "
                                                        "on that day."),
    lang: str | None = typer.Option(None, "--lang", help="Read the phrase in this language "
                                                         "only (default: each one selon reads)."),
) -> None:
    """Print what a name or phrase resolves to on a date: the gazetteer entries whose alias it
    is (in any language), then the actor the coder reads in it as a phrase.

    Example: selon actors lookup "Poutine" --date 2025-10-01
    """
    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        raise fail(f"--date must be an ISO date (YYYY-MM-DD), not {on!r}") from None
    settings = load_settings()
    gazetteer = load_gazetteer(settings.languages)
    wanted = fold(text)
    hits = sorted({(lg, a.kind, a.entity_id) for lg, aliases in gazetteer.aliases.items()
                   for a in aliases if fold(a.text) == wanted})
    for lg, kind, entity_id in hits:
        entity = gazetteer.entity(entity_id)
        stdout.print(f"{lg} {kind:9} {entity_id:32} {_actor_text(entity.actor_on(day))}", soft_wrap=True)
    pipeline = Pipeline(settings)
    resolved = False
    for lg in [lang] if lang else list(settings.languages):
        try:
            prepared = pipeline.prepare(Article(id="lookup", text=text, date=on, lang=lg))
        except SelonError as error:
            raise fail(str(error)) from None
        parsed = pipeline.parsers.parse([(prepared, lg)])[0]
        actor = pipeline.actor_at(parsed, 0, len(prepared.text))
        resolved = resolved or actor is not None
        stdout.print(f"as a phrase in {lg}: {_actor_text(actor)}", soft_wrap=True)
    if not hits and not resolved:
        raise typer.Exit(1)


@actors_app.command("stats")
def stats() -> None:
    """Count the gazetteer's entities by kind, aliases by language and kind, dated roles and
    role words.

    Example: selon actors stats
    """
    settings = load_settings()
    gazetteer = load_gazetteer(settings.languages)
    kinds = Counter(e.kind for e in gazetteer.entities.values())
    table = Table(title=f"{len(gazetteer.entities)} entities")
    table.add_column("kind")
    table.add_column("entities", justify="right")
    for lg in settings.languages:
        table.add_column(f"aliases {lg}", justify="right")
    by_kind = {e.id: e.kind for e in gazetteer.entities.values()}
    for kind, count in kinds.most_common():
        per_lang = [sum(1 for a in gazetteer.aliases[lg] if by_kind[a.entity_id] == kind)
                    for lg in settings.languages]
        table.add_row(kind, str(count), *map(str, per_lang))
    stdout.print(table)
    people = [e for e in gazetteer.entities.values() if e.kind == "person"]
    roles = sum(len(p.roles) for p in people)
    members = [e for e in gazetteer.entities.values() if e.kind == "country"]
    stdout.print(f"people {len(people)} with {roles} dated roles; countries {len(members)}")
    for lg in settings.languages:
        alias_kinds = Counter(a.kind for a in gazetteer.aliases[lg])
        listed = ", ".join(f"{k} {n}" for k, n in alias_kinds.most_common())
        stdout.print(f"{lg}: {listed}; role words {len(gazetteer.roles[lg])}", soft_wrap=True)


@actors_app.command("eval")
def evaluate(
    files: list[Path] = typer.Argument(..., help="Test sets: JSON Lines of mentions (see "
                                                 "selon.actors.testset)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every wrong mention."),
) -> None:
    """Resolve every mention of an actor test set and print the accuracy, per language and
    per field (country, sector, org, name).

    Example: selon actors eval tests/fixtures/actors/mentions.fr.jsonl tests/fixtures/actors/mentions.en.jsonl
    """
    cases: list[Case] = []
    for file in files:
        if not file.is_file():
            raise fail(f"no such test set: {file}")
        cases.extend(read_cases(file))
    pipeline = Pipeline()
    report = score_cases(cases, pipeline_resolver(pipeline), NameIndex.of(pipeline.gazetteer))
    if verbose:
        for case, got, wrong in report.failures:
            stdout.print(f"{case.id} {case.mention!r}: expected {_actor_text(case.expected)}, "
                         f"got {_actor_text(got)} (wrong {', '.join(wrong)})", soft_wrap=True)
    for lg in sorted(report.total):
        stdout.print(f"{lg}: {report.right[lg]}/{report.total[lg]} right, accuracy "
                     f"{report.accuracy(lg):.3f}")
    total = sum(report.total.values())
    stdout.print(f"all: {sum(report.right.values())}/{total} right, accuracy "
                 f"{report.accuracy():.3f}")
    fields = ", ".join(f"{f} {report.wrong_fields[f]}" for f in FIELDS)
    stdout.print(f"wrong fields: {fields}")
