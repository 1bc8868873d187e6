"""`selon text` and `selon html-eval` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli.main import app

runner = CliRunner()


@pytest.mark.parametrize("command", ["text", "html-eval"])
def test_the_commands_explain_themselves_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_text_prints_what_is_kept_with_its_metadata(fixtures: Path) -> None:
    page = Path(__file__).parents[2] / "src" / "selon" / "samples" / "page_fr.html"
    result = runner.invoke(app, ["text", str(page)])
    assert result.exit_code == 0, result.output
    assert "title:    Gaz : l’Algérie signe avec l’Italie" in result.stdout
    assert "lang:     fr" in result.stdout
    assert "Tout accepter" not in result.stdout


def test_text_json_is_the_article_format_and_bad_documents_are_reported(fixtures: Path,
                                                                        tmp_path: Path) -> None:
    spanish = tmp_path / "nota.txt"
    spanish.write_text("El gobierno de Chile anunció el martes la expulsión del embajador de "
                       "Venezuela, acusado de injerencia en los asuntos internos del país.",
                       encoding="utf-8")
    result = runner.invoke(app, ["text", str(fixtures / "feeds" / "news.rss"), str(spanish),
                                 "--format", "json"])
    assert result.exit_code == 1  # the third feed item has no text
    assert "news.rss#3" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["lang"] for r in records] == ["fr", "en", "es"]
    assert records[0]["url"].endswith("mali-niger-accord") and records[0]["date"] == "2025-10-02"
    assert records[2]["not_coded"].startswith("language 'es' is not supported")
    assert all({"id", "text", "date", "lang", "title", "outlet", "url"} <= set(r) for r in records)


def test_html_eval_refuses_a_folder_without_manifest(tmp_path: Path) -> None:
    result = runner.invoke(app, ["html-eval", str(tmp_path)])
    assert result.exit_code == 2 and "manifest.jsonl" in result.output
