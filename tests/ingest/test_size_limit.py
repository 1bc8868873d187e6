"""The size limit (`max_document_bytes`, 20 MB): larger documents are refused with the size in
the reason, before they are read, and the next document goes on. The big inputs are made here
at test time: sparse files cost no disk, a stream of 200 MB is never held."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from selon.config import load_settings
from selon.ingest import read_paths
from selon.pipeline import Pipeline
from selon.records import Article, DocumentError
from tests.ingest.test_warc import write_archive

LIMIT = load_settings().max_document_bytes
PARAGRAPH = "Le gouvernement a demandé des drones à la Russie mardi, selon un communiqué.\n"


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as out:
        out.truncate(size)
    return path


def test_the_limit_is_20_mb() -> None:
    assert LIMIT == 20_000_000


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl", ".rss", ".xml", ".bin.txt"])
def test_a_200_mb_file_is_refused_unread(tmp_path: Path, suffix: str) -> None:
    big = sparse(tmp_path / f"big{suffix}", 200_000_000)
    small = tmp_path / "small.txt"
    small.write_text(PARAGRAPH, "utf-8")
    found = list(read_paths([str(big), str(small)], max_bytes=LIMIT))
    assert isinstance(found[0], DocumentError)
    assert found[0].reason == "too large: 200,000,000 bytes (limit 20,000,000)"
    assert isinstance(found[1], Article)  # and the batch goes on


def test_20_mb_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    text = (PARAGRAPH * (LIMIT // len(PARAGRAPH.encode()) + 1)).encode()
    at_limit, over = tmp_path / "at.txt", tmp_path / "over.txt"
    at_limit.write_bytes(text[:LIMIT])
    over.write_bytes(text[:LIMIT + 1])
    [read, refused] = read_paths([str(at_limit), str(over)], max_bytes=LIMIT)
    assert isinstance(read, Article) and len(read.text) > LIMIT // 2
    assert isinstance(refused, DocumentError) and "too large: 20,000,001 bytes" in refused.reason


class Endless(io.RawIOBase):
    """Standard input that would give 200 MB: counts what is taken from it."""

    def __init__(self, size: int) -> None:
        self.left = size
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = min(len(buffer), self.left)
        buffer[:n] = b"a" * n
        self.left -= n
        self.taken += n
        return n


def test_200_mb_on_standard_input_is_refused_after_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = Endless(200_000_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(raw)))
    [item] = read_paths(["-"], max_bytes=LIMIT)
    assert isinstance(item, DocumentError) and item.reason == "too large (limit 20,000,000 bytes)"
    assert raw.taken < LIMIT + 1_000_000  # the rest is never read


def test_a_200_mb_archive_of_nothing_is_refused_at_once(tmp_path: Path) -> None:
    [item] = read_paths([str(sparse(tmp_path / "crawl.warc", 200_000_000))], max_bytes=LIMIT)
    assert isinstance(item, DocumentError) and "not a readable WARC file" in item.reason
    assert len(item.reason) < 300  # not the file's first "line" quoted whole


def test_an_archived_page_over_the_limit_is_refused_and_the_next_one_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        huge = ("<html><body>" + "<p>" + PARAGRAPH * (LIMIT // len(PARAGRAPH) + 10) + "</p>").encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example/huge", "response",
                                                      payload=io.BytesIO(huge), http_headers=http))
        write_archive(out, compress=False)
    found = list(read_paths([str(path)], max_bytes=LIMIT))
    assert isinstance(found[0], DocumentError) and "too large" in found[0].reason
    assert found[0].origin == f"{path}@0"
    # the pages of the archive after it
    assert any(isinstance(item, Article) and "ambassadeur" in (item.title or "") for item in found)


def test_a_line_of_5_mb_is_read_and_prepared(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text(PARAGRAPH.strip() * 65_000, "utf-8")
    [article] = read_paths([str(path)], max_bytes=LIMIT)
    assert isinstance(article, Article)
    prepared = pipeline.prepare(article)
    assert prepared.lang == "fr" and prepared.content_hash
