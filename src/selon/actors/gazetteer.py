"""The gazetteer as data: language-neutral entities and per-language aliases.

    lang/entities/*.jsonl     one entity a line: id, kind, name, country, sector, org, roles
    lang/<lang>/aliases/*.tsv entity <TAB> kind <TAB> alias
    lang/<lang>/roles.tsv     role word (lemma) <TAB> sector: "armée MIL", "police COP"

A person's roles carry date ranges, so that a name resolves to what its bearer was on the
article's date. After the last role has ended the person is coded ELI (PLOVER's "elite":
a former official), keeping the country of that last role.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from selon.errors import DataError
from selon.records import Actor

ALIAS_KINDS = frozenset({"name", "adjective", "capital", "seat", "acronym", "surname", "city", "region"})
# Entities and aliases of these kinds are places that stand for their country's territory.
PLACE_KINDS = frozenset({"city", "region"})
FORMER_SECTOR = "ELI"


@dataclass(frozen=True)
class Role:
    country: str | None
    sector: str | None
    title: str | None
    start: date | None
    end: date | None
    org: str | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    roles: tuple[Role, ...] = ()

    def actor_on(self, day: date | None) -> Actor:
        """The actor this entity is on `day` (its latest role when the day is unknown)."""
        if self.kind == "country":
            return Actor(country=self.id, sector="GOV")
        if self.kind in PLACE_KINDS:
            # A city or region stands for its country's territory ("a strike on Kharkiv"
            # targets UKR, "exercises in Alaska" are in the USA).
            return Actor(country=self.country)
        if not self.roles:
            return Actor(self.country, self.sector, self.name, self.org)
        ordered = sorted(self.roles, key=lambda r: r.start or date.min)
        if day is None:
            role = ordered[-1]
            return Actor(role.country, role.sector, self.name, role.org)
        for role in reversed(ordered):
            if role.holds_on(day):
                return Actor(role.country, role.sector, self.name, role.org)
        past = [r for r in ordered if r.end is not None and r.end < day]
        if past:
            return Actor(past[-1].country, FORMER_SECTOR, self.name, None)
        # Before any known role: the person is known, what they were is not.
        return Actor(ordered[0].country, None, self.name, None)


@dataclass(frozen=True)
class Alias:
    entity_id: str
    kind: str
    text: str


@dataclass(frozen=True)
class Gazetteer:
    entities: dict[str, Entity]
    aliases: dict[str, tuple[Alias, ...]]  # by language
    roles: dict[str, dict[str, str]]  # by language: role lemma -> sector

    def entity(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    @cached_property
    def role_phrase_ends(self) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        """By language: the first words and the last words of the roles of several words
        ("forces de l'ordre", "groupe armé"), so that a word that starts or ends none is not
        tried with the words around it."""
        ends: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        for lang, roles in self.roles.items():
            phrases = [phrase.split(" ") for phrase in roles if " " in phrase]
            ends[lang] = (frozenset(words[0] for words in phrases),
                          frozenset(words[-1] for words in phrases))
        return ends

    @cached_property
    def stateless(self) -> frozenset[str]:
        """Names of the groups and bodies the gazetteer leaves without a country on purpose
        ("Islamic State", "Al-Qaeda": transnational): no article's home country is theirs."""
        return frozenset(e.name for e in self.entities.values()
                         if e.kind not in ("person", "country", *PLACE_KINDS)
                         and e.country is None and e.org is None and not e.roles)


def _date(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"{where}: bad date {value!r}") from None


def _entity(raw: dict[str, Any], where: str) -> Entity:
    try:
        roles = tuple(
            Role(
                country=r.get("country"),
                sector=r.get("sector"),
                title=r.get("title"),
                start=_date(r.get("start"), where),
                end=_date(r.get("end"), where),
                org=r.get("org"),
            )
            for r in raw.get("roles") or ()
        )
        return Entity(
            id=str(raw["id"]),
            kind=str(raw["kind"]),
            name=str(raw["name"]),
            country=raw.get("country"),
            sector=raw.get("sector"),
            org=raw.get("org"),
            roles=roles,
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise DataError(f"{where}: malformed entity ({error})") from error


def _files(folder: Traversable, suffix: str) -> Iterator[Traversable]:
    if folder.is_dir():
        yield from sorted((f for f in folder.iterdir() if f.name.endswith(suffix)), key=lambda f: f.name)


def _read_entities(root: Traversable) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for file in _files(root / "entities", ".jsonl"):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"lang/entities/{file.name}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as error:
                raise DataError(f"{where}: not JSON ({error.msg})") from error
            entity = _entity(raw, where)
            if entity.id in entities:
                raise DataError(f"{where}: duplicate entity id {entity.id!r}")
            entities[entity.id] = entity
    return entities


def _read_aliases(root: Traversable, lang: str, entities: dict[str, Entity]) -> tuple[Alias, ...]:
    aliases: list[Alias] = []
    for file in _files(root / lang / "aliases", ".tsv"):
        rows = csv.reader(file.read_text(encoding="utf-8").splitlines()[1:], delimiter="\t")
        for number, row in enumerate(rows, 2):
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            where = f"lang/{lang}/aliases/{file.name}:{number}"
            if len(row) < 3:
                raise DataError(f"{where}: expected entity, kind, alias")
            entity_id, kind, text = (cell.strip() for cell in row[:3])
            if entity_id not in entities:
                raise DataError(f"{where}: unknown entity {entity_id!r}")
            if kind not in ALIAS_KINDS:
                raise DataError(f"{where}: unknown alias kind {kind!r}")
            aliases.append(Alias(entity_id, kind, text))
    return tuple(aliases)


def _read_roles(root: Traversable, lang: str) -> dict[str, str]:
    file = root / lang / "roles.tsv"
    roles: dict[str, str] = {}
    if not file.is_file():
        return roles
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise DataError(f"lang/{lang}/roles.tsv:{number}: expected word <TAB> sector")
        word = parts[0].strip().lower()
        if word in roles:
            raise DataError(f"lang/{lang}/roles.tsv:{number}: {word!r} is listed twice")
        roles[word] = parts[1].strip()
    return roles


@cache
def load_gazetteer(languages: tuple[str, ...]) -> Gazetteer:
    """Load and validate the gazetteer for `languages` (cached: it is read-only data)."""
    root = resources.files("selon").joinpath("lang")
    entities = _read_entities(root)
    return Gazetteer(
        entities=entities,
        aliases={lang: _read_aliases(root, lang, entities) for lang in languages},
        roles={lang: _read_roles(root, lang) for lang in languages},
    )
