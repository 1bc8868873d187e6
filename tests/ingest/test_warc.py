"""Web archives: HTML responses become articles, other records are skipped and counted.

The archives are written here with warcio, as a crawler writes them (Common Crawl's CC-NEWS
is such files): request and response pairs, metadata, images, redirects.
"""

from __future__ import annotations

import gzip
import io
from collections import Counter
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from selon.ingest import read_paths
from selon.ingest.discover import sniff_kind
from selon.records import Article, DocumentError

CRAWLED = "2025-10-03T10:00:00Z"
PARAGRAPHS = (
    "Le gouvernement tchadien a ordonné vendredi l’expulsion de l’ambassadeur d’Allemagne, "
    "accusé d’ingérence dans les affaires intérieures du pays.",
    "Berlin a dit regretter cette décision et a convoqué le chargé d’affaires tchadien, selon "
    "un communiqué du ministère allemand des Affaires étrangères.",
)


def html(head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<!DOCTYPE html><html><head>{head}<title>Le Tchad expulse l’ambassadeur</title>"
            f"</head><body><article><h1>Le Tchad expulse l’ambassadeur</h1>{body}</article>"
            "</body></html>")


def write_archive(out: io.BufferedIOBase, compress: bool) -> None:
    writer = WARCWriter(out, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "selon tests"}))

    def response(url: str, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": CRAWLED}))

    request = StatusAndHeaders("GET /tchad HTTP/1.1", [("Host", "news.example")],
                               is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/tchad", "request",
                                                  http_headers=request))
    dated = html('<meta property="article:published_time" content="2025-10-02T18:00:00Z">')
    response("https://news.example/tchad", "200 OK",
             [("Content-Type", "text/html; charset=utf-8")], dated.encode())
    # Windows-1252, said only by the server; gzip-encoded on the wire, as servers send pages.
    response("https://news.example/tchad-1252", "200 OK",
             [("Content-Type", "text/html; charset=windows-1252"), ("Content-Encoding", "gzip")],
             gzip.compress(html().encode("cp1252")))
    response("https://news.example/logo.png", "200 OK", [("Content-Type", "image/png")],
             b"\x89PNG\r\n\x1a\n" + bytes(64))
    response("https://news.example/old", "301 Moved Permanently",
             [("Content-Type", "text/html"), ("Location", "/tchad")], b"")
    response("https://news.example/menu", "200 OK", [("Content-Type", "text/html")],
             b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>")
    writer.write_record(writer.create_warc_record(
        "https://news.example/tchad", "metadata", payload=io.BytesIO(b"fetchTimeMs: 120\r\n"),
        warc_content_type="application/warc-fields"))


@pytest.fixture(scope="module", params=["test.warc.gz", "test.warc"])
def archive(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = tmp_path_factory.mktemp("warc") / request.param
    with path.open("wb") as out:
        write_archive(out, compress=path.suffix == ".gz")
    return path


def read(path: Path, skipped: Counter[str] | None = None) -> list[Article | DocumentError]:
    return list(read_paths([str(path)], max_bytes=1_000_000, skipped=skipped))


def test_html_responses_are_articles_and_the_rest_is_counted(archive: Path) -> None:
    skipped: Counter[str] = Counter()
    dated, undated, menu = read(archive, skipped)
    assert isinstance(dated, Article) and isinstance(undated, Article)
    assert dated.url == "https://news.example/tchad"
    assert dated.date == "2025-10-02"  # the page's own date
    assert undated.date == "2025-10-03"  # the crawl date, where the page states none
    assert undated.url == "https://news.example/tchad-1252"
    assert all(p in undated.text for p in PARAGRAPHS)  # gunzipped, decoded as the server said
    assert undated.encoding == "cp1252 (declared)"
    assert dated.origin.startswith(f"{archive}@") and dated.origin != undated.origin
    assert isinstance(menu, DocumentError) and "no article text" in menu.reason
    assert skipped == Counter({"warcinfo": 1, "request": 1, "metadata": 1, "image/png": 1,
                               "HTTP 301": 1})


def test_an_archive_cut_short_is_an_error_after_its_whole_records(archive: Path,
                                                                  tmp_path: Path) -> None:
    data = archive.read_bytes()
    cut = tmp_path / archive.name
    cut.write_bytes(data[: int(len(data) * 0.6)])
    found = read(cut)
    assert isinstance(found[-1], DocumentError) and "broken off" in found[-1].reason
    assert isinstance(found[0], Article)


def test_a_file_that_is_no_archive(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("Just some notes.\n", encoding="utf-8")
    [item] = read(path)
    assert isinstance(item, DocumentError) and "not a readable WARC" in item.reason


def test_archives_are_found_in_folders_and_sniffed_on_stdin(archive: Path) -> None:
    assert sum(isinstance(i, Article) for i in read(archive.parent)) == 2
    assert sniff_kind(archive.read_bytes()[:4096]) == "warc"
