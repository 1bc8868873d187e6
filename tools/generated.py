"""What the data generators under tools/ share: writing their output, or checking it is current."""

from __future__ import annotations

import sys
from pathlib import Path


def refuse_on_errors(errors: list[str]) -> bool:
    """Print the errors; True when there were some (and nothing may be written)."""
    for error in errors:
        print(f"ERROR: {error}", file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
    return bool(errors)


def write_or_check(files: dict[Path, str], root: Path, check: bool) -> int:
    """Write the generated files, or with `check` only say which are out of date (exit 1)."""
    if check:
        stale = [p for p, text in files.items()
                 if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"out of date: {p.relative_to(root)}", file=sys.stderr)
        return 1 if stale else 0
    for p, text in files.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        print(f"wrote {p.relative_to(root)} ({len(text.encode('utf-8')):,} bytes)")
    return 0
