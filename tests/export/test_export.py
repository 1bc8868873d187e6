"""`selon export` in each format, read back by the tools that would read it."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from selon.cli.main import app
from selon.errors import SelonError
from selon.export.plover import QUAD_CODES
from selon.records import PLOVER_TYPES
from tests.web.small_store import HOSTILE

runner = CliRunner()
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def export(store: Path, *args: str) -> str:
    result = runner.invoke(app, ["export", "--db", str(store), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_explains_itself_with_an_example() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


def test_jsonl_is_the_event_format_of_selon_events(small_store: Path) -> None:
    exported = export(small_store, "--format", "jsonl")
    listed = runner.invoke(app, ["events", "--db", str(small_store), "--format", "jsonl"]).stdout
    assert exported == listed
    records = [json.loads(line) for line in exported.splitlines()]
    assert len(records) == 6
    fields = ["article_id", "type", "mode", "context", "source", "target", "sentence",
              "certainty", "attributed_to", "date", "location", "objects", "quantities",
              "provenance"]
    assert all(list(record) == fields for record in records)
    request = next(r for r in records if r["certainty"] == "alleged")
    assert request["attributed_to"] == ["Washington Post", "documents américains"]


def test_filters_apply_to_exports(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "requests.jsonl"
    export(small_store, "--format", "jsonl", "--type", "REQUEST", "--output", str(out))
    assert [json.loads(line)["type"] for line in out.read_text("utf-8").splitlines()] == [
        "REQUEST", "REQUEST"]


def test_csv_has_a_header_and_one_row_per_event(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(small_store, "--format", "csv", "--output", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert len(rows) == 6
    assert list(rows[0])[:6] == ["id", "article_id", "article_hash", "outlet", "article_date", "type"]
    request = next(r for r in rows if r["certainty"] == "alleged")
    assert request["attributed_to"] == "Washington Post > documents américains"
    assert request["quad_class"] == "verbal conflict" and request["source_country"] == "VEN"
    protest = next(r for r in rows if r["type"] == "PROTEST")
    assert protest["source_name"] == f"{HOSTILE} Front"  # text, kept as it is


def test_parquet_reads_back_with_duckdb(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    export(small_store, "--format", "parquet", "--output", str(out))
    db = duckdb.connect()
    assert db.execute("SELECT count(*) FROM read_parquet(?)", [str(out)]).fetchone() == (6,)
    chain, quad = db.execute(
        "SELECT attributed_to, quad_class FROM read_parquet(?) WHERE certainty = 'alleged'",
        [str(out)]).fetchone()  # type: ignore[misc]
    assert chain == ["Washington Post", "documents américains"] and quad == "verbal conflict"


def test_parquet_needs_a_file(small_store: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(small_store), "--format", "parquet"])
    # `selon` prints a SelonError as a message (cli.main.run); the runner hands it back
    assert isinstance(result.exception, SelonError) and "--output" in str(result.exception)


def test_graphml_parses_with_actors_and_directed_edges(small_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.graphml"
    result = runner.invoke(app, ["export", "--db", str(small_store), "--format", "graphml",
                                 "--output", str(out)])
    assert result.exit_code == 0
    assert "1 events with one side only" in result.output  # the denied MOBILIZE has no target
    root = ET.parse(out).getroot()
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    nodes = {n.get("id"): {keys[d.get("key")]: d.text for d in n}
             for n in graph.iter(f"{GRAPHML}node")}
    edges = [{**{keys[d.get("key")]: d.text for d in e}, "from": e.get("source"), "to": e.get("target")}
             for e in graph.iter(f"{GRAPHML}edge")]
    assert len(edges) == 5 and all(e["from"] in nodes and e["to"] in nodes for e in edges)
    request = next(e for e in edges if e["certainty"] == "alleged")
    assert (nodes[request["from"]]["label"], nodes[request["to"]]["label"]) == ("VEN GOV", "RUS GOV")
    assert request["attributed_to"] == "Washington Post > documents américains"
    assert f"{HOSTILE} Front" in {n.get("label") for n in nodes.values()}  # escaped by the writer
    assert "<script>" not in out.read_text("utf-8")


def test_plover_records_use_the_manual_field_names(small_store: Path) -> None:
    records = [json.loads(line) for line in export(small_store, "--format", "plover").splitlines()]
    assert len(records) == 6
    request = next(r for r in records if r["certainty"] == "alleged")
    for field in ("id", "date", "enddate", "source", "recipient", "event", "quad_code", "mode",
                  "context", "event_text", "event_loc", "text_info", "cite_info"):
        assert field in request
    assert request["event"] == ["REQUEST"] and request["quad_code"] == 3
    assert request["source"] == [{"code": "VEN", "sector": "GOV", "identifier_text": None, "org": None}]
    assert request["recipient"][0]["code"] == "RUS"
    # a month-precise date spans the month; the text's own precision stays in event_date
    assert (request["date"], request["enddate"], request["event_date"]) == (
        "2025-10-01", "2025-10-31", "2025-10")
    assert request["event_text"] == [request["sentence"]]
    assert request["attributed_to"] == ["Washington Post", "documents américains"]
    assert request["article_id"] == "test-fr-01"
    assert request["cite_info"]["publication"] == "La Gazette de Test"
    denied = next(r for r in records if r["certainty"] == "denied")
    assert "negation" in denied["context"] and denied["recipient"] == []
    assert denied["date"] == "2025-10-07"  # undated: the article's date, as POLECAT does
    nato = next(r for r in records if r["recipient"] and r["recipient"][0]["sector"] == "IGO")
    assert nato["recipient"][0]["code"] == "NATO"


def test_every_plover_type_has_a_quad_class() -> None:
    assert set(QUAD_CODES) == set(PLOVER_TYPES)


@pytest.mark.parametrize("format", ["jsonl", "csv", "graphml", "plover"])
def test_an_empty_selection_is_a_valid_empty_file(small_store: Path, format: str) -> None:
    output = export(small_store, "--format", format, "--type", "RETREAT")
    if format == "csv":
        assert output.splitlines()[0].startswith("id,article_id")
    elif format == "graphml":
        assert ET.fromstring(output.encode("utf-8")).tag == f"{GRAPHML}graphml"
    else:
        assert output == ""


def test_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "nope.duckdb"), "--format", "csv"])
    assert isinstance(result.exception, SelonError) and "no such store" in str(result.exception)
