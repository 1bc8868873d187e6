"""The Spark engine writes the events the local engine writes, on local[2]; without pyspark it
says what to install."""

from __future__ import annotations

import io
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from selon.batch import extract_to
from selon.batch import spark as engine
from selon.cli.main import app
from selon.errors import SelonError
from selon.pipeline import Pipeline
from selon.records import DocumentError

SAMPLES = Path(str(resources.files("selon").joinpath("samples/articles.jsonl")))


def _key(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


@pytest.mark.models
def test_spark_writes_the_events_the_local_engine_writes(pipeline: Pipeline, fixtures: Path,
                                                         tmp_path: Path) -> None:
    try:
        engine.require_spark()
    except SelonError as missing:
        # CI installs the extra (make spark) and sets SELON_REQUIRE_SPARK: there, fail.
        (pytest.fail if os.environ.get("SELON_REQUIRE_SPARK") else pytest.skip)(str(missing))
    import pyarrow.parquet as pq
    inputs = [str(SAMPLES), str(fixtures / "broken.jsonl")]
    local = io.StringIO()
    errors: list[DocumentError] = []
    extract_to(inputs, local, pipeline, errors.append)
    expected = sorted((json.loads(line) for line in local.getvalue().splitlines()), key=_key)

    output = tmp_path / "out"
    report = engine.run_spark(inputs, str(output), master="local[2]")
    rows = pq.read_table(output / "events").to_pylist()
    found = sorted((engine.event_record(row) for row in rows), key=_key)

    assert len(found) == len(expected) == report.events > 0
    for got, want in zip(found, expected, strict=True):
        for name in want:  # field by field, so that a difference names its field
            assert got[name] == want[name], (name, want["article_id"], want["sentence"])
    assert report.articles == 18 and report.failed == len(errors) == 1
    failed = pq.read_table(output / "errors").to_pylist()
    assert [row["reason"] for row in failed] == ["not a JSON object"]


def test_without_pyspark_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr(engine, "_importable", lambda name: name != "pyspark")
    with pytest.raises(SelonError, match=r"pip install 'selon\[spark\]'"):
        engine.require_spark()
    result = CliRunner().invoke(app, ["ingest", "--engine", "spark", str(SAMPLES),
                                      "--output", str(tmp_path / "out")])
    assert result.exit_code == 2 or isinstance(result.exception, SelonError)
    assert "selon[spark]" in (result.output + str(result.exception))


def test_spark_reads_only_json_lines_or_parquet(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>x</p>")
    with pytest.raises(SelonError, match="JSON Lines"):
        engine._input_kind(page)


def test_the_local_engine_refuses_spark_options(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", str(tmp_path / "x.duckdb"),
                                      "--output", str(tmp_path / "out")])
    assert result.exit_code == 2
