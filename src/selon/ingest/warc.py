"""Web archives (`.warc`, `.warc.gz`, read with warcio): each HTML page becomes an article.

A page is a `response` record with a 2xx HTTP status and an HTML content type (or a
`resource` record of HTML, as some crawlers write). Every other record (requests, metadata,
redirects, images, scripts) is skipped and counted by kind. An archive is read as a stream,
record by record, so its size is not limited; each page is, like any document.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from selon.errors import ReadError
from selon.ingest.html import read_html
from selon.ingest.metadata import iso_day
from selon.records import Article, DocumentError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Blank lines may follow the last record of an uncompressed archive.
_PADDING = 64
_GZIP_MAGIC = b"\x1f\x8b"
# What an archive's first bytes are checked in, and how much of a parser's complaint is kept:
# warcio quotes the whole first line, which in a file with no line break is the whole file.
_HEAD = 65536
_MAX_REASON = 200


def looks_like_warc(head: bytes) -> bool:
    """The first bytes of a WARC file, plain or gzipped (each record its own member)."""
    if head.startswith(b"WARC/"):
        return True
    if not head.startswith(_GZIP_MAGIC):
        return False
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(head[:_HEAD])) as member:
            return member.read(5) == b"WARC/"
    except (OSError, EOFError, zlib.error):  # not gzip, cut short, or corrupt deflate data
        return False


def _short(message: str) -> str:
    flat = " ".join(message.split())
    return flat if len(flat) <= _MAX_REASON else flat[:_MAX_REASON] + "…"


def _not_warc(stream: IO[bytes]) -> str | None:
    """Why the stream is no WARC file, from its first bytes; None when it may be one (or
    cannot be looked at twice: a pipe)."""
    try:
        start = stream.tell()
        head = stream.read(_HEAD)
        stream.seek(start)
    except (OSError, ValueError):
        return None
    if not head.strip():
        return "empty document"
    if looks_like_warc(head):
        return None
    return f"not a readable WARC file: it starts with {_short(repr(head[:40]))}"


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def skip_reason(record: Any) -> str | None:
    """Why a record is no page (None when it is one): "request", "HTTP 301", "image/jpeg"."""
    kind = record.rec_type
    if kind == "response":
        http = record.http_headers
        if http is None:
            return "response without HTTP headers"
        status = http.get_statuscode() or "?"
        if not status.startswith("2"):
            return f"HTTP {status}"
        media = _media_type(http.get_header("Content-Type"))
    elif kind == "resource":
        media = _media_type(record.rec_headers.get_header("Content-Type"))
    else:
        return str(kind)
    return None if media in _HTML_TYPES else (media or "no content type")


def _unread_tail(stream: IO[bytes], end: int) -> int:
    """How many bytes after `end` are not blank padding (0 when unknown: a pipe)."""
    try:
        size = stream.seek(0, io.SEEK_END)
        stream.seek(end)
    except (OSError, ValueError):
        return 0
    tail = stream.read(_PADDING)
    return 0 if size - end <= _PADDING and not tail.strip() else size - end


def _page(record: Any, payload: bytes, where: str) -> Article | DocumentError:
    headers = record.http_headers or record.rec_headers
    try:
        article = read_html(payload, where, charset=_charset(headers.get_header("Content-Type")),
                            url=record.rec_headers.get_header("WARC-Target-URI"))
    except ReadError as error:
        return DocumentError(where, str(error))
    crawled = iso_day(record.rec_headers.get_header("WARC-Date") or "")
    return replace(article, date=article.date or crawled)


@dataclass(frozen=True)
class _Record:
    record: Any
    skip: str | None  # why it is no page
    payload: bytes
    missing: int  # bytes the record declares but the file lacks
    offset: int
    end: int


def _records(stream: IO[bytes], max_bytes: int) -> Iterator[_Record | str]:
    """warcio's records with their payloads; a last `str` says why reading stopped early."""
    records = ArchiveIterator(stream)
    end = 0
    try:
        for record in records:
            skip = skip_reason(record)
            payload = b"" if skip else record.content_stream().read(max_bytes + 1)
            # warcio ends a record quietly where the file ends: its reader still owes bytes.
            missing = 0 if skip else getattr(record.raw_stream, "limit", 0)
            offset = records.get_record_offset()
            end = offset + records.get_record_length()
            yield _Record(record, skip, payload, missing, offset, end)
    except ArchiveLoadFailed as error:
        yield f"not a readable WARC file: {_short(str(error))}"
        return
    except Exception as error:  # warcio fails in assorted ways on a corrupt or cut file
        yield f"WARC file broken off after byte {end:,}: {_short(repr(error))}"
        return
    # A gzip member cut short ends the iteration without a word: the bytes left unread say so.
    if unread := _unread_tail(stream, end):
        yield f"WARC file broken off after byte {end:,}: {unread:,} bytes could not be read"


def read_warc(stream: IO[bytes], origin: str, max_bytes: int,
              skipped: Counter[str] | None = None) -> Iterator[Article | DocumentError]:
    """The pages of a web archive; `origin@offset` names a record (its byte offset, as in a
    CDX index). Pages have the archive's URL, and the crawl date when they state none."""
    skipped = skipped if skipped is not None else Counter()
    if (refused := _not_warc(stream)) is not None:
        yield DocumentError(origin, refused)
        return
    for read in _records(stream, max_bytes):
        if isinstance(read, str):
            yield DocumentError(origin, read)
            continue
        where = f"{origin}@{read.offset}"
        if read.skip is not None:
            skipped[read.skip] += 1
        elif len(read.payload) > max_bytes:
            yield DocumentError(where, f"too large (limit {max_bytes:,} bytes)")
        elif read.missing:
            yield DocumentError(where, f"record broken off: {read.missing:,} bytes missing")
        else:
            yield _page(read.record, read.payload, where)
