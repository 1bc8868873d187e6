from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from selon.batch.progress import Bar, LogLines, count_documents, tracker_for


def test_documents_are_counted_where_it_is_cheap(fixtures: Path, tmp_path: Path) -> None:
    assert count_documents([str(fixtures / "mini.jsonl")]) == 2
    assert count_documents([str(fixtures / "broken.jsonl"), str(fixtures / "empty.txt")]) == 4
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("x")
    (folder / "b.html").write_text("<p>x</p>")
    (folder / "notes.docx").write_text("not read")
    assert count_documents([str(folder)]) == 2
    assert count_documents(["-"]) is None
    assert count_documents([str(fixtures / "feeds")]) is None  # a feed holds any number


def test_a_log_gets_plain_lines_with_rate_and_time_left() -> None:
    out = io.StringIO()
    console = Console(file=out, width=200)
    tracker = tracker_for(console, total=100)
    assert isinstance(tracker, LogLines)  # not a terminal
    lines = LogLines(console, total=100, every=0)
    lines.update(40, skipped=5, failed=1)
    text = out.getvalue()
    assert "40 documents of 100" in text and "docs/s" in text and "min left" in text
    assert "5 skipped, 1 failed" in text


def test_a_terminal_gets_a_bar() -> None:
    console = Console(file=io.StringIO(), force_terminal=True, width=120)
    tracker = tracker_for(console, total=None)
    assert isinstance(tracker, Bar)
    tracker.update(3, skipped=1, failed=0)
    tracker.close()
