"""Repairs of one frequent French parse error, made after the parser.

fr_core_news_md reads "a annoncé jeudi des sanctions contre X" as if the sanctions belonged to
the day ("jeudi" obl:mod of the verb, "sanctions" nmod of "jeudi", "des" as a preposition), so
the verb loses its object. A noun introduced by a partitive article under a bare time word is
given back to the verb as its object. The time words are data (lang/<lang>/tokens.toml).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from selon.errors import DataError

COMPONENT = "selon_repair_time_objects"
TIME_DEPS = frozenset({"obl:mod", "obl", "advmod"})


@cache
def time_words(lang: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(time words, partitive articles) for `lang`, or None when it needs no repair."""
    file = resources.files("selon").joinpath("lang", lang, "tokens.toml")
    if not file.is_file():
        return None
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"lang/{lang}/tokens.toml: {error}") from error
    if "time_words" not in raw:
        return None
    try:
        return frozenset(raw["time_words"]), frozenset(raw["partitive_articles"])
    except (KeyError, TypeError) as error:
        raise DataError(f"lang/{lang}/tokens.toml: {error}") from error


def give_back_objects(doc: Doc, words: frozenset[str], partitives: frozenset[str]) -> Doc:
    for time in doc:
        verb = time.head
        if time.lower_ not in words or time.dep_ not in TIME_DEPS or verb.pos_ != "VERB":
            continue
        if any(c.dep_ in ("obj", "dobj") for c in verb.children):
            continue  # the verb has its object: the noun under the day is something else
        for noun in list(time.children):
            cases = [c for c in noun.children if c.dep_ == "case" and c.i < noun.i]
            if noun.dep_ == "nmod" and noun.pos_ == "NOUN" and noun.i > time.i and cases and (
                cases[0].lower_ in partitives
            ):
                noun.head = verb
                noun.dep_ = "obj"
                cases[0].dep_ = "det"
                break
    return doc


@Language.factory(COMPONENT, default_config={"lang": "fr"})
def make_repairer(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    found = time_words(lang)
    words, partitives = found if found is not None else (frozenset(), frozenset())
    return lambda doc: give_back_objects(doc, words, partitives)


def add_repairer(nlp: Language, lang: str) -> None:
    """Put the repair last in `nlp` when `lang` lists time words."""
    if time_words(lang) is not None and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True, config={"lang": lang})
