"""How well events are grouped into acts, on a corpus whose acts are known.

The corpus is a gold file (the article format of FORMAT.md with `events`) whose events carry
one more field, `act`: the id of the real-world act they report. A sibling `acts.jsonl` gives
each act's expected status, outlets and independent sources.

Two figures, pairwise over events (for every two events: grouped together or not, against
whether they report one act):
- the gold events grouped as annotated: grouping alone, whatever the coder finds;
- the coder's events, stored as `selon ingest` stores them: each is paired with a gold event
  of its article (same type and sides, as the scorer pairs them; the nearest sentence first)
  and takes its act; unpaired events are not counted (they are the coder's errors, scored by
  `selon eval`), and how many gold events were found is printed beside.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from selon.acts.identity import ActRules, Claim, group
from selon.acts.summary import ActSummary, summarise
from selon.errors import DataError
from selon.events.testset import matches, side
from selon.records import Actor
from selon.values.dates import parse_date

if TYPE_CHECKING:
    from selon.pipeline import Pipeline


@dataclass(frozen=True)
class GoldClaim:
    article_id: str
    act: str
    claim: Claim


@dataclass(frozen=True)
class ExpectedAct:
    act: str
    status: str
    outlets: int
    sources: int
    summary: str = ""


@dataclass(frozen=True)
class Pairwise:
    precision: float
    recall: float
    events: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class ActsReport:
    articles: int
    gold_events: int
    gold_acts: int
    repeated_acts: int  # acts reported in two articles or more
    gold_grouping: Pairwise
    paired: int = 0
    found_grouping: Pairwise | None = None
    # per expected act: (expected, the coder's act holding most of its events, or None)
    acts: list[tuple[ExpectedAct, ActSummary | None]] = field(default_factory=list)


def _actor(raw: Mapping[str, Any] | None) -> Actor | None:
    return Actor.from_record(raw) if raw else None


def read_corpus(path: Path) -> tuple[list[dict[str, Any]], list[GoldClaim]]:
    """The articles, and each gold event as a claim with its act."""
    articles: list[dict[str, Any]] = []
    golds: list[GoldClaim] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            article_id = str(raw["id"])
            for position, event in enumerate(raw["events"]):
                claim = Claim(
                    event_id=f"{article_id}#{position}", type=event["type"],
                    source=_actor(event["source"]), target=_actor(event["target"]),
                    event_date=event.get("date"), published=parse_date(raw.get("date")),
                    certainty=event.get("certainty", "asserted"),
                    attributed_to=tuple(event.get("attributed_to") or ()),
                    article_id=article_id, outlet=raw.get("outlet"), sentence=event["sentence"],
                    location=event.get("location"))
                golds.append(GoldClaim(article_id, str(event["act"]), claim))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise DataError(f"{path}:{number}: malformed gold article ({error})") from error
        articles.append(raw)
    return articles, golds


def read_expected(path: Path) -> list[ExpectedAct]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            found.append(ExpectedAct(str(raw["act"]), raw["status"], int(raw["outlets"]),
                                     int(raw["sources"]), raw.get("summary", "")))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise DataError(f"{path}:{number}: malformed act ({error})") from error
    return found


def pairwise(found: Mapping[str, str], truth: Mapping[str, str]) -> Pairwise:
    """Pairwise precision and recall of a grouping over the items both know."""
    items = [i for i in found if i in truth]
    cells = Counter((found[i], truth[i]) for i in items)
    together = sum(n * (n - 1) // 2 for n in cells.values())
    found_pairs = sum(n * (n - 1) // 2 for n in Counter(found[i] for i in items).values())
    true_pairs = sum(n * (n - 1) // 2 for n in Counter(truth[i] for i in items).values())
    return Pairwise(together / found_pairs if found_pairs else 1.0,
                    together / true_pairs if true_pairs else 1.0, len(items))


def _triple(claim: Claim) -> tuple[str, str | None, str | None]:
    return claim.type, side(claim.source), side(claim.target)


def _overlap(one: str, other: str) -> int:
    """How much two sentences share: whole inclusion first, then shared words."""
    if one and other and (one in other or other in one):
        return 10_000
    return len(set(one.split()) & set(other.split()))


def pair(golds: Sequence[GoldClaim], found: Sequence[Claim]) -> dict[str, GoldClaim]:
    """Each found claim's gold claim, within its article: same type and sides, either order
    for AGREE, CONSULT and COOPERATE; best sentence overlap first; one to one."""
    by_article: dict[str, list[GoldClaim]] = defaultdict(list)
    for gold in golds:
        by_article[gold.article_id].append(gold)
    pairs: list[tuple[int, int, int]] = []
    for f, claim in enumerate(found):
        for g, gold in enumerate(by_article.get(claim.article_id, [])):
            if matches(_triple(gold.claim), _triple(claim)):
                pairs.append((-_overlap(gold.claim.sentence, claim.sentence), f, g))
    paired: dict[str, GoldClaim] = {}
    taken: set[tuple[str, int]] = set()
    for _, f, g in sorted(pairs):
        claim = found[f]
        if claim.event_id in paired or (claim.article_id, g) in taken:
            continue
        paired[claim.event_id] = by_article[claim.article_id][g]
        taken.add((claim.article_id, g))
    return paired


def group_gold(golds: Sequence[GoldClaim], rules: ActRules) -> Pairwise:
    acts = group((g.claim for g in golds), rules)
    found = {c.event_id: act for act, members in acts.items() for c in members}
    return pairwise(found, {g.claim.event_id: g.act for g in golds})


def evaluate(corpus: Path, expected_path: Path | None, rules: ActRules,
             found: Iterable[tuple[Claim, str | None]] | None = None,
             summaries: Mapping[str, ActSummary] | None = None) -> ActsReport:
    """Score the grouping; `found` are the coder's claims with their act ids (as the store
    holds them), `summaries` its acts by id."""
    articles, golds = read_corpus(corpus)
    per_act = defaultdict(set)
    for gold in golds:
        per_act[gold.act].add(gold.article_id)
    report = ActsReport(
        articles=len(articles), gold_events=len(golds), gold_acts=len(per_act),
        repeated_acts=sum(1 for a in per_act.values() if len(a) >= 2),
        gold_grouping=group_gold(golds, rules))
    if found is None:
        return report
    found = list(found)
    claims = [c for c, _ in found]
    act_of = {c.event_id: act for c, act in found if act is not None}
    paired = pair(golds, claims)
    report.paired = len(paired)
    report.found_grouping = pairwise(act_of, {k: g.act for k, g in paired.items()})
    if expected_path is not None and summaries is not None:
        holders: dict[str, Counter[str]] = defaultdict(Counter)
        for event_id, gold in paired.items():
            if event_id in act_of:
                holders[gold.act][act_of[event_id]] += 1
        for expected in read_expected(expected_path):
            best = holders[expected.act].most_common(1)
            report.acts.append((expected, summaries.get(best[0][0]) if best else None))
    return report


def run(corpus: Path, expected_path: Path | None, rules: ActRules,
        pipeline: Pipeline | None = None) -> ActsReport:
    """Code the corpus into a new store, as `selon ingest` does, and score its acts."""
    # Imported here: the pipeline loads spaCy, which the gold-only figures do not need.
    from selon.batch.local import ingest_into
    from selon.pipeline import Pipeline
    from selon.store import Store

    pipeline = pipeline or Pipeline()
    from selon.store.acts import act_claims, claims

    with (tempfile.TemporaryDirectory(prefix="selon-acts-") as folder,
          Store(Path(folder) / "acts.duckdb", rules=rules) as store):
        ingest = ingest_into([str(corpus)], store, pipeline, lambda error: None)
        if ingest.failed:
            reasons = "; ".join(f"{e.origin}: {e.reason}" for e in ingest.failed[:3])
            raise DataError(f"{corpus}: {len(ingest.failed)} articles failed: {reasons}")
        found = claims(store.db)
        act_ids = sorted({act for _, act in found if act is not None})
        summaries = {act: summarise(act, members, rules.declared_types)
                     for act, members in act_claims(store.db, act_ids).items()}
    return evaluate(corpus, expected_path, rules, found, summaries)
