"""Near-duplicates: wire copies of one story share a cluster; the store counts, for each
event, the articles and outlets of its story that report the same act."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from selon.pipeline import Coded
from selon.records import Actor, Article, Event, Provenance
from selon.store import Store
from selon.store.duplicates import THRESHOLD, signature, similarity

STORY = (
    "Russia delivered a dozen attack drones to Venezuela in October, according to the New York "
    "Times. The aircraft reportedly arrived in Caracas aboard two cargo planes chartered by a "
    "company linked to the Russian defence ministry, diplomatic sources told the paper. The "
    "deliveries come as Nicolás Maduro asked Vladimir Putin and Xi Jinping to help strengthen "
    "his country's air defences. In a letter made public on Tuesday, the Venezuelan president "
    "requested urgent technical and military assistance against what he called imperialist "
    "threats. Moscow denied having sent weapons to Caracas, a Kremlin spokesman said."
)
COPY = STORY.replace("a dozen", "twelve").replace("on Tuesday", "on Wednesday") + \
    " Washington did not comment."
OTHER = (
    "China imposed sanctions on Lithuania after Vilnius allowed Taiwan to open a representative "
    "office. The measures affect exports of Lithuanian timber and dairy products, and the "
    "European Commission said it would take the matter to the World Trade Organization."
)


def test_a_wire_copy_is_similar_and_another_story_is_not() -> None:
    assert similarity(signature(STORY), signature(COPY)) >= THRESHOLD
    assert similarity(signature(STORY), signature(OTHER)) < 0.2
    assert (signature(STORY) == signature(STORY)).all()  # seeded: the same in every process


def coded(key: str, outlet: str, text: str, events: int = 1) -> Coded:
    article = Article(id=key, text=text, outlet=outlet, lang="en", content_hash=key)
    event = Event(article_id=key, type="AID", source=Actor("RUS", "GOV"),
                  target=Actor("VEN", "GOV"), sentence=text.split(".")[0] + ".",
                  provenance=Provenance(0, 10, "delivered", 7, 16, "verb:deliver:AID", key))
    return Coded(article, (event,) * min(events, 1))


def test_copies_are_clustered_and_events_count_their_reports(tmp_path: Path) -> None:
    with Store(tmp_path / "news.duckdb") as store:
        store.write([coded("a1", "Wire A", STORY), coded("a2", "Herald B", COPY)])
        store.write([coded("a3", "Press C", COPY + " More later."), coded("b1", "Wire A", OTHER),
                     coded("a4", "Herald B", COPY, events=0)])
        clusters = dict(store.db.execute(
            "SELECT article_id, cluster_id FROM article_clusters").fetchall())
        assert clusters == {"a1": "a1", "a2": "a1", "a3": "a1", "a4": "a1", "b1": "b1"}
        ids = [row[0] for row in store.db.execute("SELECT id FROM events").fetchall()]
        reports = store.event_reports(ids)
    # a1, a2, a3 report the act under three outlets; a4 is a copy that gave no event.
    assert sorted(reports.values()) == [(1, 1), (3, 3), (3, 3), (3, 3)]


def test_a_store_from_before_duplicates_is_linked_once(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write([coded("a1", "Wire A", STORY), coded("a2", "Herald B", COPY)])
        store.db.execute("DELETE FROM article_clusters")  # as written by an older selon
        assert store.link_duplicates() == 2
        assert store.link_duplicates() == 0
        assert store.db.execute("SELECT count(DISTINCT cluster_id) FROM article_clusters"
                                ).fetchone() == (1,)


def test_the_bundled_samples_are_distinct_stories() -> None:
    text = resources.files("selon").joinpath("samples/articles.jsonl").read_text("utf-8")
    sigs = [signature(json.loads(line)["text"]) for line in text.splitlines() if line.strip()]
    pairs = [similarity(x, y) for i, x in enumerate(sigs) for y in sigs[i + 1:]]
    assert max(pairs) < THRESHOLD
