"""Bytes to text: UTF-8 first, another encoding only when it can be detected with confidence.

Pages lie about their encoding: a Windows-1252 page declares UTF-8, an ISO-8859-1 one uses the
curly quotes of Windows-1252, a UTF-8 text was once decoded as Windows-1252 and saved again
("Ã©" for "é"). Whatever the bytes, mojibake must not reach the parser.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from charset_normalizer import from_bytes

from selon.errors import ReadError

_UTF8_BOM = b"\xef\xbb\xbf"
# Text saved as "Unicode" by Windows tools: UTF-16 or UTF-32 behind its byte-order mark. Without
# one, such bytes are full of NULs and read as binary. UTF-32's marks first: FF FE 00 00 also
# starts with UTF-16's FF FE.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters that do not occur in text: a file full of them is binary.
_BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
# Browsers read these labels as Windows-1252 (WHATWG Encoding Standard): pages labelled so
# use its curly quotes and dashes in 0x80-0x9F, which ISO-8859-1 maps to control characters.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1",
                                  "us-ascii", "ascii", "iso_8859-1", "cp819", "windows-1252"})
_LEGACY_DEFAULT = "cp1252"
# Python codecs that a page may name but no browser reads a page in: UTF-7 (banned by the
# Encoding Standard: it hides markup) and Python's own escapes and placeholders.
_NOT_PAGE_ENCODINGS = frozenset({"utf-7", "unicode-escape", "raw-unicode-escape", "idna",
                                 "punycode", "undefined", "mbcs", "oem"})
# UTF-8 read as Windows-1252 or Latin-1: a lead byte (Â-ô) then continuation bytes, which that
# reading turns into Latin-1 symbols or the Windows-1252 punctuation of 0x80-0x9F.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc" \
                "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"(?:[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}})+")
_A_GRAVE = re.compile("\u00c3 (?= )")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", or e.g. "cp1252 (detected)", "utf-8 (mojibake repaired)"


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    return controls > max(8, len(sample) // 100)


def _as_bytes(run: str) -> bytes:
    """The bytes a Windows-1252 (or, for its holes, Latin-1) reading turned into `run`."""
    return b"".join(bytes([ord(c)]) if ord(c) < 256 else c.encode("cp1252") for c in run)


def repair_mojibake(text: str) -> str:
    """UTF-8 sequences that were read as Windows-1252 or Latin-1 ("dÃ©putÃ©s", "lâ€™armée")
    put back; a run that is not valid UTF-8 once re-encoded is left as it is."""

    def fix(match: re.Match[str]) -> str:
        try:
            return _as_bytes(match.group()).decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return match.group()

    repaired = _MOJIBAKE.sub(fix, text)
    if repaired != text:
        # "à" is C3 A0, read "Ã" and a no-break space, which often became a plain one:
        # "Ã  Paris". Only in a text shown to hold mojibake: "Ã" is otherwise just rare.
        repaired = _A_GRAVE.sub("à", repaired)
    return repaired


def _canonical(label: str) -> str | None:
    """Python's name for a declared charset, Latin-1 labels read as Windows-1252; None for a
    label that names no text encoding ("rot13", "base64", "hex" are Python codecs too)."""
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return _LEGACY_DEFAULT
    try:
        codec = codecs.lookup(label)
    except LookupError:
        return None
    # `_is_text_encoding` is how bytes.decode itself refuses the bytes-to-bytes codecs
    if not getattr(codec, "_is_text_encoding", True) or codec.name in _NOT_PAGE_ENCODINGS:
        return None
    return codec.name


def detect(data: bytes) -> Decoded:
    """charset-normalizer's reading; on a tie, Windows-1252, the web's legacy default (it
    would otherwise take Central European cp1250 for French, and "à" becomes "ŕ")."""
    matches = list(from_bytes(data))
    if not matches:
        raise ReadError("not UTF-8 and no other encoding could be detected")
    best = matches[0]  # charset-normalizer ranks its readings, best first
    tied = [m for m in matches
            if abs(m.chaos - best.chaos) < 1e-6 and abs(m.coherence - best.coherence) < 1e-6]
    encoding = best.encoding
    if any(_LEGACY_DEFAULT in m.could_be_from_charset for m in tied):
        encoding = _LEGACY_DEFAULT
    return Decoded(data.decode(encoding, errors="replace"), f"{encoding} (detected)")


def _decode(data: bytes, declared: str | None) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _canonical(declared) if declared else None
    # A page that says UTF-16 but has no NULs is not UTF-16 (the HTML standard reads such a
    # declaration as UTF-8); read so, it would become a page of CJK characters.
    if encoding and encoding != "utf-8" and not encoding.startswith(("utf-16", "utf-32")):
        try:
            return Decoded(data.decode(encoding), f"{encoding} (declared)")
        except UnicodeDecodeError:
            pass  # mislabelled: detect it
    return detect(data)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a document, or raise ReadError saying why it cannot be read as text."""
    if not data.strip():
        raise ReadError("empty document")
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    for bom, wide in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(wide)  # the codec reads the mark and drops it
            except UnicodeDecodeError as error:
                raise ReadError(f"not valid {wide.upper()} after its byte-order mark "
                                f"(byte {error.start:,})") from error
            inner = decode_bytes(text.encode("utf-8"))  # then read as any UTF-8 document
            return replace(inner, encoding=inner.encoding.replace("utf-8", wide, 1))
    if looks_binary(data):
        raise ReadError("binary content (not a text document)")
    decoded = _decode(data, declared)
    repaired = repair_mojibake(decoded.text)
    if repaired != decoded.text:
        return Decoded(repaired, f"{decoded.encoding.split(' (')[0]} (mojibake repaired)")
    return decoded
