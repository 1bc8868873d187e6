"""The explorer against hostile requests and data: nothing reflected as HTML, nothing written,
nothing served from outside its static folder, and loopback unless told otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from selon.cli.main import app as cli
from selon.store import Store
from selon.web.app import STATIC, create_app
from tests.web.small_store import HOSTILE

# Files the explorer must never send: its own source, the system's files.
SECRETS = (STATIC.parent / "app.py", STATIC.parent / "queries.py", Path("/etc/passwd"))


def leaked(text: str) -> bool:
    return "create_app" in text or "def event_page" in text or "root:x:0:0" in text


@pytest.mark.parametrize("path", [
    "/static/%2e%2e/%2e%2e/web/app.py", "/static/%2E%2E%2Fapp.py", "/static/..%5capp.py",
    "/static/%252e%252e/app.py", "/static/vendor/..%2f..%2fapp.py", "/static/.%2e/queries.py",
    "/static/" + quote(str(SECRETS[0])), "/static/" + quote(str(SECRETS[0]), safe=""),
    "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/....//....//etc/passwd",
    "/static/%00../app.py", "/article/..%2f..%2fweb%2fapp.py", "/api/articles/..%2f..%2fapp.py",
    "/api/articles/%2e%2e/%2e%2e/etc/passwd", "/events/../web/app.py", "/static/app.py",
])
def test_no_route_serves_a_file_outside_the_static_folder(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert not leaked(response.text), path
    assert response.status_code in (200, 404, 400, 405), path
    if response.status_code == 200:  # only the pages themselves, or an API answer
        kind = response.headers["content-type"]
        assert kind.startswith(("text/html", "application/json")), (path, kind)


def test_the_static_folder_still_serves_its_own_files(client: TestClient) -> None:
    assert client.get("/static/explorer.js").status_code == 200
    assert client.get("/static/vendor/../explorer.css").status_code in (200, 404)


@pytest.mark.parametrize("path", ["/article/", "/api/articles/", "/api/events/"])
def test_hostile_ids_are_never_reflected_as_html(client: TestClient, path: str) -> None:
    response = client.get(path + quote(HOSTILE, safe=""))
    if response.headers["content-type"].startswith("text/html"):
        # the page is the static file, whatever the address: the id is read by its script
        assert HOSTILE not in response.text and "pwned" not in response.text
    else:
        assert response.headers["content-type"].startswith("application/json")
        assert response.headers["x-content-type-options"] == "nosniff"


def test_hostile_text_and_names_come_back_as_json_strings(client: TestClient) -> None:
    """The API gives the stored strings as they are, in JSON, never as markup: the pages put
    them in the page with textContent (tests/web/test_pages.py checks the scripts, and
    tests/web/test_browser.py that a browser shows them as text)."""
    article = client.get("/api/articles/test-en-01")
    assert article.headers["content-type"].startswith("application/json")
    body = article.json()
    assert HOSTILE in body["title"] and HOSTILE in "".join(s["text"] for s in body["segments"])
    listed = client.get("/api/events", params={"q": HOSTILE}).json()["events"]
    assert listed and any(HOSTILE in str(side) for event in listed for side in event.values())
    graph = client.get("/api/graph").json()
    assert any(HOSTILE in str(node) for node in graph["nodes"])
    for page in ("/events", "/graph", "/timeline", "/article/test-en-01"):
        assert HOSTILE not in client.get(page).text  # pages hold no data of their own


def test_every_route_only_reads(small_store: Path) -> None:
    routes = [route for route in create_app(small_store).routes if isinstance(route, APIRoute)]
    assert routes
    for route in routes:
        assert set(route.methods or ()) <= {"GET", "HEAD"}, (route.path, route.methods)


def test_the_store_is_opened_read_only(small_store: Path) -> None:
    with Store(small_store, read_only=True) as store, pytest.raises(duckdb.Error):
        store.db.execute("DELETE FROM events")


def test_serve_listens_on_loopback_unless_told_otherwise(small_store: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: runs.append(options))
    runner = CliRunner()
    assert runner.invoke(cli, ["serve", "--db", str(small_store)]).exit_code == 0
    shared = runner.invoke(cli, ["serve", "--db", str(small_store), "--host", "0.0.0.0"])
    assert shared.exit_code == 0 and "anyone who can reach" in shared.output
    assert [run["host"] for run in runs] == ["127.0.0.1", "0.0.0.0"]


def test_only_loopback_names_reach_an_app_on_loopback(small_store: Path) -> None:
    with TestClient(create_app(small_store), base_url="http://127.0.0.1") as local:
        for host in ("evil.example", "127.0.0.1.evil.example", "localhost.evil.example"):
            assert local.get("/api/facets", headers={"Host": host}).status_code == 400
