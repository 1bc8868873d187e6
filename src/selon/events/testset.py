"""An event test set: sentences we wrote, each with every event an analyst would code.

One JSON object a line:

    {"id": "fr-AGREE-01", "date": "2025-06-02", "text": "…",
     "expected": [{"type": "AGREE", "source": "FRA", "target": "IND"}]}

A side is an ISO alpha-3 country, "org:CODE" for an organisation, or null. Events pair as the
shared scorer pairs them: same type and sides, either order for AGREE, CONSULT and COOPERATE.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from selon.errors import DataError
from selon.events.coder import SYMMETRIC_TYPES
from selon.records import PLOVER_TYPES, Actor, Article, Event

Triple = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class Sentence:
    id: str
    lang: str
    date: str | None
    text: str
    expected: tuple[Triple, ...]

    def article(self) -> Article:
        return Article(id=self.id, text=self.text, date=self.date, lang=self.lang)


def read_sentences(path: Path) -> list[Sentence]:
    found: list[Sentence] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            expected = tuple((e["type"], e["source"], e["target"]) for e in raw["expected"])
            sentence = Sentence(str(raw["id"]), str(raw.get("lang") or raw["id"].split("-")[0]),
                                raw.get("date"), str(raw["text"]), expected)
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise DataError(f"{path}:{number}: malformed sentence ({error})") from error
        unknown = {t for t, _, _ in sentence.expected} - set(PLOVER_TYPES)
        if unknown:
            raise DataError(f"{path}:{number}: not PLOVER types: {sorted(unknown)}")
        found.append(sentence)
    return found


def side(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.sector in ("IGO", "NGO") and actor.org:
        return f"org:{actor.org}"
    return actor.country


def triples(events: Iterable[Event]) -> list[Triple]:
    return list(dict.fromkeys((e.type, side(e.source), side(e.target)) for e in events))


def matches(expected: Triple, found: Triple) -> bool:
    return found == expected or (
        found[0] in SYMMETRIC_TYPES and (found[0], found[2], found[1]) == expected)


@dataclass
class SentenceReport:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    expected_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[Sentence, list[Triple], list[Triple]]] = field(default_factory=list)

    def add(self, sentence: Sentence, found: list[Triple]) -> None:
        missing = list(sentence.expected)
        extra: list[Triple] = []
        for triple in found:
            match = next((e for e in missing if matches(e, triple)), None)
            if match is None:
                extra.append(triple)
            else:
                missing.remove(match)
                self.found_by_type[match[0]] += 1
        self.expected_by_type.update(t for t, _, _ in sentence.expected)
        self.true_positives += len(found) - len(extra)
        self.false_positives += len(extra)
        self.false_negatives += len(missing)
        if missing or extra:
            self.misses.append((sentence, missing, extra))

    @property
    def precision(self) -> float:
        return self.true_positives / max(1, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return self.true_positives / max(1, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
