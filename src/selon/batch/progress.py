"""How far a long run is: a progress bar on a terminal, a plain line now and then in a log."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from selon.ingest.discover import FEED_SUFFIXES, JSONL_SUFFIXES, KNOWN_SUFFIXES, is_warc_name


class Tracker(Protocol):
    def update(self, done: int, skipped: int, failed: int) -> None:
        """`done`: documents finished so far (coded, skipped or failed)."""

    def close(self) -> None: ...


class Silent:
    def update(self, done: int, skipped: int, failed: int) -> None:
        pass

    def close(self) -> None:
        pass


class Bar:
    """rich's bar with documents/s and, when the total is known, the time left."""

    def __init__(self, console: Console, total: int | None) -> None:
        self._progress = Progress(
            TextColumn("[bold]coding"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"),
            TextColumn("{task.fields[note]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._started = time.monotonic()
        self._task: TaskID = self._progress.add_task("coding", total=total, rate="—", note="")
        self._progress.start()

    def update(self, done: int, skipped: int, failed: int) -> None:
        rate = done / max(time.monotonic() - self._started, 1e-9)
        self._progress.update(self._task, completed=done, rate=f"{rate:,.1f}",
                              note=f"{skipped:,} skipped, {failed:,} failed")

    def close(self) -> None:
        self._progress.stop()


class LogLines:
    """One line every `every` seconds: logs are read later, and a bar would flood them."""

    def __init__(self, console: Console, total: int | None, every: float = 30.0) -> None:
        self._console = console
        self._total = total
        self._every = every
        self._started = self._last = time.monotonic()

    def update(self, done: int, skipped: int, failed: int) -> None:
        now = time.monotonic()
        if now - self._last < self._every:
            return
        self._last = now
        rate = done / max(now - self._started, 1e-9)
        line = f"selon: {done:,} documents"
        if self._total:
            line += f" of {self._total:,}"
            if rate > 0 and self._total > done:
                line += f", about {(self._total - done) / rate / 60:,.1f} min left"
        self._console.print(f"{line}, {rate:,.1f} docs/s, {skipped:,} skipped, {failed:,} failed",
                            soft_wrap=True, highlight=False)

    def close(self) -> None:
        pass


def tracker_for(console: Console, total: int | None) -> Tracker:
    return Bar(console, total) if console.is_terminal else LogLines(console, total)


def count_documents(paths: list[str]) -> int | None:
    """The number of documents under `paths` when it is cheap to know: JSON Lines files are
    counted by their non-blank lines, other files are one document each. None when an input
    holds an unknown number (standard input, feeds, web archives): then there is no ETA."""
    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if path.is_dir() and suffix not in KNOWN_SUFFIXES and not is_warc_name(file):
                continue
            if is_warc_name(file) or suffix in FEED_SUFFIXES:
                return None
            if suffix in JSONL_SUFFIXES:
                try:
                    with file.open("rb") as stream:
                        total += sum(1 for line in stream if line.strip())
                except OSError:
                    total += 1  # reading it will report the error, one document
            else:
                total += 1
    return total
