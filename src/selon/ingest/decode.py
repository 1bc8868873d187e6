"""Bytes to text: UTF-8 first, another encoding only when it can be detected with confidence."""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from selon.errors import ReadError

_UTF8_BOM = b"\xef\xbb\xbf"
# Control characters that do not occur in text: a file full of them is binary.
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", or e.g. "cp1252 (detected)"


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a document, or raise ReadError saying why it cannot be read as text."""
    if not data.strip():
        raise ReadError("empty document")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    if looks_binary(data):
        raise ReadError("binary content (not a text document)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return Decoded(data.decode(declared), f"{declared.lower()} (declared)")
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("not UTF-8 and no other encoding could be detected")
    return Decoded(str(best), f"{best.encoding} (detected)")
