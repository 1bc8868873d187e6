"""One case for each way the fuzz run (tests/fuzz, bench/fuzz_readers.py) broke a reader: each
crashed the whole batch, or hung, before it was fixed. Now each is an article or an error that
says why."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli.main import app
from selon.ingest import read_paths
from selon.ingest.decode import decode_bytes
from selon.ingest.discover import read_document, sniff_kind
from selon.records import Article, DocumentError

LIMIT = 1_000_000
PROSE = "Le gouvernement a demandé des drones à la Russie mardi, selon un communiqué officiel."


def read(data: bytes, kind: str) -> list[Article | DocumentError]:
    return list(read_document(data, "doc", kind, LIMIT))


def feed(title: str, body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}'
            f"</title><item><title>Un titre</title><link>https://news.example/a</link>"
            f"<description>{body}</description></item></channel></rss>").encode()


@pytest.mark.parametrize("reference", ["&#xD800;", "&#2000000;", "&#0;", "&#x110000;"])
def test_a_feed_with_a_reference_to_no_character_is_read(reference: str) -> None:
    [item] = read(feed(f"Le fil {reference}", f"{PROSE} {reference}"), "feed")
    assert isinstance(item, Article) and item.text.startswith(PROSE)
    assert item.outlet is not None and "\ufffd" in item.outlet


def test_a_feed_item_with_control_characters_in_its_markup_is_read() -> None:
    [item] = read(feed("Le fil", f"&lt;p&gt;{PROSE}&lt;/p&gt;&lt;h1&lt;/h1&lt;\x08"), "feed")
    assert isinstance(item, Article) and PROSE in item.text


def test_gzip_magic_with_broken_deflate_data_is_no_archive() -> None:
    data = b"\x1f\x8b\x08\x00" + b"\x00" * 11
    assert sniff_kind(data) == "text"
    [item] = read(data, sniff_kind(data))
    assert isinstance(item, DocumentError) and item.reason


@pytest.mark.parametrize("label", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "undefined",
                                   "unicode_escape", "utf-7", "idna"])
def test_a_page_that_declares_a_codec_that_is_no_charset(label: str) -> None:
    """Read as if it declared nothing (these are Python codecs, not charsets)."""
    page = f'<html><head><meta charset="{label}"></head><body><p>{PROSE}</p></body></html>'
    data = page.encode("cp1252")
    assert decode_bytes(data, declared=label) == decode_bytes(data)
    [item] = read(data, "html")
    assert isinstance(item, Article) and "declared" not in (item.encoding or "")


def test_a_page_that_says_utf_16_but_is_not() -> None:
    page = f'<html><head><meta charset="utf-16"></head><body><p>{PROSE}</p></body></html>'
    [item] = read(page.encode("utf-8"), "html")
    assert isinstance(item, Article) and PROSE in item.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_text_behind_a_utf_16_or_32_byte_order_mark(encoding: str) -> None:
    data = ("\ufeff" + PROSE).encode(encoding)
    decoded = decode_bytes(data)
    assert decoded.text == PROSE and decoded.encoding == encoding[:6]
    [item] = read(data, "text")
    assert isinstance(item, Article) and item.text == PROSE


def test_broken_utf_16_after_its_mark_says_where() -> None:
    [item] = read(b"\xff\xfe" + "Bonjour".encode("utf-16-le") + b"\x00\xd8", "text")
    assert isinstance(item, DocumentError) and "not valid UTF-16" in item.reason


@pytest.mark.parametrize(("line", "reason"), [
    ('{"text": "\\ud800 La Russie"}', "`text` holds an invalid escape: a lone surrogate \\ud800"),
    ('{"text": "La Russie", "title": "x\\udfff"}', "`title` holds an invalid escape"),
    ('{"text": "La Russie", "id": "\\udc00"}', "`id` holds an invalid escape"),
    ('{"text": "La Russie", "date": "2025-13-45"}', "`date` must be a day, YYYY-MM-DD"),
    ('{"text": "La Russie", "date": "2025-02-30"}', "`date` must be a day, YYYY-MM-DD"),
    ('{"text": "La Russie", "id": true}', "`id` must be a string, got bool"),
])
def test_json_lines_the_store_could_not_hold_are_refused(line: str, reason: str) -> None:
    [item] = read(line.encode(), "jsonl")
    assert isinstance(item, DocumentError) and reason in item.reason


def test_a_surrogate_pair_is_one_character() -> None:
    [item] = read(b'{"text": "La Russie \\ud83d\\ude00"}', "jsonl")
    assert isinstance(item, Article) and item.text == "La Russie \U0001F600"


def test_an_empty_archive_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"")
    [item] = read_paths([str(path)], max_bytes=LIMIT)
    assert isinstance(item, DocumentError) and item.reason == "empty document"


def test_an_archive_that_is_gzipped_text_is_refused_in_a_few_words(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(b"x" * 500_000))
    [item] = read_paths([str(path)], max_bytes=LIMIT)
    assert isinstance(item, DocumentError) and len(item.reason) < 300


@pytest.mark.parametrize("name", ["[bold]x.jsonl", "[red]x.jsonl", "plain.jsonl"])
def test_error_lines_show_names_and_quotes_as_they_are(tmp_path: Path, name: str) -> None:
    """rich would read "[/bold]" in a file name or a quoted value as markup, and crash."""
    path = tmp_path / name
    path.write_text(json.dumps({"text": PROSE, "date": "[/bold]"}) + "\n", "utf-8")
    result = CliRunner().invoke(app, ["text", str(path)])
    assert result.exit_code == 1, result.output
    assert f"{name}:1: `date` must be a day, YYYY-MM-DD, got '[/bold]'" in result.output
