"""Every reader, fed hostile bytes, yields articles or errors with a reason, and never raises.

What an article may hold is checked too: text the store can write (no lone surrogates), a
real calendar date or none, an origin that says where it came from.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from selon.ingest import read_paths
from selon.ingest.discover import read_document, sniff_kind
from selon.records import Article, DocumentError
from tests.fuzz import inputs
from tests.fuzz.conftest import FUZZ
from tests.fuzz.tally import TALLY

LIMIT = 1_000_000
KINDS = ("text", "html", "jsonl", "feed", "warc")


def check(items: list[Article | DocumentError], origin: str) -> None:
    """The contract of every reader, item by item."""
    for item in items:
        if isinstance(item, DocumentError):
            assert isinstance(item.reason, str) and item.reason.strip(), item
            assert item.origin.startswith(origin), item
            TALLY.refused += 1
            TALLY.reasons[item.reason.split(":")[0][:60]] += 1
            continue
        assert isinstance(item, Article), item
        assert item.text.strip() and item.origin.startswith(origin), item
        for name in ("id", "text", "title", "outlet", "url", "lang", "origin", "encoding"):
            value = getattr(item, name)
            assert value is None or isinstance(value, str), (name, value)
            if value is not None:
                value.encode("utf-8")  # a lone surrogate cannot be stored or hashed
        if item.date is not None:
            assert date.fromisoformat(item.date).isoformat() == item.date, item.date
        TALLY.articles += 1


def read(data: bytes, kind: str) -> None:
    TALLY.inputs[kind] += 1
    check(list(read_document(data, "fuzz", kind, LIMIT)), "fuzz")


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from(KINDS))
def test_random_bytes_in_every_reader(data: bytes, kind: str) -> None:
    read(data, kind)


@FUZZ
@given(inputs.text_documents(), st.sampled_from(("text", "html", "jsonl")))
def test_text_in_any_encoding(data: bytes, kind: str) -> None:
    read(data, kind)


@FUZZ
@given(inputs.html_documents())
def test_malformed_and_deeply_nested_html(data: bytes) -> None:
    read(data, "html")


@FUZZ
@given(inputs.jsonl_documents())
def test_json_lines_of_every_wrong_shape(data: bytes) -> None:
    read(data, "jsonl")


@FUZZ
@given(inputs.feed_documents())
def test_broken_feeds(data: bytes) -> None:
    read(data, "feed")


@FUZZ
@given(inputs.warc_documents())
def test_broken_web_archives(data: bytes) -> None:
    read(data, "warc")


@FUZZ
@given(st.one_of(inputs.text_documents(), inputs.html_documents(), inputs.jsonl_documents(),
                 inputs.feed_documents(), inputs.warc_documents(), st.binary(max_size=512)))
def test_sniffed_standard_input(data: bytes) -> None:
    read(data, sniff_kind(data))


SUFFIXES = (".txt", ".md", ".html", ".xhtml", ".jsonl", ".json", ".rss", ".atom", ".xml",
            ".warc", ".warc.gz", ".bin")


@FUZZ
@given(st.one_of(inputs.text_documents(), inputs.html_documents(), inputs.jsonl_documents(),
                 inputs.feed_documents(), inputs.warc_documents()), st.sampled_from(SUFFIXES))
def test_files_by_name(data: bytes, suffix: str) -> None:
    """Files whose extension may lie about what they hold, read from disk as `read_paths` does."""
    TALLY.inputs["file"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_bytes(data)
        os.utime(path)
        check(list(read_paths([str(path)], max_bytes=LIMIT)), str(path))
