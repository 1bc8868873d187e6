"""JSON Lines: one event a line, exactly the event format of FORMAT.md (what `selon extract`
and `selon events --format jsonl` write)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from selon.export.plover import plover_record
from selon.store import event_from_row


def _write_lines(rows: Iterable[dict[str, Any]], out: TextIO,
                 record: Callable[[dict[str, Any]], dict[str, Any]]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(record(row), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    return _write_lines(rows, out, lambda row: event_from_row(row).to_record())


def write_plover(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    return _write_lines(rows, out, plover_record)
