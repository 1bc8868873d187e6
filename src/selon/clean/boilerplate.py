"""Boilerplate ("Passer la publicité", "Advertisement", "Read more: …") out of the text.

The language data (`lang/<lang>/boilerplate.toml`) lists what HTML extraction keeps by mistake:
whole lines (`exact`), the starts of short lines (`prefix`), labels that open a link to another
story (`teaser`: "Lire aussi", "Read more", or `teaser_pattern` where a plain label would
catch prose: "Also on rt.com", not "Also on Tuesday") and regular expressions over a whole
line (`pattern`).
Lines are compared by a key: no accents or invisible marks, case folded, outer punctuation and
brackets stripped, so "[Read more: …]" and "LIRE AUSSI >" are found like "Read more" and
"Lire aussi".
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from selon.errors import DataError

# A prefix rule only drops short lines: a long line that starts "Photo:" is still a caption,
# but a long line that starts "Lire aussi" would be a sentence of the story.
_MAX_PREFIX_LINE = 160
# Patterns are anchored and specific (a credit at the end of a caption), so they may judge longer
# lines; a paragraph of the story is longer still.
_MAX_PATTERN_LINE = 300
# A teaser block on a page holds a label and one to three headlines; a longer block that starts
# with a label is more likely a section of the article itself.
MAX_TEASER_BLOCK = 400
_OUTER = " \t.:;,!?»«\"'’‘“”-–—|>•*#()[]{}/→►▶"
# Typographic and straight apostrophes are one: "Don’t miss" is "Don't miss".
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
# French typography spaces the colon: "Lire : …" and "Lire: …" are one label.
_SPACE_BEFORE_MARK = re.compile(r"\s+([:;!?])")
_FIELDS = ("exact", "prefix", "teaser", "teaser_pattern", "pattern")


class _Unmarked(dict[int, int | None]):
    """A `str.translate` table that drops combining and format characters, filled as it is
    used: a character is looked up once, not once per line (a 20 MB page has 200,000 lines)."""

    def __missing__(self, code: int) -> int | None:
        char = chr(code)
        kept = None if unicodedata.combining(char) or unicodedata.category(char) == "Cf" else code
        self[code] = kept
        return kept


_UNMARKED = _Unmarked()


def line_key(line: str) -> str:
    """The form lines are compared in: accents, case, invisible marks, outer punctuation gone."""
    # Accents and invisible format marks (zero-width spaces) do not make a line another one.
    bare = unicodedata.normalize("NFKD", line).translate(_UNMARKED)
    folded = " ".join(bare.casefold().translate(_APOSTROPHES).split())
    return _SPACE_BEFORE_MARK.sub(r"\1", folded).strip(_OUTER)


def _label_key(label: str) -> str:
    """A label's key keeps its colon: "Read:" opens "Read: Why …", not "Read the report"."""
    key = line_key(label)
    return key + ":" if label.rstrip().endswith(":") else key


def _starts_with_word(key: str, start: str) -> bool:
    """`key` starts with `start` as whole words: "photo" opens "photo afp", not "photographs"."""
    if not key.startswith(start):
        return False
    rest = key[len(start):]
    return not rest or not (start[-1].isalnum() and rest[0].isalnum())


@dataclass(frozen=True)
class Boilerplate:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    teasers: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...] = ()
    teaser_patterns: tuple[re.Pattern[str], ...] = ()

    def opens_teaser(self, text: str) -> bool:
        """The text starts with a label that introduces a link to another story."""
        return self._opens_teaser(line_key(text))

    def _opens_teaser(self, key: str) -> bool:
        return any(_starts_with_word(key, label) for label in self.teasers) or any(
            p.match(key) for p in self.teaser_patterns)

    def is_boilerplate(self, line: str) -> bool:
        key = line_key(line)
        if not key:
            return False
        if key in self.exact:
            return True
        if len(line) <= _MAX_PREFIX_LINE and (
            any(_starts_with_word(key, p) for p in self.prefixes) or self._opens_teaser(key)
        ):
            return True
        return len(line) <= _MAX_PATTERN_LINE and any(p.search(key) for p in self.patterns)

    def drop_lines(self, text: str) -> str:
        """The text without boilerplate lines; other lines untouched."""
        kept = [line for line in text.splitlines() if not self.is_boilerplate(line)]
        return "\n".join(kept)


def _read(lang: str) -> dict[str, list[str]]:
    source = resources.files("selon").joinpath(f"lang/{lang}/boilerplate.toml")
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataError(f"lang/{lang}/boilerplate.toml: {error}") from error
    unknown = set(data) - set(_FIELDS)
    if unknown:
        raise DataError(f"lang/{lang}/boilerplate.toml: unknown keys {', '.join(sorted(unknown))}")
    return {name: list(data.get(name, [])) for name in _FIELDS}


def _compile(lang: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise DataError(f"lang/{lang}/boilerplate.toml: bad pattern {pattern!r}: {error}") from error


def load_boilerplate(languages: tuple[str, ...]) -> Boilerplate:
    """The union of the languages' lists: a French page may carry an English ad label."""
    exact: set[str] = set()
    prefixes: set[str] = set()
    teasers: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    teaser_patterns: list[re.Pattern[str]] = []
    for lang in languages:
        data = _read(lang)
        exact.update(line_key(line) for line in data["exact"])
        prefixes.update(_label_key(line) for line in data["prefix"])
        teasers.update(_label_key(line) for line in data["teaser"])
        patterns.extend(_compile(lang, p) for p in data["pattern"])
        teaser_patterns.extend(_compile(lang, p) for p in data["teaser_pattern"])
    return Boilerplate(frozenset(exact), tuple(sorted(prefixes)), tuple(sorted(teasers)),
                       tuple(patterns), tuple(teaser_patterns))


def data_languages() -> tuple[str, ...]:
    """Every language with a boilerplate file, supported for coding or not."""
    root = resources.files("selon").joinpath("lang")
    return tuple(sorted(p.name for p in root.iterdir() if p.joinpath("boilerplate.toml").is_file()))


@cache
def page_boilerplate() -> Boilerplate:
    """What readers strip from pages before the language is known: every language's lists."""
    return load_boilerplate(data_languages())
