"""Acts across articles, end to end: articles we wrote, coded and stored as `selon ingest` does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from selon.acts import ActSummary
from selon.batch import ingest_into
from selon.errors import StoreError
from selon.pipeline import Pipeline
from selon.store import EventFilter, Store


def article(id: str, lang: str, date: str, outlet: str, text: str) -> dict[str, Any]:
    return {"id": id, "lang": lang, "date": date, "outlet": outlet, "text": text}


# One request, three outlets, all citing the same paper.
PAPER = [
    article("paper-fr", "fr", "2026-03-12", "Le Soir",
            "Selon le Financial Times, la Serbie a demandé mardi à la Chine des systèmes de "
            "défense antiaérienne. Belgrade n'a pas commenté."),
    article("paper-en", "en", "2026-03-12", "BBC",
            "Serbia asked China on Tuesday for air defence systems, according to the Financial "
            "Times. The ministry did not comment."),
    article("paper-en2", "en", "2026-03-13", "Reuters",
            "According to the Financial Times, Serbia asked China for air defence systems on "
            "March 10. Officials in Beijing declined to comment."),
]
# An attack claimed by one side and denied by the other.
CONTESTED = [
    article("strike-claim", "en", "2026-04-07", "The Guardian",
            "Ukraine's foreign ministry said Russian forces shelled the city of Kharkiv on "
            "Monday, killing three civilians."),
    article("strike-denial", "en", "2026-04-07", "Al Jazeera",
            "Russia denied shelling Kharkiv on Monday, its defence ministry said."),
]
# The same request by the same actors, a month apart.
TWICE = [
    article("ask-march", "en", "2026-03-04", "AP",
            "Iran asked the IAEA on March 3 to send inspectors to the Bushehr plant."),
    article("ask-april", "en", "2026-04-08", "AP",
            "Iran asked the IAEA on April 7 to send inspectors to the Bushehr plant again."),
]


def ingest(pipeline: Pipeline, db: Path, articles: list[dict[str, Any]]) -> None:
    path = db.with_suffix(f".{len(articles)}.{articles[0]['id']}.jsonl")
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    with Store(db) as store:
        report = ingest_into([str(path)], store, pipeline, lambda error: None)
    assert report.failed == [] and report.stored == len(articles)


def acts_of(db: Path, type: str) -> list[ActSummary]:
    with Store(db, read_only=True) as store:
        return store.acts(EventFilter(type=type))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "acts.duckdb"


def test_one_request_three_outlets_one_paper(pipeline: Pipeline, db: Path) -> None:
    ingest(pipeline, db, PAPER)
    (act,) = acts_of(db, "REQUEST")
    assert (act.source and act.source.country, act.target and act.target.country) == (
        "SRB", "CHN")
    assert (act.claims, act.articles, act.outlets, act.sources) == (3, 3, 3, 1)
    assert act.status == "reported"


def test_claimed_by_one_side_and_denied_by_the_other_is_contested(pipeline: Pipeline,
                                                                   db: Path) -> None:
    ingest(pipeline, db, CONTESTED)
    (act,) = acts_of(db, "ASSAULT")
    assert act.status == "contested"
    # (the claim may be coded twice: "shelled" and "killing"; both join the act)
    assert set(act.certainties) == {"reported", "denied"} and act.certainties["denied"] == 1
    assert act.sources == 2


def test_two_requests_a_month_apart_are_two_acts(pipeline: Pipeline, db: Path) -> None:
    ingest(pipeline, db, TWICE)
    acts = acts_of(db, "REQUEST")
    assert [(str(a.first_date), a.claims) for a in acts] == [("2026-03-03", 1), ("2026-04-07", 1)]


def test_articles_added_later_join_the_stored_acts(pipeline: Pipeline, db: Path) -> None:
    ingest(pipeline, db, PAPER[:1])
    (first,) = acts_of(db, "REQUEST")
    ingest(pipeline, db, PAPER[1:] + TWICE)
    acts = acts_of(db, "REQUEST")
    assert len(acts) == 3
    (joined,) = [a for a in acts if a.act_id == first.act_id]
    assert joined.claims == 3
    with Store(db, read_only=True) as store:
        found = store.act(first.act_id[:8])
    assert found is not None
    summary, rows = found
    assert [r["outlet"] for r in rows] == ["BBC", "Le Soir", "Reuters"]  # by date, then id
    assert summary == joined


def test_a_store_written_before_acts_says_how_to_group_them(db: Path) -> None:
    with Store(db):
        pass
    with duckdb.connect(str(db)) as raw:
        raw.execute("DROP TABLE act_members")
    with Store(db, read_only=True) as store, pytest.raises(StoreError, match="selon ingest"):
        store.acts(EventFilter())
