"""An actor test set: mentions in written sentences with the actor an analyst expects.

One JSON object a line:

    {"id": "fr-001", "date": "2025-10-01", "context": "an earlier sentence, or empty",
     "text": "the sentence", "mention": "a substring of text",
     "expected": {"country": "RUS", "sector": "GOV", "name": "Vladimir Putin", "org": null}}

A mention is right when its country, sector, org and name all agree. Names agree when they
are equal up to case and accents, or when both are aliases of one gazetteer entity ("Poutine"
and "Vladimir Putin"); a role without a name ("le président vénézuélien") expects no name.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from selon.actors.gazetteer import Gazetteer
from selon.actors.matcher import strip_accents
from selon.clean import normalize_text
from selon.errors import DataError
from selon.records import Actor, Article

if TYPE_CHECKING:  # the pipeline imports this package: no import at run time
    from selon.pipeline import Pipeline

FIELDS = ("country", "sector", "org", "name")


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    date: str | None
    context: str
    text: str
    mention: str
    expected: Actor


def read_cases(path: Path) -> list[Case]:
    cases: list[Case] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            raw = json.loads(line)
            expected = raw["expected"]
            case = Case(
                id=str(raw["id"]),
                lang=str(raw.get("lang") or str(raw["id"]).split("-")[0]),
                date=raw.get("date"),
                context=str(raw.get("context") or ""),
                text=str(raw["text"]),
                mention=str(raw["mention"]),
                expected=Actor.from_record(expected),
            )
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise DataError(f"{where}: malformed case ({error})") from error
        if case.mention not in case.text:
            raise DataError(f"{where}: mention {case.mention!r} is not in the text")
        cases.append(case)
    return cases


def fold(text: str | None) -> str:
    return strip_accents(text or "").casefold().strip()


@dataclass(frozen=True)
class NameIndex:
    """Folded names and aliases to the gazetteer entities they name, in every language."""

    entities: dict[str, frozenset[str]]

    @classmethod
    def of(cls, gazetteer: Gazetteer) -> NameIndex:
        found: dict[str, set[str]] = {}
        for entity in gazetteer.entities.values():
            found.setdefault(fold(entity.name), set()).add(entity.id)
        for aliases in gazetteer.aliases.values():
            for alias in aliases:
                if alias.kind in ("name", "surname", "acronym"):
                    found.setdefault(fold(alias.text), set()).add(alias.entity_id)
        return cls({name: frozenset(ids) for name, ids in found.items()})

    def same(self, expected: str | None, got: str | None) -> bool:
        if expected is None or got is None:
            return expected is None and got is None
        if fold(expected) == fold(got):
            return True
        return bool(self.entities.get(fold(expected), frozenset())
                    & self.entities.get(fold(got), frozenset()))


def disagreements(expected: Actor, got: Actor | None, names: NameIndex) -> list[str]:
    """The fields on which `got` differs from `expected` ([] when the mention is right)."""
    actual = got or Actor()
    wrong = [f for f in ("country", "sector", "org")
             if (getattr(expected, f) or None) != (getattr(actual, f) or None)]
    if not names.same(expected.name, actual.name):
        wrong.append("name")
    return wrong


@dataclass
class Report:
    total: Counter[str] = field(default_factory=Counter)  # by language
    right: Counter[str] = field(default_factory=Counter)
    wrong_fields: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[Case, Actor | None, list[str]]] = field(default_factory=list)

    def add(self, case: Case, got: Actor | None, wrong: list[str]) -> None:
        self.total[case.lang] += 1
        if wrong:
            self.failures.append((case, got, wrong))
            self.wrong_fields.update(wrong)
        else:
            self.right[case.lang] += 1

    def accuracy(self, lang: str | None = None) -> float:
        total = self.total[lang] if lang else sum(self.total.values())
        right = self.right[lang] if lang else sum(self.right.values())
        return right / total if total else 0.0


def score_cases(cases: Iterable[Case], resolve: Callable[[list[Case]], list[Actor | None]],
                names: NameIndex) -> Report:
    """Resolve every case (in one batch) and compare with what it expects."""
    batch = list(cases)
    report = Report()
    for case, got in zip(batch, resolve(batch), strict=True):
        report.add(case, got, disagreements(case.expected, got, names))
    return report


def pipeline_resolver(pipeline: Pipeline) -> Callable[[list[Case]], list[Actor | None]]:
    """Resolve cases as the pipeline reads them: each is a one-paragraph article (its context,
    then its sentence), parsed in one batch; the mention's actor comes from `actor_at`."""

    def resolve(cases: list[Case]) -> list[Actor | None]:
        articles: list[tuple[Article, str, str]] = []
        for case in cases:
            text = f"{case.context} {case.text}".strip()
            article = pipeline.prepare(Article(id=case.id, text=text, date=case.date, lang=case.lang))
            articles.append((article, normalize_text(case.text), normalize_text(case.mention)))
        parsed = pipeline.parsers.parse([(a, a.lang or "") for a, _, _ in articles])
        found: list[Actor | None] = []
        for (article, sentence, mention), one in zip(articles, parsed, strict=True):
            start = article.text.find(mention, max(0, article.text.rfind(sentence)))
            found.append(pipeline.actor_at(one, start, start + len(mention)) if start >= 0 else None)
        return found

    return resolve
