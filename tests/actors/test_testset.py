"""The actor test set (tests/fixtures/actors): its reader, its scoring, and its bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selon.actors import load_gazetteer
from selon.actors.testset import NameIndex, disagreements, pipeline_resolver, read_cases, score_cases
from selon.errors import DataError
from selon.pipeline import Pipeline
from selon.records import Actor

SETS = sorted((Path(__file__).parents[1] / "fixtures" / "actors").glob("mentions.*.jsonl"))


def test_names_agree_through_the_gazetteer() -> None:
    names = NameIndex.of(load_gazetteer(("fr", "en")))
    assert names.same("Vladimir Putin", "Poutine")
    assert names.same("Nicolas Maduro", "Nicolás Maduro")
    assert not names.same("Vladimir Putin", "Xi Jinping")
    assert names.same(None, None) and not names.same("Hamas", None)


def test_disagreements_name_the_wrong_fields() -> None:
    names = NameIndex.of(load_gazetteer(("fr", "en")))
    expected = Actor("VEN", "GOV", "Nicolás Maduro")
    assert disagreements(expected, Actor("VEN", "GOV", "Nicolas Maduro"), names) == []
    assert disagreements(expected, Actor("VEN", "MIL", None), names) == ["sector", "name"]
    assert disagreements(expected, None, names) == ["country", "sector", "name"]


def test_a_mention_missing_from_its_text_is_a_data_error(tmp_path: Path) -> None:
    file = tmp_path / "bad.jsonl"
    file.write_text(json.dumps({"id": "fr-1", "text": "Paris a protesté.", "mention": "Berlin",
                                "expected": {}}) + "\n", "utf-8")
    with pytest.raises(DataError, match="not in the text"):
        read_cases(file)


def test_the_test_set_is_half_french_half_english_and_large_enough() -> None:
    cases = [c for file in SETS for c in read_cases(file)]
    assert len(cases) >= 300
    assert {c.lang for c in cases} == {"fr", "en"}
    assert abs(sum(c.lang == "fr" for c in cases) - sum(c.lang == "en" for c in cases)) <= 10


def test_the_actor_stage_meets_its_bar_on_the_test_set(pipeline: Pipeline) -> None:
    cases = [c for file in SETS for c in read_cases(file)]
    report = score_cases(cases, pipeline_resolver(pipeline), NameIndex.of(pipeline.gazetteer))
    print(f"actor test set: accuracy {report.accuracy():.3f}")
    assert report.accuracy("fr") >= 0.90
    assert report.accuracy("en") >= 0.90
