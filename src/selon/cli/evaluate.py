"""`selon eval`: code gold articles and print what the shared scorer says of them."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import typer

from selon.batch import extract_to
from selon.cli.common import fail, report_error, stdout
from selon.pipeline import Pipeline


def find_scorer(gold: Path, given: Path | None) -> Path:
    """score.py: given, or $SELON_SCORER, or beside the gold file or in a folder above it."""
    if given is not None:
        return given
    if os.environ.get("SELON_SCORER"):
        return Path(os.environ["SELON_SCORER"])
    for folder in list(gold.resolve().parents)[:4]:
        candidate = folder / "score.py"
        if candidate.is_file():
            return candidate
    raise fail(f"no score.py found beside or above {gold}: pass --scorer PATH")


def evaluate(
    golds: list[Path] = typer.Argument(..., help="Gold sets (article JSON Lines with `events`)."),
    scorer: Path | None = typer.Option(None, "--scorer", help="The scorer, score.py."),
    keep: Path | None = typer.Option(None, "--keep", help="Also write the predictions here."),
) -> None:
    """Code gold articles and print the scorer's figures for each gold set.

    Example: selon eval ../shared/eval/fr/dev.gold.jsonl ../shared/eval/en/dev.gold.jsonl
    """
    pipeline = Pipeline()
    for gold in golds:
        if not gold.is_file():
            raise fail(f"no such gold file: {gold}")
        score = find_scorer(gold, scorer)
        with tempfile.TemporaryDirectory() as folder:
            predicted = Path(folder) / "predicted.jsonl"
            with predicted.open("w", encoding="utf-8") as out:
                report = extract_to([str(gold)], out, pipeline, report_error)
            if keep is not None:
                target = keep if len(golds) == 1 else keep.with_name(f"{gold.stem}.{keep.name}")
                target.write_text(predicted.read_text(encoding="utf-8"), encoding="utf-8")
            stdout.print(f"== {gold} ({report.coded} articles, {report.events} events)")
            result = subprocess.run([sys.executable, str(score), str(gold), str(predicted)],
                                    capture_output=True, text=True, check=False)
        sys.stdout.write(result.stdout)
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            raise fail(f"the scorer failed on {gold}")
