"""`selon html-eval`: the HTML reader's figures on a folder of real pages with a manifest."""

from __future__ import annotations

from pathlib import Path

import typer

from selon.cli.common import fail, stdout
from selon.ingest.html_eval import (
    PageCheck,
    check_folder,
    keep_page,
    plain_trafilatura,
    summarize,
    summary_lines,
)
from selon.ingest.kept import Keeper
from selon.pipeline import Pipeline


def _page_line(check: PageCheck) -> str:
    problems = [f"missing {p!r}" for p in check.missing] + [f"leaked {s!r}" for s in check.leaked]
    if check.error:
        problems.append(f"error: {check.error}")
    if not check.title_ok:
        problems.append(f"title {check.got_title!r}")
    if not check.date_ok:
        problems.append(f"date {check.got_date}")
    if not check.lang_ok:
        problems.append(f"language {check.got_lang}")
    f1 = f"F1 {check.f1:.3f}  " if check.f1 is not None else ""
    return f"  {check.name:<26}{f1}{'; '.join(problems) or 'ok'}"


def html_eval(
    folder: Path = typer.Argument(..., help="A folder with manifest.jsonl and its pages."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also print every page."),
    plain: bool = typer.Option(False, "--plain",
                               help="Score plain trafilatura instead, as a reference point."),
) -> None:
    """Score the HTML reader on real pages: phrases kept and boilerplate left out, title,
    date, language, and token F1 against the expected texts (the folder's README says how).

    Example: selon html-eval ../shared/eval/html -v
    """
    if not (folder / "manifest.jsonl").is_file():
        raise fail(f"no manifest.jsonl in {folder}")
    keeper = Keeper(Pipeline())
    reader = plain_trafilatura if plain else keep_page
    checks = list(check_folder(folder, lambda path: reader(path, keeper)))
    lines = [_page_line(check) for check in checks] if verbose else []
    stdout.print("\n".join([*lines, *summary_lines(summarize(checks))]), markup=False,
                 highlight=False, soft_wrap=True)
