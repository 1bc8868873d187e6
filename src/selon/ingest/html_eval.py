"""Scores the HTML reader on a folder of real pages described by a `manifest.jsonl`.

The folder's README (``../shared/eval/html/README.md``) sets the rules followed here: the kept
text and the phrases are compared after NFC and whitespace collapsing, as exact, case-sensitive
substrings; token F1 is over lower-case ``\\w+`` tokens, as bags; the title and date are
compared with ``expected_meta``, the language with ``lang``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from selon.errors import SelonError
from selon.ingest.decode import decode_bytes
from selon.ingest.discover import read_paths
from selon.ingest.html import extraction_fields
from selon.ingest.kept import Keeper
from selon.records import Article, DocumentError

_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
# Titles are compared without typographic differences a reader would not call a change.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


@dataclass(frozen=True)
class PageCheck:
    """One page of the manifest, as the reader did on it."""

    name: str
    missing: tuple[str, ...]  # must_contain phrases not in the kept text
    leaked: tuple[str, ...]  # must_not_contain strings in the kept text
    title_ok: bool
    date_ok: bool
    lang_ok: bool
    f1: float | None  # None where the manifest gives no expected text
    error: str | None = None
    got_title: str | None = None
    got_date: str | None = None
    got_lang: str | None = None

    @property
    def phrases_ok(self) -> bool:
        return self.error is None and not self.missing and not self.leaked


@dataclass(frozen=True)
class Summary:
    pages: int
    phrases: int
    contained: int
    clean: int
    titles: int
    dates: int
    languages: int
    f1: float | None
    f1_pages: int


def normalize(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _title_key(title: str | None) -> str:
    return normalize(title or "").translate(_QUOTES).casefold().rstrip(" .")


def token_f1(got: str, expected: str) -> float:
    """Bag-of-tokens F1 between two texts: lower-case \\w+ tokens."""
    got_tokens = Counter(_TOKEN.findall(got.lower()))
    expected_tokens = Counter(_TOKEN.findall(expected.lower()))
    common = sum((got_tokens & expected_tokens).values())
    if not common:
        return 0.0
    precision = common / sum(got_tokens.values())
    recall = common / sum(expected_tokens.values())
    return 2 * precision * recall / (precision + recall)


def check_page(entry: dict[str, Any], article: Article | None, folder: Path,
               error: str | None = None) -> PageCheck:
    """Compare what was kept of one page with its manifest entry."""
    name = Path(entry["file"]).stem
    text = normalize(article.text) if article else ""
    missing = tuple(p for p in entry["must_contain"] if normalize(p) not in text)
    leaked = tuple(s for s in entry["must_not_contain"] if normalize(s) in text)
    meta = entry.get("expected_meta") or {}
    f1 = None
    if entry.get("expected_text_file"):
        expected = (folder / entry["expected_text_file"]).read_text(encoding="utf-8")
        f1 = token_f1(article.text if article else "", expected)
    return PageCheck(
        name=name,
        missing=missing,
        leaked=leaked,
        title_ok=article is not None and _title_key(article.title) == _title_key(meta.get("title")),
        date_ok=article is not None and article.date == meta.get("date"),
        lang_ok=article is not None and article.lang == entry.get("lang"),
        f1=f1,
        error=error,
        got_title=article.title if article else None,
        got_date=article.date if article else None,
        got_lang=article.lang if article else None,
    )


def read_manifest(folder: Path) -> list[dict[str, Any]]:
    path = folder / "manifest.jsonl"
    if not path.is_file():
        raise SelonError(f"no manifest.jsonl in {folder}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def keep_page(path: Path, keeper: Keeper) -> Article:
    """What selon keeps of one page, as `selon text` shows it; SelonError if nothing."""
    [item] = list(read_paths([str(path)], max_bytes=keeper.pipeline.settings.max_document_bytes))
    if isinstance(item, DocumentError):
        raise SelonError(item.reason)
    return keeper.keep(item).article


def plain_trafilatura(path: Path, keeper: Keeper) -> Article:
    """The reference point: `trafilatura.extract` with its default settings (comments
    included), its own metadata, no cleaning; the language detected as selon does."""
    html = decode_bytes(path.read_bytes()).text
    fields = extraction_fields(trafilatura.bare_extraction(html, with_metadata=True))
    text = fields.get("text") or ""
    if not text:
        raise SelonError("trafilatura kept nothing")
    return Article(id=str(path), text=text, title=fields.get("title"), date=fields.get("date"),
                   lang=keeper.detect_any(text), origin=str(path))


def check_folder(folder: Path, keep: Callable[[Path], Article]) -> Iterator[PageCheck]:
    """Each manifest page through `keep` (path -> the kept article, or SelonError)."""
    for entry in read_manifest(folder):
        try:
            article: Article | None = keep(folder / entry["file"])
            error = None
        except SelonError as failure:
            article, error = None, str(failure)
        yield check_page(entry, article, folder, error)


def summarize(checks: list[PageCheck]) -> Summary:
    scored = [c.f1 for c in checks if c.f1 is not None]
    return Summary(
        pages=len(checks),
        phrases=sum(c.phrases_ok for c in checks),
        contained=sum(c.error is None and not c.missing for c in checks),
        clean=sum(c.error is None and not c.leaked for c in checks),
        titles=sum(c.title_ok for c in checks),
        dates=sum(c.date_ok for c in checks),
        languages=sum(c.lang_ok for c in checks),
        f1=sum(scored) / len(scored) if scored else None,
        f1_pages=len(scored),
    )


def summary_lines(summary: Summary) -> list[str]:
    """The figures, one a line, as `selon html-eval` and the tests print them."""
    f1 = (f"{summary.f1:.3f} (mean over {summary.f1_pages} pages with an expected text)"
          if summary.f1 is not None else "no expected texts")
    return [
        f"pages      {summary.pages}",
        f"phrases    {summary.phrases}/{summary.pages} pass (every must_contain kept: "
        f"{summary.contained}, no must_not_contain leaked: {summary.clean})",
        f"titles     {summary.titles}/{summary.pages}",
        f"dates      {summary.dates}/{summary.pages}",
        f"languages  {summary.languages}/{summary.pages}",
        f"token F1   {f1}",
    ]
