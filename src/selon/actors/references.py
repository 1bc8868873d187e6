"""Words that point back to actors named earlier: "ce dernier", "the latter", "les deux
dirigeants", "both countries", and subject pronouns ("il", "she").

Rule-based on purpose: no coreference model for French can be installed here. The rules are
those a careful reader applies first: "the latter" is the person or organisation named last,
"the two leaders" are the last two people named, a subject pronoun is the latest subject.
The words themselves are data, in `lang/<lang>/references.toml`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Token

from selon.errors import DataError
from selon.parse.syntax import children, dependents, morph
from selon.records import Actor


@dataclass(frozen=True)
class ReferenceWords:
    latter: frozenset[str]
    pair: frozenset[str]
    country_nouns: frozenset[str]
    person_nouns: frozenset[str]
    any_nouns: frozenset[str]
    definite: dict[str, frozenset[str]]  # noun lemma -> sectors it may point back to
    quantity_nouns: frozenset[str] = frozenset()
    relational_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    decision_nouns: frozenset[str] = frozenset()
    occupant_nouns: frozenset[str] = frozenset()
    counterpart_nouns: frozenset[str] = frozenset()


@cache
def load_reference_words(lang: str) -> ReferenceWords:
    file = resources.files("selon").joinpath("lang", lang, "references.toml")
    if not file.is_file():
        raise DataError(f"lang/{lang}/references.toml is missing")
    try:
        raw = tomllib.loads(file.read_text(encoding="utf-8"))
        return ReferenceWords(
            latter=frozenset(raw["latter"]),
            pair=frozenset(raw["pair"]),
            country_nouns=frozenset(raw["country_nouns"]),
            person_nouns=frozenset(raw["person_nouns"]),
            any_nouns=frozenset(raw["any_nouns"]),
            definite={noun: frozenset(sectors) for noun, sectors in raw["definite"].items()},
            quantity_nouns=frozenset(raw["quantity_nouns"]),
            relational_nouns=frozenset(raw["relational_nouns"]),
            document_nouns=frozenset(raw["document_nouns"]),
            decision_nouns=frozenset(raw["decision_nouns"]),
            occupant_nouns=frozenset(raw["occupant_nouns"]),
            counterpart_nouns=frozenset(raw["counterpart_nouns"]),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise DataError(f"lang/{lang}/references.toml: {error}") from error


def is_named(actor: Actor) -> bool:
    """A person or organisation, as opposed to a country or a role without a name."""
    return actor.name is not None


def is_country(actor: Actor) -> bool:
    return actor.name is None and actor.org is None and actor.country is not None and (
        actor.sector in (None, "GOV")
    )


def distinct_latest(actors: list[Actor], count: int) -> list[Actor]:
    """The last `count` distinct actors of `actors`, in text order."""
    found: list[Actor] = []
    for actor in reversed(actors):
        if actor not in found:
            found.append(actor)
        if len(found) == count:
            break
    return list(reversed(found))


@dataclass
class Discourse:
    """What an article has named so far, for the words that point back to it."""

    words: ReferenceWords
    named: list[Actor] = field(default_factory=list)  # every actor named, in text order
    subjects: list[Actor] = field(default_factory=list)  # sentence subjects, in text order

    def note(self, named: list[Actor], subject: Actor | None) -> None:
        """Record a sentence once it is coded: the actors it named, and its subject."""
        self.named.extend(named)
        if subject is not None:
            self.subjects.append(subject)

    def latest_subject(self) -> Actor | None:
        return self.subjects[-1] if self.subjects else None

    def known_as(self, name: str) -> Actor | None:
        """"Brawner" after "the Philippine military chief, Romeo Brawner": the actor named
        before whose name holds this one."""
        words = name.split()
        for actor in reversed(self.named):
            if actor.name and actor.name != name and (actor.country or actor.org) and all(
                    w in actor.name.split() for w in words):
                return actor
        return None

    def latest_person(self) -> Actor | None:
        people = [a for a in self.named if is_named(a)]
        return people[-1] if people else None

    def resolve(self, head: Token,
                earlier_in_sentence: Callable[[], list[Actor]]) -> list[Actor] | None:
        """The actors a reference phrase headed by `head` points back to: None when it is not
        a reference, [] when it is one whose antecedent was not found. `earlier_in_sentence`
        gives the actors named before it in its sentence (asked only for a reference: most
        words are none)."""
        sectors = self._definite(head)
        if sectors:
            before = self.named + earlier_in_sentence()
            found = [a for a in before if a.sector in sectors and (a.name or a.org)]
            # Not found: "the court" may still be a country's own court, read as a role.
            return distinct_latest(found, 1) or None
        if self._latter(head):
            before = self.named + earlier_in_sentence()
            people = [a for a in before if is_named(a)]
            return distinct_latest(people or before, 1)
        # A pair points to earlier sentences: in "Lula called on both governments", Brazil
        # is not one of the two.
        kind = self._pair(head)
        if kind == "country":
            return distinct_latest([a for a in self.named if is_country(a)], 2)
        if kind == "person":
            return distinct_latest([a for a in self.named if is_named(a) and a.org is None], 2)
        if kind == "any":
            # "the two companies": of the sectors the noun names, when it names some.
            sectors = self.words.definite.get(head.lemma_.lower())
            fitting = [a for a in self.named if sectors and a.sector in sectors]
            return distinct_latest(fitting if len(set(fitting)) >= 2 else self.named, 2)
        return None

    def described(self, head: Token, country: str | None) -> Actor | None:
        """"le quotidien américain" as a source: the last named actor that the description
        fits (its sector, and the country its adjective gives)."""
        sectors = self.words.definite.get(head.lemma_.lower())
        if not sectors or not _is_definite(head):
            return None
        fitting = [a for a in self.named if a.sector in sectors and (a.name or a.org)
                   and (country is None or a.country == country)]
        return fitting[-1] if fitting else None

    def _latter(self, head: Token) -> bool:
        determiners = [c for dep, c in dependents(head) if dep in ("det", "amod") and c.i < head.i]
        phrase = " ".join(t.lower_ for t in [*determiners, head])
        return phrase in self.words.latter or head.lower_ in self.words.latter

    def _definite(self, head: Token) -> frozenset[str] | None:
        """The sectors "the court" may point back to, if the phrase is a bare definite noun."""
        sectors = self.words.definite.get(head.lemma_.lower())
        if sectors is None or head.pos_ != "NOUN":
            return None
        # Clauses and complements after the noun do not make it another body ("the agency of
        # failing to…" is a misparse of "accuse the agency of failing"); adjectives, names and
        # owners before it do ("the Kenyan court", "the Ebola agency").
        modifiers = [c for dep, c in dependents(head)
                     if dep not in ("det", "punct", "case", "prep", "acl", "relcl", "acl:relcl")]
        return sectors if _is_definite(head) and not modifiers else None

    def _pair(self, head: Token) -> str | None:
        """"les deux dirigeants": 'person', 'country' or 'any' by the head noun; else None."""
        if head.pos_ not in ("NOUN", "PROPN") or not any(
            c.lower_ in self.words.pair for dep, c in dependents(head) if dep in ("nummod", "det", "predet")
        ):
            return None
        lemma = head.lemma_.lower()
        if lemma in self.words.country_nouns:
            return "country"
        if lemma in self.words.any_nouns:
            return "any"
        if lemma in self.words.person_nouns:
            return "person"
        return None  # "les deux soldats" are two soldiers, not two actors named earlier


def _is_definite(head: Token) -> bool:
    """Whether a noun comes with a definite article only: "la Cour", "the agency"."""
    determiners = children(head, ("det",))
    return bool(determiners) and all(
        "Def" in morph(d, "Definite") or d.lower_ == "the" for d in determiners)
