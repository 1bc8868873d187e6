"""`selon text`: what selon keeps of each document, as the parser would see it."""

from __future__ import annotations

import json
import sys
from collections import Counter
from enum import StrEnum
from typing import Any

import typer

from selon.cli.common import EXIT_SOME_FAILED, report_error, stderr
from selon.ingest import read_paths
from selon.ingest.kept import Keeper, Kept, keep_all
from selon.pipeline import Pipeline
from selon.records import DocumentError


class TextFormat(StrEnum):
    text = "text"
    json = "json"


_FIELDS = ("title", "date", "outlet", "url", "lang", "encoding")


def as_record(kept: Kept) -> dict[str, Any]:
    """The article format of FORMAT.md (so `selon extract` can read it back), plus origin,
    encoding and, for a document selon would not code, why."""
    article = kept.article
    record: dict[str, Any] = {
        "id": article.id, "text": article.text, "date": article.date, "lang": article.lang,
        "title": article.title, "outlet": article.outlet, "url": article.url,
        "origin": article.origin, "encoding": article.encoding,
    }
    if kept.skipped_because:
        record["not_coded"] = kept.skipped_because
    return record


def as_text(kept: Kept) -> str:
    article = kept.article
    lines = [f"== {article.origin or article.id}"]
    for name in _FIELDS:
        value = getattr(article, name)
        if name == "lang" and kept.skipped_because:
            value = f"{value or '?'} (not coded: {kept.skipped_because})"
        lines.append(f"{name + ':':<10}{value if value is not None else '-'}")
    return "\n".join([*lines, "", article.text, "", ""])


def skipped_line(skipped: Counter[str]) -> str:
    kinds = ", ".join(f"{count} {kind}" for kind, count in skipped.most_common())
    return f"{sum(skipped.values())} web-archive records skipped (not pages): {kinds}"


def text(
    paths: list[str] = typer.Argument(..., help="Files, folders, or - for standard input."),
    output_format: TextFormat = typer.Option(TextFormat.text, "--format", "-f",
                                             help="text, or json: one article a line."),
) -> None:
    """Print what selon keeps of each document: the cleaned main text with its title, date,
    outlet, URL and detected language. Reads text, HTML, JSON Lines, RSS/Atom feeds and web
    archives (.warc, .warc.gz); `--format json` writes articles that `selon extract` reads.

    Example: selon text page.html feed.rss crawl.warc.gz --format json > articles.jsonl
    """
    pipeline = Pipeline()
    skipped: Counter[str] = Counter()
    items = read_paths(paths, max_bytes=pipeline.settings.max_document_bytes, skipped=skipped)
    failed = 0
    for outcome in keep_all(items, Keeper(pipeline)):
        if isinstance(outcome, DocumentError):
            failed += 1
            report_error(outcome)
            continue
        if output_format is TextFormat.json:
            sys.stdout.write(json.dumps(as_record(outcome), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(as_text(outcome))
    if skipped:
        stderr.print(skipped_line(skipped), soft_wrap=True, markup=False)
    if failed:
        raise typer.Exit(EXIT_SOME_FAILED)
