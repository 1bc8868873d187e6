"""Which of a sentence's time expressions dates its act.

"Indian troops opened fire late on Friday night, the military said on Saturday": the act is
Friday's, not the statement's; "Dar accused India of violating the understanding reached in May
last year": May dates the understanding, not the accusation. An expression is read as the
act's date when its clause is the trigger's; failing that, when it hangs on a verb of the
sentence and not inside a noun phrase ("the truce of 27 November", "the May fighting"), which
dates some other thing and is left out.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from selon.errors import DataError
from selon.values.dates import TimeExpression

_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_PEOPLE = frozenset({"PER", "PERSON"})


@cache
def time_nouns(lang: str) -> frozenset[str]:
    """lang/<lang>/values.toml `time_nouns`: nouns a date may hang on and still date a clause."""
    if not lang:
        return frozenset()
    source = resources.files("selon").joinpath(f"lang/{lang}/values.toml")
    try:
        words = tomllib.loads(source.read_text(encoding="utf-8")).get("time_nouns", [])
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataError(f"lang/{lang}/values.toml: {error}") from error
    return frozenset(str(w) for w in words)


def _root(sentence: Span, time: TimeExpression) -> Token | None:
    """The token of the expression whose head lies outside it."""
    start, end = sentence.start_char + time.start, sentence.start_char + time.end
    inside = [t for t in sentence if start <= t.idx < end]
    for token in inside:
        if not (start <= token.head.idx < end) or token.head.i == token.i:
            return token
    return inside[0] if inside else None


def _path_rank(root: Token, trigger: Token, inside: range, nouns: frozenset[str]) -> int | None:
    """0: in the trigger's clause; 1: hung on a verb of the sentence, in no noun phrase;
    None: inside a noun phrase."""
    token = root
    while token.head.i != token.i:
        token = token.head
        if token.i == trigger.i:
            return 0
        if token.idx in inside:
            continue
        # A person has no date of their own: "avec le président Joseph Aoun, mercredi soir" is
        # a date the parser hung on the name.
        if (token.pos_ in _NOMINAL and token.lemma_.lower() not in nouns
                and token.ent_type_ not in _PEOPLE):
            return None
    return 1


def act_date(times: Sequence[TimeExpression], sentence: Span, trigger: Token,
             nouns: frozenset[str] = frozenset()) -> TimeExpression | None:
    """The time expression that dates the act of `trigger`, or None; the nearest among those
    of the best rank."""
    ranked: list[tuple[int, int, TimeExpression]] = []
    at = trigger.idx - sentence.start_char
    for time in times:
        root = _root(sentence, time)
        if root is None:
            continue
        inside = range(sentence.start_char + time.start, sentence.start_char + time.end)
        rank = 0 if root.i == trigger.i else _path_rank(root, trigger, inside, nouns)
        if rank is not None:
            ranked.append((rank, abs(time.start - at), time))
    return min(ranked, key=lambda r: (r[0], r[1]))[2] if ranked else None
