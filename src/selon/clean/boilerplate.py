"""Boilerplate lines ("Passer la publicité", "Advertisement", "Read more: …") out of the text."""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources

from selon.errors import DataError

# A prefix rule only drops short lines: a long line that starts "Photo:" is still a caption,
# but a long line that starts "Lire aussi" would be a sentence of the story.
_MAX_PREFIX_LINE = 160


def _key(line: str) -> str:
    decomposed = unicodedata.normalize("NFKD", line)
    # Accents and invisible format marks (zero-width spaces) do not make a line another one.
    bare = "".join(
        c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    return bare.casefold().strip(" \t.:;,!?»«\"'’-–—|>•*")


@dataclass(frozen=True)
class Boilerplate:
    exact: frozenset[str]
    prefixes: tuple[str, ...]

    def is_boilerplate(self, line: str) -> bool:
        key = _key(line)
        if not key:
            return False
        if key in self.exact:
            return True
        return len(line) <= _MAX_PREFIX_LINE and any(key.startswith(p) for p in self.prefixes)

    def drop_lines(self, text: str) -> str:
        """The text without boilerplate lines; other lines untouched."""
        kept = [line for line in text.splitlines() if not self.is_boilerplate(line)]
        return "\n".join(kept)


def load_boilerplate(languages: tuple[str, ...]) -> Boilerplate:
    """The union of the languages' lists: a French page may carry an English ad label."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    for lang in languages:
        source = resources.files("selon").joinpath(f"lang/{lang}/boilerplate.toml")
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise DataError(f"lang/{lang}/boilerplate.toml: {error}") from error
        exact.update(_key(line) for line in data.get("exact", []))
        prefixes.update(_key(line) for line in data.get("prefix", []))
    return Boilerplate(frozenset(exact), tuple(sorted(prefixes)))
