"""Written claim test sets (`tests/fixtures/attribution/claims.<lang>.jsonl`): one to three
sentences each, with the act they state and the certainty and chain expected for it.

    python -m selon.attribution.testset tests/fixtures/attribution/claims.*.jsonl [-v]

prints the agreement on certainty, on the whole chain, and on both, per language and per cue.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from selon.events.coder import side_of
from selon.records import Article, Event


@dataclass(frozen=True)
class ClaimCase:
    id: str
    lang: str
    cue: str  # the cue family the case is written for
    text: str
    type: str
    source: str  # country, or organisation code
    target: str
    certainty: str
    attributed_to: tuple[str, ...]
    within: str | None = None  # a word of the sentence that states the act, when there are several

    def article(self) -> Article:
        return Article(id=self.id, text=self.text, date="2025-11-24", lang=self.lang)


def load_cases(path: Path) -> list[ClaimCase]:
    lang = path.name.split(".")[1]
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cases.append(ClaimCase(row["id"], lang, row["cue"], row["text"], row["type"],
                                   row["source"], row["target"], row["certainty"],
                                   tuple(row["attributed_to"]), row.get("in")))
    return cases


def fold(text: str) -> str:
    """Lower case, no accents, no surrounding space (shared/eval/score.py's `fold`)."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def same_chain(expected: Iterable[str], found: Iterable[str]) -> bool:
    """Source by source, each contains the other once folded, as score.py compares the
    outermost source."""
    left, right = [fold(s) for s in expected], [fold(s) for s in found]
    return len(left) == len(right) and all(a and b and (a in b or b in a)
                                           for a, b in zip(left, right, strict=True))



def the_event(case: ClaimCase, events: Iterable[Event]) -> Event | None:
    """The event the case is about: its type and sides, in the sentence with `within`."""
    for event in events:
        if (event.type, side_of(event.source), side_of(event.target)) != (
                case.type, case.source, case.target):
            continue
        if case.within is None or case.within in event.sentence:
            return event
    return None


def main(argv: list[str] | None = None) -> int:
    from selon.pipeline import Coded, Pipeline

    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    cases = [c for a in args if a != "-v" for c in load_cases(Path(a))]
    outcomes = Pipeline().run(c.article() for c in cases)
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for case, outcome in zip(cases, outcomes, strict=True):
        event = the_event(case, outcome.events if isinstance(outcome, Coded) else ())
        found = event is not None
        certain = found and event.certainty == case.certainty  # type: ignore[union-attr]
        chained = found and same_chain(case.attributed_to, event.attributed_to)  # type: ignore[union-attr]
        for key in ((case.lang, "all"), (case.lang, case.cue)):
            counts = tally[key]
            for i, ok in enumerate((True, found, certain, chained, certain and chained)):
                counts[i] += int(ok)
        if verbose and not (certain and chained):
            got = (event.certainty, list(event.attributed_to)) if event else "no event"
            print(f"{case.id} {case.cue}: expected {case.certainty} {list(case.attributed_to)},"
                  f" got {got}\n    {case.text}")
    print(f"{'lang':5} {'cue':12} {'cases':>5} {'event':>6} {'certainty':>9} {'chain':>6} {'both':>6}")
    for (lang, cue), (n, found_n, cert_n, chain_n, both_n) in sorted(
            tally.items(), key=lambda item: (item[0][0], item[0][1] != "all", item[0][1])):
        print(f"{lang:5} {cue:12} {n:5d} {found_n / n:6.2f} {cert_n / n:9.2f} {chain_n / n:6.2f}"
              f" {both_n / n:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
