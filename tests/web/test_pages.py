"""The explorer's static files: what holds for any store, checked on the files themselves."""

from __future__ import annotations

import re
from pathlib import Path

from selon.web.app import STATIC

# Every way a script can hand a string to the HTML parser (or run it as code).
HTML_SINKS = ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
              "new Function", "srcdoc")


def own_scripts() -> list[Path]:
    return sorted(STATIC.glob("*.js"))


def test_no_page_script_parses_data_as_html() -> None:
    assert own_scripts()
    for script in own_scripts():
        code = script.read_text("utf-8")
        for sink in HTML_SINKS:
            assert sink not in code, f"{script.name} uses {sink}"


def test_pages_load_nothing_from_elsewhere() -> None:
    """No CDN: a user may be offline. Every script and stylesheet is under /static."""
    for page in STATIC.glob("*.html"):
        html = page.read_text("utf-8")
        for reference in re.findall(r'(?:src|href)="([^"]*)"', html):
            assert reference.startswith(("/", "data:")), f"{page.name} loads {reference}"
        assert "<script>" not in html, f"{page.name} has an inline script"
    for script in own_scripts():
        for imported in re.findall(r'from "([^"]+)"', script.read_text("utf-8")):
            assert imported.startswith("/static/"), f"{script.name} imports {imported}"


def test_the_graph_library_ships_with_its_licence_and_version() -> None:
    vendor = STATIC / "vendor"
    assert (vendor / "cytoscape.min.js").stat().st_size > 100_000
    assert "Permission is hereby granted" in (vendor / "cytoscape.LICENSE").read_text("utf-8")
    readme = (vendor / "README.md").read_text("utf-8")
    recorded = re.search(r"cytoscape\]\(\S+\) \| (\d+\.\d+\.\d+) \|", readme)
    assert recorded, "vendor/README.md gives no version for cytoscape"
    # the version recorded is the version shipped
    assert f'version="{recorded.group(1)}"' in (vendor / "cytoscape.min.js").read_text("utf-8")
