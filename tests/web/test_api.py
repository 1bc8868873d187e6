"""The explorer's JSON API over the small hand-written store."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.errors import StoreError
from selon.store import Store
from selon.web.app import create_app
from tests.web.small_store import HOSTILE


def events(client: TestClient, **params: object) -> dict:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_event_without_filters(client: TestClient) -> None:
    page = events(client)
    assert page["total"] == 6 and len(page["events"]) == 6
    first = page["events"][0]
    # the FORMAT.md event, then the API's additions
    assert {"article_id", "type", "mode", "context", "source", "target", "sentence", "certainty",
            "attributed_to", "date", "location", "objects", "quantities", "provenance"} <= set(first)
    assert {"id", "quad_class", "article_hash", "outlet", "article_title"} <= set(first)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "REQUEST"}, {("REQUEST", "VEN"), ("REQUEST", "UKR")}),
        ({"type": "request", "certainty": "alleged"}, {("REQUEST", "VEN")}),
        ({"country": "rus"}, {("REQUEST", "VEN"), ("AID", "RUS"), ("MOBILIZE", "RUS"),
                              ("ACCUSE", "UKR")}),
        ({"actor": "nato"}, {("REQUEST", "UKR")}),
        ({"source": "washington"}, {("REQUEST", "VEN")}),
        ({"outlet": "test herald"}, {("REQUEST", "UKR"), ("PROTEST", "GEO"), ("ACCUSE", "UKR")}),
        # "2025-10" may be after the 15th: a date is as wide as its precision
        ({"since": "2025-10-15"}, {("REQUEST", "VEN"), ("REQUEST", "UKR"), ("ACCUSE", "UKR")}),
        ({"since": "2025-10-01", "until": "2025-10-01"}, {("REQUEST", "VEN"), ("AID", "RUS")}),
        ({"q": "livré"}, {("AID", "RUS")}),
        ({"q": "radars et"}, {("REQUEST", "VEN"), ("AID", "RUS"), ("MOBILIZE", "RUS")}),  # title
        ({"q": "   ", "type": ""}, None),  # blank fields filter nothing
    ],
)
def test_filters(client: TestClient, params: dict[str, str],
                 expected: set[tuple[str, str]] | None) -> None:
    found = {(e["type"], e["source"]["country"]) for e in events(client, **params)["events"]}
    assert found == expected if expected is not None else len(found) == 6


def test_pages_and_sorting(client: TestClient) -> None:
    seen = []
    for number in (1, 2, 3):
        page = events(client, per_page=2, page=number, sort="type", order="desc")
        assert page["total"] == 6 and len(page["events"]) == 2
        seen += [e["id"] for e in page["events"]]
    assert len(set(seen)) == 6  # no overlap, nothing skipped
    types = [e["type"] for e in events(client, sort="type", order="desc")["events"]]
    assert types == sorted(types, reverse=True)
    assert events(client, page=9)["events"] == []


@pytest.mark.parametrize("params", [{"page": 0}, {"per_page": 501}, {"sort": "id; DROP TABLE"},
                                    {"order": "sideways"}, {"since": "last week"}])
def test_bad_parameters_are_refused(client: TestClient, params: dict[str, object]) -> None:
    assert client.get("/api/events", params=params).status_code == 422


def test_not_found(client: TestClient) -> None:
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/api/nothing-here").status_code == 404
    assert client.get("/article/nope").status_code == 200  # the page, which then says so


def test_one_event_and_an_article_by_any_of_its_ids(client: TestClient) -> None:
    event = events(client, type="AID")["events"][0]
    assert client.get(f"/api/events/{event['id']}").json() == event
    by_hash = client.get(f"/api/articles/{event['article_hash']}").json()
    assert client.get("/api/articles/test-fr-01").json() == by_hash
    assert client.get(f"/api/articles/{event['article_hash'][:10]}").json() == by_hash


def test_article_pieces_mark_each_sentence_and_trigger(client: TestClient) -> None:
    article = client.get("/api/articles/test-fr-01").json()
    assert "".join(s["text"] for s in article["segments"]) == stored_text(client, "test-fr-01")
    for number, event in enumerate(article["events"]):
        marked = "".join(s["text"] for s in article["segments"] if number in s["events"])
        assert marked == event["sentence"]
        trigger = "".join(s["text"] for s in article["segments"] if number in s["triggers"])
        assert trigger == event["provenance"]["trigger"]
    request = article["events"][0]
    assert request["certainty"] == "alleged"
    assert request["attributed_to"] == ["Washington Post", "documents américains"]


def stored_text(client: TestClient, key: str) -> str:
    with Store(client.app.state.db, read_only=True) as store:
        article = store.article(key)
    assert article is not None
    return article["text"]


def test_offsets_hold_past_the_basic_multilingual_plane(client: TestClient) -> None:
    article = client.get("/api/articles/test-en-02").json()
    marked = "".join(s["text"] for s in article["segments"] if s["events"])
    assert marked == "Ukraine accused Russia of striking a hospital."


def test_facets_graph_and_timeline(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert facets["events"] == 6 and facets["articles"] == 3
    assert {"value": "REQUEST", "count": 2} in facets["types"]
    assert facets["outlets"] == [{"value": "La Gazette de Test", "count": 3},
                                 {"value": "The Test Herald", "count": 3}]

    graph = client.get("/api/graph").json()
    assert graph["events_drawn"] == 5 and graph["events_one_sided"] == 1  # the denied MOBILIZE
    labels = {n["label"] for n in graph["nodes"]}
    assert {"VEN GOV", "RUS GOV", "NATO", f"{HOSTILE} Front"} <= labels
    assert {e["quad_class"] for e in graph["edges"]} >= {"verbal conflict", "material cooperation"}
    node = next(n for n in graph["nodes"] if n["label"] == "VEN GOV")
    of_node = events(client, actor_id=node["id"])
    assert {e["type"] for e in of_node["events"]} == {"REQUEST", "AID"}
    assert client.get("/api/graph", params={"type": "ACCUSE"}).json()["events_drawn"] == 1

    weeks = client.get("/api/timeline", params={"bucket": "week"}).json()
    assert sum(c["count"] for c in weeks["counts"]) == 6 and weeks["left_out"] == 0
    assert {c["bucket"] for c in weeks["counts"]} == {"2025-10-06", "2025-10-20", "2025-11-03"}
    by_event = client.get("/api/timeline", params={"bucket": "day", "dated_by": "event"}).json()
    # only events dated to the day: AID, the Ukrainian REQUEST and the ACCUSE
    assert sum(c["count"] for c in by_event["counts"]) == 3 and by_event["left_out"] == 3
    assert client.get("/api/timeline", params={"bucket": "year"}).status_code == 422


def test_openapi_schema_describes_the_api(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{key}", "/api/facets",
            "/api/graph", "/api/timeline"} <= set(schema["paths"])
    assert all(set(operations) == {"get"} for operations in schema["paths"].values())
    assert "Event" in schema["components"]["schemas"]
    # no documentation page that would load its scripts from a CDN
    assert client.get("/docs").status_code == 404


def test_the_api_only_reads(client: TestClient, small_store: Path) -> None:
    before = hashlib.sha256(small_store.read_bytes()).hexdigest()
    for method in ("post", "put", "patch", "delete"):
        assert client.request(method, "/api/events").status_code == 405
    events(client, type="REQUEST")
    client.get("/api/articles/test-fr-01")
    assert hashlib.sha256(small_store.read_bytes()).hexdigest() == before
    # the store is closed between requests: a writer can open it
    with Store(small_store) as writer:
        assert writer.summary()["events"] == 6


def test_a_store_being_written_answers_503(small_store: Path) -> None:
    app = create_app(small_store)
    # DuckDB lets one process write or many read: another process holds it for writing
    writer = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from selon.store import Store;"
         f" s = Store({str(small_store)!r}); print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        with TestClient(app, base_url="http://127.0.0.1") as client:
            response = client.get("/api/facets")
        assert response.status_code == 503
        assert "another process" in response.json()["detail"]
    finally:
        writer.communicate("", timeout=60)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/api/facets").status_code == 200  # and answers again once it is done


def test_a_missing_store_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "missing.duckdb")


def test_only_loopback_host_names_are_answered(client: TestClient) -> None:
    assert client.get("/api/facets", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/api/facets", headers={"Host": "localhost:8000"}).status_code == 200


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py",
                                  "/static/..%2fapp.py", "/static/vendor/../../queries.py",
                                  "/static//etc/passwd", "/article/../app.py"])
def test_no_file_outside_the_static_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert "create_app" not in response.text and "root:" not in response.text
    assert response.status_code in (200, 404)  # 200 only for the article page itself


def test_pages_are_served_with_a_strict_policy(client: TestClient) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/events"
    for path in ("/events", "/graph", "/timeline", "/article/test-fr-01"):
        response = client.get(path)
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200


def test_acts_and_one_act(client: TestClient) -> None:
    response = client.get("/api/acts", params={"type": "AID"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == 1
    (act,) = body["acts"]
    assert (act["source"]["country"], act["target"]["country"], act["claims"]) == ("RUS", "VEN", 1)
    detail = client.get(f"/api/acts/{act['act_id'][:12]}")
    assert detail.status_code == 200, detail.text
    assert [c["sentence"] for c in detail.json()["claims"]] == [
        "La Russie a livré des drones au Venezuela."]
    assert client.get("/api/acts/nope").status_code == 404
    assert client.get("/api/acts", params={"status": "contested"}).json()["total"] == 0
