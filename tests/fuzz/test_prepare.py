"""The clean stage and `Pipeline.prepare` (clean, dateline, language, hash) on hostile text:
an article comes out cleaned and identified, or a SelonError says why it cannot be coded."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from selon.clean import content_hash, normalize_text, paragraphs
from selon.clean.boilerplate import page_boilerplate
from selon.clean.dateline import split_dateline
from selon.errors import SelonError
from selon.ingest.discover import read_document
from selon.pipeline import Pipeline
from selon.records import Article
from tests.fuzz import inputs
from tests.fuzz.conftest import FUZZ
from tests.fuzz.tally import TALLY

LIMIT = 1_000_000
_HASH = re.compile(r"^[0-9a-f]{20}$")
# What normalize_text takes out: invisible marks and control characters other than \n and \t.
_NOT_KEPT = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\ufeff\x00-\x08\x0b-\x1f\x7f\r]")
TEXTS = st.one_of(inputs.prose(200), st.text(max_size=600),
                  st.builds(lambda words, n: words * n, inputs.prose(10), st.integers(1, 400)))
DECLARED = st.one_of(st.none(), st.sampled_from(["fr", "en", "FR-ca", "en-GB", "es", "zz", "",
                                                   "x" * 300, "fr\x00", "\u202efr"]))


def prepare(pipeline: Pipeline, article: Article) -> None:
    TALLY.inputs["prepare"] += 1
    try:
        prepared = pipeline.prepare(article)
    except SelonError as error:
        assert str(error).strip()
        TALLY.refused += 1
        TALLY.reasons[str(error).split(":")[0][:60]] += 1
        return
    assert prepared.lang in pipeline.settings.languages
    assert prepared.content_hash and _HASH.match(prepared.content_hash)
    assert prepared.text.strip() and not _NOT_KEPT.search(prepared.text)
    assert prepared.content_hash == content_hash(prepared.text)
    TALLY.articles += 1


def test_the_clean_stage_keeps_its_promises_on_any_text() -> None:
    @FUZZ
    @given(TEXTS)
    def check(text: str) -> None:
        TALLY.inputs["clean"] += 1
        cleaned = normalize_text(page_boilerplate().drop_lines(text))
        assert normalize_text(cleaned) == cleaned  # idempotent
        assert not _NOT_KEPT.search(cleaned)
        _, rest = split_dateline(cleaned)
        assert cleaned.endswith(rest)
        for start, paragraph in paragraphs(cleaned):
            assert cleaned[start:start + len(paragraph)] == paragraph

    check()


def test_prepare_any_text(pipeline: Pipeline) -> None:
    @FUZZ
    @given(TEXTS, DECLARED)
    def check(text: str, lang: str | None) -> None:
        prepare(pipeline, Article(id="fuzz", text=text, lang=lang, origin="fuzz"))

    check()


def test_prepare_what_the_readers_read(pipeline: Pipeline) -> None:
    @FUZZ
    @given(st.one_of(
        inputs.text_documents().map(lambda data: (data, "text")),
        inputs.html_documents().map(lambda data: (data, "html")),
        inputs.jsonl_documents().map(lambda data: (data, "jsonl")),
        inputs.feed_documents().map(lambda data: (data, "feed")),
    ))
    def check(document: tuple[bytes, str]) -> None:
        data, kind = document
        for item in read_document(data, "fuzz", kind, LIMIT):
            if isinstance(item, Article):
                prepare(pipeline, item)

    check()
