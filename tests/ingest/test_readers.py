from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from selon.errors import ReadError
from selon.ingest import read_paths
from selon.ingest.decode import Decoded, decode_bytes
from selon.ingest.discover import sniff_kind
from selon.records import Article, DocumentError

LIMIT = 1_000_000


def items(*paths: Path | str) -> list[Article | DocumentError]:
    return list(read_paths([str(p) for p in paths], max_bytes=LIMIT))


def test_empty_file_is_one_error(fixtures: Path) -> None:
    [item] = items(fixtures / "empty.txt")
    assert isinstance(item, DocumentError)
    assert item.origin.endswith("empty.txt") and "empty" in item.reason


def test_binary_file_is_refused(fixtures: Path) -> None:
    [item] = items(fixtures / "binary.bin")
    assert isinstance(item, DocumentError) and "binary" in item.reason


def test_windows_1252_is_detected_and_declared(fixtures: Path) -> None:
    [item] = items(fixtures / "latin1.txt")
    assert isinstance(item, Article)
    assert "armée française" in item.text
    assert item.encoding is not None and "detected" in item.encoding


def test_utf8_bom_is_dropped(fixtures: Path) -> None:
    [item] = items(fixtures / "utf8_bom.txt")
    assert isinstance(item, Article) and not item.text.startswith("\ufeff")


def test_broken_jsonl_line_is_reported_and_others_read(fixtures: Path) -> None:
    found = items(fixtures / "broken.jsonl")
    errors = [i for i in found if isinstance(i, DocumentError)]
    articles = [i for i in found if isinstance(i, Article)]
    assert [e.origin for e in errors] == [f"{fixtures / 'broken.jsonl'}:2"]
    assert "not JSON" in errors[0].reason
    assert len(articles) == 2


def test_html_without_article_is_an_error(fixtures: Path) -> None:
    [item] = items(fixtures / "no_article.html")
    assert isinstance(item, DocumentError) and "no article text" in item.reason


def test_html_page_keeps_article_and_metadata() -> None:
    page = Path(__file__).parents[2] / "src" / "selon" / "samples" / "page_fr.html"
    [item] = items(page)
    assert isinstance(item, Article)
    assert item.title and item.date
    assert "Tout accepter" not in item.text


def test_folder_is_read_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text("Une dépêche de test assez longue.", "utf-8")
    (tmp_path / "two.jsonl").write_text(json.dumps({"id": "x", "text": "Hello there."}) + "\n")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG\x00\x00")
    found = items(tmp_path)
    assert sorted(type(i).__name__ for i in found) == ["Article", "Article"]


def test_missing_path_is_an_error() -> None:
    [item] = items("/no/such/file.txt")
    assert isinstance(item, DocumentError) and "no such file" in item.reason


def test_too_large_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("mot " * 1000)
    [item] = list(read_paths([str(big)], max_bytes=100))
    assert isinstance(item, DocumentError) and "too large" in item.reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('["not", "an", "object"]', "expected a JSON object"),
        ('{"id": "a"}', "no `text`"),
        ('{"id": "a", "text": 3}', "no `text`"),
        ('{"id": "a", "text": "  "}', "empty `text`"),
        ('{"id": "a", "text": "ok", "date": "24/11/2025"}', "YYYY-MM-DD"),
        ('{"id": "a", "text": "ok", "lang": 5}', "`lang` must be a string"),
    ],
)
def test_jsonl_wrong_types_are_reported(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    [item] = items(path)
    assert isinstance(item, DocumentError) and reason in item.reason


def test_extra_fields_such_as_events_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "g", "text": "Texte.", "events": [{"type": "AID"}]}) + "\n")
    [item] = items(path)
    assert isinstance(item, Article) and item.id == "g"


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.dumps({"id": "s", "text": "From standard input."}).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [item] = items("-")
    assert isinstance(item, Article) and item.id == "s"


@pytest.mark.parametrize(
    ("head", "kind"),
    [(b'{"text": 1}', "jsonl"), (b"<!DOCTYPE html><html>", "html"), (b"Plain words.", "text")],
)
def test_sniff_kind(head: bytes, kind: str) -> None:
    assert sniff_kind(head) == kind


def test_a_legacy_encoding_is_decoded_and_declared_never_mojibake() -> None:
    decoded = decode_bytes("Défense".encode("cp1252") * 20)
    assert decoded.text == "Défense" * 20
    assert decoded.encoding.endswith("(detected)")


def test_a_declared_charset_is_used_when_utf8_fails() -> None:
    decoded = decode_bytes("Défense à Gao".encode("iso-8859-15"), declared="ISO-8859-15")
    assert decoded == Decoded("Défense à Gao", "iso8859-15 (declared)")


def test_a_latin1_label_is_read_as_windows_1252_as_browsers_do() -> None:
    # Pages labelled ISO-8859-1 use Windows-1252's curly quotes, which Latin-1 makes controls.
    decoded = decode_bytes("L’armée à Gao".encode("cp1252"), declared="latin-1")
    assert decoded == Decoded("L’armée à Gao", "cp1252 (declared)")


def test_empty_and_binary_bytes_are_refused() -> None:
    with pytest.raises(ReadError, match="empty"):
        decode_bytes(b"  \n")
    with pytest.raises(ReadError, match="binary"):
        decode_bytes(bytes(range(256)))
