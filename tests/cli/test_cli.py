"""The commands as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli.main import app

runner = CliRunner()
COMMANDS = ("extract", "ingest", "events", "show", "eval", "demo", "explain", "actors lookup",
            "actors stats", "actors eval", "acts", "act", "acts-eval")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself_with_an_example(command: str) -> None:
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_extract_codes_good_documents_and_reports_bad_ones(fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    paths = [fixtures / n for n in ("empty.txt", "binary.bin", "broken.jsonl", "no_article.html",
                                    "mini.jsonl")]
    result = runner.invoke(app, ["extract", *map(str, paths), "--output", str(out)])
    assert result.exit_code == 1  # some documents failed
    for name in ("empty.txt", "binary.bin", "broken.jsonl:2", "no_article.html"):
        assert name in result.output
    events = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {e["article_id"] for e in events} >= {"mini-fr-01", "mini-en-01"}
    required = {"article_id", "type", "mode", "context", "source", "target", "sentence",
                "certainty", "attributed_to", "date", "location", "objects", "quantities"}
    assert all(required <= set(e) for e in events)


def test_ingest_events_show(fixtures: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.duckdb"
    result = runner.invoke(app, ["ingest", str(fixtures / "mini.jsonl"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["events", "--db", str(db), "--type", "AID", "--country", "VEN",
                                 "--format", "jsonl"])
    [event] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (event["source"]["country"], event["target"]["country"]) == ("RUS", "VEN")
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "csv"])
    assert result.stdout.splitlines()[0].startswith("article_id,type")
    result = runner.invoke(app, ["show", "mini-fr-01", "--db", str(db)])
    assert result.exit_code == 0 and "livré" in result.stdout and "AID" in result.stdout
    result = runner.invoke(app, ["show", "nope", "--db", str(db)])
    assert result.exit_code == 2


def test_demo_fills_a_store(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = runner.invoke(app, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "REQUEST" in result.stdout


def test_eval_prints_the_scorer_figures(shared_eval: Path) -> None:
    result = runner.invoke(app, ["eval", str(shared_eval / "fr" / "seed.gold.jsonl")])
    assert result.exit_code == 0, result.output
    assert "precision" in result.stdout and "f1" in result.stdout


def test_stdin_and_exit_status_from_the_installed_command(fixtures: Path) -> None:
    selon = Path(sys.executable).with_name("selon")
    data = (fixtures / "mini.jsonl").read_bytes()
    done = subprocess.run([str(selon), "extract", "-"], input=data, capture_output=True,
                          check=False)
    assert done.returncode == 0
    assert b'"AID"' in done.stdout


def test_actors_lookup_gives_the_role_on_the_date() -> None:
    during = runner.invoke(app, ["actors", "lookup", "Poutine", "--date", "2025-10-01"])
    assert during.exit_code == 0
    assert '"country": "RUS", "sector": "GOV", "name": "Vladimir Putin"' in during.output
    after = runner.invoke(app, ["actors", "lookup", "Joe Biden", "--date", "2025-10-01", "--lang", "en"])
    assert '"sector": "ELI"' in after.output
    unknown = runner.invoke(app, ["actors", "lookup", "Zorglub", "--lang", "fr"])
    assert unknown.exit_code == 1


def test_actors_stats_counts_the_gazetteer() -> None:
    result = runner.invoke(app, ["actors", "stats"])
    assert result.exit_code == 0
    assert "country" in result.output and "dated roles" in result.output


def test_actors_eval_prints_accuracy(tmp_path: Path) -> None:
    cases = tmp_path / "mentions.jsonl"
    rows = [
        {"id": "en-1", "date": "2025-03-01", "context": "", "text": "Moscow denied the report.",
         "mention": "Moscow", "expected": {"country": "RUS", "sector": "GOV", "name": None, "org": None}},
        {"id": "en-2", "date": "2025-03-01", "context": "", "text": "Moscow denied the report.",
         "mention": "Moscow", "expected": {"country": "FRA", "sector": "GOV", "name": None, "org": None}},
    ]
    cases.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    result = runner.invoke(app, ["actors", "eval", str(cases), "-v"])
    assert result.exit_code == 0
    assert "en: 1/2 right, accuracy 0.500" in result.output
    assert "en-2 'Moscow'" in result.output


def test_explain_shows_events_rules_and_the_words_that_gave_none() -> None:
    text = "Le Mali a demandé à la Russie des hélicoptères. Kigali a dénoncé les frappes."
    result = runner.invoke(app, ["explain", "--text", text, "--lang", "fr", "--date", "2025-10-02"])
    assert result.exit_code == 0
    assert "REQUEST MLI GOV → RUS GOV" in result.output
    assert "rule verb:demander:REQUEST" in result.output
    assert "'frappes': content of another act" in result.output
    both = runner.invoke(app, ["explain", "x", "--text", text])
    assert both.exit_code == 2
