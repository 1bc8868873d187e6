"""Cue lexicons (`lang/<lang>/attribution.toml`): source markers, speech and denial verbs,
negations, hedges, intentions."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

from selon.errors import DataError


@dataclass(frozen=True)
class Cues:
    source_markers: tuple[tuple[str, ...], ...]  # each marker as a sequence of lowercase words
    citing_markers: tuple[tuple[str, ...], ...]
    speech_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    negations: frozenset[str]
    hedges: frozenset[str]
    intention_verbs: frozenset[str]
    modal_auxiliaries: frozenset[str]
    future_auxiliaries: frozenset[str]  # those of them that make a future: "will", not "could"
    conditional_marks: frozenset[str]
    demonstratives: frozenset[str]
    report_nouns: frozenset[str]
    rejection_verbs: frozenset[str]
    hedging_passives: frozenset[str]
    intention_nouns: frozenset[str]
    open_questions: tuple[tuple[str, ...], ...]  # see selon.attribution.questions
    open_question_verbs: frozenset[str]


def _marker_words(marker: str) -> tuple[str, ...]:
    # "d'après" is two tokens for spaCy ("d'", "après"); "according to" two words.
    words = marker.lower().replace("’", "'").replace("'", "' ").split()
    return tuple(words)


@cache
def load_cues(lang: str) -> Cues:
    path = f"lang/{lang}/attribution.toml"
    try:
        data = tomllib.loads(resources.files("selon").joinpath(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataError(f"{path}: {error}") from error
    names = {f.name for f in fields(Cues)}
    missing, unknown = names - set(data), set(data) - names
    if missing or unknown:
        raise DataError(f"{path}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    sequences = {"source_markers", "citing_markers", "open_questions"}
    values: dict[str, Any] = {
        name: tuple(dict.fromkeys(_marker_words(m) for m in data[name])) if name in sequences
        else frozenset(w.lower() for w in data[name])
        for name in names
    }
    return Cues(**values)
