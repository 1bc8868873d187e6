"""The event test set (tests/fixtures/events): 20 written sentences per type and language, and
sentences with no event. Scored as the shared scorer pairs events; the floors guard against
regressions (the figures are printed: run with -s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from selon.events.testset import SentenceReport, read_sentences, triples
from selon.pipeline import Coded, Pipeline
from selon.records import PLOVER_TYPES

FOLDER = Path(__file__).parents[1] / "fixtures" / "events"
FLOORS = {"fr": 0.68, "en": 0.78}


def score(pipeline: Pipeline, lang: str) -> SentenceReport:
    sentences = read_sentences(FOLDER / f"sentences.{lang}.jsonl")
    coded = {o.article.id: o.events for o in pipeline.run(s.article() for s in sentences)
             if isinstance(o, Coded)}
    report = SentenceReport()
    for sentence in sentences:
        report.add(sentence, triples(coded.get(sentence.id, ())))
    return report


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_type_has_twenty_sentences_and_some_have_no_event(lang: str) -> None:
    sentences = read_sentences(FOLDER / f"sentences.{lang}.jsonl")
    for kind in PLOVER_TYPES:
        assert sum(any(t == kind for t, _, _ in s.expected) for s in sentences) >= 20, kind
    assert sum(not s.expected for s in sentences) >= 20


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_coder_stays_above_its_floor(pipeline: Pipeline, lang: str) -> None:
    report = score(pipeline, lang)
    print(f"{lang}: precision {report.precision:.3f} recall {report.recall:.3f} f1 {report.f1:.3f}")
    assert report.f1 >= FLOORS[lang]


def test_sentences_without_an_act_give_few_events(pipeline: Pipeline) -> None:
    for lang in ("fr", "en"):
        sentences = [s for s in read_sentences(FOLDER / f"sentences.{lang}.jsonl") if not s.expected]
        coded = [o for o in pipeline.run(s.article() for s in sentences) if isinstance(o, Coded)]
        with_events = sum(bool(o.events) for o in coded)
        assert with_events <= len(sentences) // 4, f"{lang}: {with_events} background sentences coded"
