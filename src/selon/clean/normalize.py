"""Unicode and whitespace normalisation, and the content hash that identifies an article."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Zero-width and direction marks carry no meaning for coding and break token matching.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
)
# French typography puts (narrow) no-break spaces in numbers and before punctuation.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u3000"), " ")
_TRAILING = re.compile(r"[ \t]+\n")
_MANY_BLANKS = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFC, plain spaces, no invisible marks, \\n line ends, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_INVISIBLE).translate(_SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    text = _TRAILING.sub("\n", text)
    return _MANY_BLANKS.sub("\n\n", text).strip()


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(start offset, paragraph) for each non-blank line: a line break ends a paragraph."""
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            found.append((offset + line.index(stripped[0]), stripped))
        offset += len(line) + 1
    return found


def content_hash(text: str) -> str:
    """The article's identity: the same text, however spaced, gives the same hash."""
    canonical = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]
