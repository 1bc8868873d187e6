"""Hostile documents for the readers, as hypothesis strategies: random bytes, text in other
encodings with or without a declaration, BOMs, NUL bytes, invisible and right-to-left marks,
mixed languages, tag soup and deep nesting, JSON of every wrong shape, broken feeds and
archives. Every string here is written for these tests."""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# French, English, Spanish, German, Russian, Arabic, Chinese: mixed-language text.
SENTENCES = (
    "le gouvernement a demandé des drones à la Russie mardi selon l’AFP",
    "the ministry said on Monday that talks with Kyiv had failed",
    "el presidente anunció sanciones contra Caracas",
    "die Regierung hat Truppen an die Grenze geschickt",
    "Москва заявила о поставках оружия",
    "أعلنت الحكومة فرض عقوبات جديدة",
    "北京 宣布 制裁 ça déjà été naïve Œuvre € – « » …",
)
WORDS = tuple(word for sentence in SENTENCES for word in sentence.split())
# Zero-width, direction and other invisible or odd characters.
ODD = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b",
       "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u00ad", "\u0000",
       "\u0007", "\u001b", "\u007f", "\u0085", "\u2028", "\u2029", "\r", "\t", "\ufffd", "\U0001F1FA",
       "\U0001F600", "\u0301", "e\u0301", "\ufdd0", "\uffff", "\u00a0", "\u202f", "[/bold]", "[red]",
       "<", "&amp;", "&#0;", "&#xD800;", "]]>", "\\"]
ENCODINGS = ["utf-8", "utf-8-sig", "latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be",
             "utf-32", "cp1251", "koi8-r", "shift_jis", "gb18030", "iso-8859-15", "mac_roman"]
# What a page or a server may declare: real labels, wrong ones, Python-only codecs, nonsense.
LABELS = ["utf-8", "UTF8", "iso-8859-1", "latin1", "windows-1252", "cp1251", "koi8-r", "utf-16",
          "utf-32", "shift_jis", "gbk", "big5", "ascii", "utf-7", "x-user-defined", "rot13",
          "base64", "hex", "zlib", "bz2", "uu", "undefined", "idna", "punycode", "unicode_escape",
          "raw_unicode_escape", "mbcs", "nonsense", "", "\"utf-8\"", "'latin1'", "utf-8;q=1"]
BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]
TAGS = ["html", "head", "body", "div", "p", "span", "article", "main", "section", "table", "tr",
        "td", "ul", "li", "a", "b", "i", "h1", "h2", "script", "style", "noscript", "iframe",
        "svg", "math", "template", "title", "meta", "br", "img", "form", "select", "option",
        "textarea", "pre", "blockquote", "figure", "figcaption", "header", "footer", "nav"]


def prose(max_words: int = 60) -> st.SearchStrategy[str]:
    """Sentences of mixed languages with odd characters sprinkled in."""
    token = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD),
                      st.text(max_size=8))
    return st.lists(token, max_size=max_words).map(" ".join)


def text_documents() -> st.SearchStrategy[bytes]:
    """Text in some encoding, with a BOM or not, NUL bytes or not, maybe cut mid-character."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        text = draw(st.one_of(prose(), st.text(max_size=400)))
        encoding = draw(st.sampled_from(ENCODINGS))
        data = text.encode(encoding, errors="replace")
        data = draw(st.sampled_from(BOMS)) + data
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(data)))
            data = data[:cut] + draw(st.binary(max_size=6)) + data[cut:]
        return data

    return build()


def tag_soup() -> st.SearchStrategy[str]:
    """Malformed HTML: tags opened and never closed, closed and never opened, odd attributes."""
    open_tag = st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(TAGS),
                         st.sampled_from(["", " class=\"chapo\"", " lang=\"ar\" dir=\"rtl\"",
                                          " charset=\"rot13\"", " itemprop=\"datePublished\"",
                                          " content=\"2025-13-45\"", " property=\"og:title\"",
                                          " a=\"", " <", " =x"]))
    close_tag = st.sampled_from(TAGS).map(lambda t: f"</{t}>")
    junk = st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<?xml version=\"1.0\"?>",
                            "<!DOCTYPE html>", "&", "&nbsp;", "&#xffffff;", "&#0;", "<", ">",
                            "\x00", "<meta charset=\"utf-7\">", "<meta charset=\"base64\">",
                            "<html lang=\"zz\">", "<script>alert(1)</script>"])
    piece = st.one_of(open_tag, close_tag, junk, prose(20))
    return st.lists(piece, max_size=80).map("".join)


def nested_html() -> st.SearchStrategy[str]:
    """A paragraph of text under thousands of nested elements."""
    return st.builds(
        lambda tag, depth, text: f"<html><body>{f'<{tag}>' * depth}<p>{text}</p>"
        f"{f'</{tag}>' * depth}</body></html>",
        st.sampled_from(["div", "span", "b", "table", "li", "section"]), st.integers(0, 5000),
        prose())


def html_documents() -> st.SearchStrategy[bytes]:
    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        page = draw(st.one_of(tag_soup(), nested_html()))
        label = draw(st.sampled_from(LABELS))
        if draw(st.booleans()):
            page = f"<meta charset=\"{label}\">" + page
        encoding = draw(st.sampled_from(ENCODINGS))
        return draw(st.sampled_from(BOMS)) + page.encode(encoding, errors="replace")

    return build()


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                         st.sampled_from(["2025-10-07", "2025-13-45", "0000-00-00", "9999-99-99",
                                          "", "fr", "xx", "zh-Hant"]))
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)
FIELDS = ["id", "text", "date", "lang", "title", "outlet", "url", "events", "extra"]


def json_line() -> st.SearchStrategy[str]:
    """A line of JSON Lines: an article with wrong types or missing fields, escapes such as lone
    surrogates, a value that is not an object, or not JSON at all."""
    article = st.dictionaries(st.sampled_from(FIELDS), st.one_of(JSON_VALUES, prose()), max_size=8)
    escapes = st.sampled_from(['"\\ud800"', '"\\udfff abc"', '"a\\u0000b"', '"\\ud83d\\ude00"',
                               '"\\u202e\\u200b"', '"\\ud800\\udc00"'])

    def with_escape(obj: dict[str, Any], field: str, escaped: str) -> str:
        obj = {k: v for k, v in obj.items() if k != field}
        body = json.dumps(obj, ensure_ascii=False)
        return body[:-1] + (", " if obj else "") + f'"{field}": {escaped}' + "}"

    return st.one_of(
        article.map(lambda obj: json.dumps(obj, ensure_ascii=False)),
        st.builds(with_escape, article, st.sampled_from(FIELDS), escapes),
        JSON_VALUES.map(json.dumps),
        st.text(max_size=80),
        st.builds(lambda n, t: json.dumps({"id": "long", "text": t * n}), st.integers(1, 20_000),
                  st.sampled_from(["mot ", "x", "\u200b", "é"])),
    )


def jsonl_documents() -> st.SearchStrategy[bytes]:
    return st.builds(
        lambda lines, sep, encoding, bom: bom + sep.join(lines).encode(encoding, errors="replace"),
        st.lists(json_line(), max_size=6), st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\x00"]),
        st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16"]), st.sampled_from(BOMS[:3]))


def _feed_item(kind: str, title: str, body: str, day: str, link: str) -> str:
    if kind == "rss":
        return (f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid>"
                f"<pubDate>{day}</pubDate><description>{body}</description></item>")
    return (f"<entry><title type=\"html\">{title}</title><link href=\"{link}\"/><id>{link}</id>"
            f"<updated>{day}</updated><content type=\"html\">{body}</content></entry>")


def feed_documents() -> st.SearchStrategy[bytes]:
    """RSS and Atom with odd dates, links, escaped or raw markup, and cuts anywhere."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        kind = draw(st.sampled_from(["rss", "atom"]))
        field = st.one_of(prose(30), tag_soup(), st.text(max_size=40))
        day = draw(st.sampled_from(["Tue, 07 Oct 2025 00:30:00 +0200", "2025-10-07T00:30:00+02:00",
                                    "2025-13-45", "yesterday", "", "Mon, 99 Foo 2025",
                                    "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-23:59"]))
        items = "".join(_feed_item(kind, draw(field), draw(field), day, draw(st.text(max_size=20)))
                        for _ in range(draw(st.integers(0, 4))))
        if kind == "rss":
            document = (f"<?xml version=\"1.0\" encoding=\"{draw(st.sampled_from(LABELS))}\"?>"
                        f"<rss version=\"2.0\"><channel><title>{draw(field)}</title>{items}"
                        "</channel></rss>")
        else:
            document = ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                        f"<title>{draw(field)}</title>{items}</feed>")
        data = document.encode(draw(st.sampled_from(["utf-8", "latin-1", "utf-16"])),
                               errors="replace")
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
        return data

    return build()


def _archive(records: list[tuple[str, str, str, bytes]], compress: bool) -> bytes:
    """An archive with fixed record ids and dates: the same draw gives the same bytes."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for number, (kind, status, content_type, body) in enumerate(records):
        fixed = {"WARC-Date": "2025-10-03T10:00:00Z",
                 "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{number:012d}>"}
        if kind == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record("https://news.example/a", "response",
                                               payload=io.BytesIO(body), http_headers=http,
                                               warc_headers_dict=fixed)
        else:
            record = writer.create_warc_record(
                "https://news.example/r", kind, payload=io.BytesIO(body),
                warc_headers_dict={**fixed, "Content-Type": content_type})
        writer.write_record(record)
    return out.getvalue()


def warc_documents() -> st.SearchStrategy[bytes]:
    """Archives of pages and other records, then cut, corrupted or padded."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        record = st.tuples(
            st.sampled_from(["response", "resource", "metadata", "conversion"]),
            st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "2xx", "999 ?", "200"]),
            st.sampled_from(["text/html", "text/html; charset=rot13", "text/html; charset=latin1",
                             "text/html; charset=", "application/xhtml+xml", "image/png", "",
                             "text/html; charset=utf-16"]),
            st.one_of(html_documents(), st.binary(max_size=200)),
        )
        data = _archive(draw(st.lists(record, min_size=1, max_size=3)), draw(st.booleans()))
        change = draw(st.sampled_from(["none", "cut", "flip", "pad", "gzip-garbage"]))
        if change == "cut":
            data = data[: draw(st.integers(0, len(data)))]
        elif change == "flip":
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
        elif change == "pad":
            data += draw(st.binary(max_size=100))
        else:
            data = gzip.compress(b"WARC/1.0\r\n") + draw(st.binary(max_size=100))
        return data

    return build()
