"""The article selon was conceived from (../shared/eval, read when present, never copied)."""

from __future__ import annotations

import json
from pathlib import Path

from selon.clean import normalize_text
from selon.pipeline import Pipeline
from selon.records import Article, Event


def seed_events(pipeline: Pipeline, shared_eval: Path) -> tuple[Article, list[Event]]:
    raw = json.loads((shared_eval / "fr" / "seed.gold.jsonl").read_text("utf-8").splitlines()[0])
    article = Article(id=raw["id"], text=raw["text"], date=raw["date"], lang=raw.get("lang"))
    [outcome] = list(pipeline.run([article]))
    return article, list(outcome.events)  # type: ignore[union-attr]


def test_maduro_asks_russia_and_china(pipeline: Pipeline, shared_eval: Path) -> None:
    article, events = seed_events(pipeline, shared_eval)
    requests = {(e.source.country if e.source else None, e.target.country if e.target else None)
                for e in events if e.type == "REQUEST"}
    assert {("VEN", "RUS"), ("VEN", "CHN")} <= requests
    for event in events:
        assert event.sentence in normalize_text(article.text)


def test_nothing_from_the_advertisement_line(pipeline: Pipeline, shared_eval: Path) -> None:
    _, events = seed_events(pipeline, shared_eval)
    assert not any("publicité" in e.sentence.lower() for e in events)
