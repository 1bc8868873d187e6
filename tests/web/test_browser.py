"""End to end: `selon serve` on the demo store, driven in Debian's Chromium by Playwright.

Filter the events to REQUEST, open the article of one that rests on a named source, and see
its sentence highlighted and its attribution chain; a store with `<script>` in a text and a
name shows them as text. The screenshot is saved under tests/artifacts/ (git-ignored) and its
path printed.

Chromium comes from Debian (`make browser`; `.ci/run` installs it and sets
SELON_REQUIRE_BROWSER=1, which turns the skip below into a failure). Playwright never downloads
a browser here: it is given /usr/bin/chromium.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from selon.batch import ingest_into
from selon.cli.demo import SAMPLES
from selon.pipeline import Pipeline
from selon.store import Store
from tests.web.small_store import HOSTILE, build_small_store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# Without the background-networking flags Chromium keeps calling Google's hosts, which this
# closed network refuses; the user data dir is a new empty folder each time.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 30_000


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"Debian's chromium is not installed at {CHROMIUM} (run `make browser` as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[dev]')"
    return None


if (why := _missing()) is not None:
    if os.environ.get("SELON_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"SELON_REQUIRE_BROWSER=1 but {why}")
    pytest.skip(why, allow_module_level=True)

from playwright.sync_api import BrowserContext, Page, sync_playwright  # noqa: E402

pytestmark = pytest.mark.models  # the demo store is coded by the pipeline


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """`selon serve` as a user starts it, on a free port; its address once it answers."""
    port = _free_port()
    command = Path(sys.executable).with_name("selon")  # the console script pip installed
    server = subprocess.Popen(
        [str(command), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/facets", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError):
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                output = server.stdout.read() if server.stdout else ""
                raise AssertionError(f"selon serve did not start: {output}")
            time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def demo_store(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `selon demo` writes: the bundled samples, coded by the pipeline."""
    from importlib import resources

    folder = resources.files("selon").joinpath("samples")
    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    failed: list[object] = []
    with Store(db) as store:
        report = ingest_into([str(folder.joinpath(n)) for n in SAMPLES], store, pipeline,
                             failed.append)
    assert report.stored >= 10 and not failed
    return db


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), args=FLAGS, headless=True,
            viewport={"width": 1400, "height": 1000})
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[Page]:
    """A tab that records console errors and uncaught exceptions: none is expected."""
    tab = browser.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
           if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.set_default_timeout(TIMEOUT_MS)
    yield tab
    tab.close()
    assert not problems, problems


def ready(page: Page) -> None:
    page.wait_for_selector("body[data-ready=true]")


def test_filter_requests_then_see_an_article_with_its_sentence_and_chain(
        demo_store: Path, page: Page) -> None:
    with serving(demo_store) as base:
        page.goto(f"{base}/events")
        ready(page)
        page.select_option("select[name=type]", "REQUEST")
        page.click("form#filters button[type=submit]")
        page.wait_for_url(re.compile(r"/events\?type=REQUEST$"))
        ready(page)
        rows = page.locator("#events tbody tr")
        assert rows.count() > 0
        assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.type)")) == {"REQUEST"}
        assert page.locator("#summary").inner_text().endswith("events")

        # the first REQUEST that rests on a named source
        attributed = page.locator("#events tbody tr", has=page.locator("td.according-to:not(:empty)"))
        assert attributed.count() > 0, "no REQUEST in the demo store rests on a named source"
        row = attributed.first
        sentence = row.locator("td.sentence").get_attribute("title")
        chain = row.locator("td.according-to").inner_text().split(" › ")
        certainty = row.locator(".certainty").inner_text()
        row.locator("a.article-link").click()
        page.wait_for_url("**/article/**")
        ready(page)

        marked = page.locator("mark.sentence.focus")
        assert marked.count() > 0 and marked.first.is_visible()
        assert "".join(marked.all_text_contents()) == sentence
        card = page.locator(".event-card.focus")
        assert card.locator("ol.chain li").all_text_contents() == chain
        assert card.locator(".certainty").inner_text() == certainty
        assert card.locator(".chip").inner_text() == "REQUEST"

        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / "explorer-article.png"
        page.screenshot(path=str(shot))
        print(f"\nscreenshot: {shot} — the article of a REQUEST ({certainty}, according to "
              f"{' › '.join(chain)}) with its sentence highlighted")

        page.goto(f"{base}/graph?type=REQUEST")
        ready(page)
        assert page.locator("#graph canvas").count() > 0
        assert page.locator("#legend li").count() > 0
        page.goto(f"{base}/timeline?bucket=month")
        ready(page)
        assert page.locator("svg.timeline rect").count() > 0


def test_script_in_a_text_or_a_name_is_shown_as_text(tmp_path: Path, page: Page) -> None:
    with serving(build_small_store(tmp_path / "hostile.duckdb")) as base:
        page.goto(f"{base}/article/test-en-01")
        ready(page)
        assert HOSTILE in page.locator("#title").inner_text()
        assert HOSTILE in page.locator("#text").inner_text()
        assert page.locator("#text script, #title script, #events script").count() == 0
        assert page.title() != "pwned" and "pwned" not in page.title().split("·")[0]
        assert page.locator("a", has_text="original").count() == 0  # a javascript: URL
        page.goto(f"{base}/events?type=PROTEST")
        ready(page)
        assert page.locator("td.source").first.inner_text().startswith(HOSTILE)
        assert page.evaluate("document.querySelectorAll('tbody script').length") == 0
