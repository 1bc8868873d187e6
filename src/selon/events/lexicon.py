"""Event lexicons: `lang/<lang>/events.toml` read into typed triggers, checked on load."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from selon.errors import DataError
from selon.records import PLOVER_TYPES

_ENTRY_KEYS = frozenset(
    {"lemma", "type", "mode", "context", "target", "source", "requires", "object", "modifier",
     "complement", "reverse"}
)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a verb or noun lemma, what it codes, and its syntactic frame."""

    lemma: str
    pos: str  # "verb" or "noun"
    type: str
    mode: str | None
    context: tuple[str, ...]
    target: tuple[str, ...]
    source: tuple[str, ...]
    requires: tuple[str, ...]
    object: tuple[str, ...]
    modifier: tuple[str, ...]
    complement: tuple[str, ...] = ()  # lemmas one of which the verb's clausal complement must have
    # The subject receives the act ("received weapons from Iran"): the frame's target is the
    # act's source, and the subject its target.
    reverse: bool = False

    @property
    def constrained(self) -> bool:
        return bool(self.requires or self.object or self.modifier or self.complement)

    @property
    def rule(self) -> str:
        return f"{self.pos}:{self.lemma}:{self.type}"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    subject: tuple[str, ...]
    passive_subject: tuple[str, ...]
    agent: tuple[str, ...]
    # Prepositions by which a verb's object names the other side: "son partenariat avec Tbilissi".
    object_complements: tuple[str, ...] = ()
    # Verbs that perform the act their object names, and lend it their subject: "imposer".
    light_verbs: frozenset[str] = frozenset()
    # Verbs that undo the act their object names: "China lifted its sanctions", "a levé ses
    # restrictions": that act is not coded (the verb may be an act of its own: CONCEDE).
    reversal_verbs: frozenset[str] = frozenset()
    # Types whose acts a state performs through its armed forces: "Israel struck Iran" is ISR MIL.
    military_types: frozenset[str] = frozenset()
    # Prepositions that introduce where an act took place: "à Tbilissi", "in Kursk".
    location_prepositions: frozenset[str] = frozenset()
    # Those that only ever say where ("depuis Kiev", "in Geneva"), never to whom ("à l'Égypte").
    place_prepositions: frozenset[str] = frozenset()

    def types(self) -> set[str]:
        return {t.type for group in (*self.verbs.values(), *self.nouns.values()) for t in group}


def _trigger(raw: dict[str, object], pos: str, where: str) -> Trigger:
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise DataError(f"{where}: unknown keys {sorted(unknown)}")
    if "lemma" not in raw or "type" not in raw:
        raise DataError(f"{where}: an entry needs `lemma` and `type`")
    kind = str(raw["type"])
    if kind not in PLOVER_TYPES:
        raise DataError(f"{where}: {kind!r} is not a PLOVER type")

    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(f"{where}: `{key}` must be a list of strings")
        return tuple(value)

    return Trigger(
        lemma=str(raw["lemma"]).lower(),
        pos=pos,
        type=kind,
        mode=str(raw["mode"]) if raw.get("mode") else None,
        context=strings("context"),
        target=strings("target"),
        source=strings("source"),
        requires=strings("requires"),
        object=strings("object"),
        modifier=strings("modifier"),
        complement=strings("complement"),
        reverse=_flag(raw, "reverse", where),
    )


def _flag(raw: dict[str, object], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise DataError(f"{where}: `{key}` must be true or false")
    return value


@cache
def load_lexicon(lang: str) -> Lexicon:
    path = f"lang/{lang}/events.toml"
    try:
        data = tomllib.loads(resources.files("selon").joinpath(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataError(f"{path}: {error}") from error
    groups: dict[str, dict[str, list[Trigger]]] = {"verb": {}, "noun": {}}
    for pos, group in groups.items():
        for number, raw in enumerate(data.get(pos, []), 1):
            trigger = _trigger(raw, pos, f"{path} [[{pos}]] #{number}")
            group.setdefault(trigger.lemma, []).append(trigger)
    defaults = data.get("defaults", {})
    return Lexicon(
        lang=lang,
        # A frame with conditions is tried before one without, whatever the file's order.
        verbs={k: tuple(sorted(v, key=lambda t: not t.constrained)) for k, v in groups["verb"].items()},
        nouns={k: tuple(sorted(v, key=lambda t: not t.constrained)) for k, v in groups["noun"].items()},
        subject=tuple(defaults.get("subject", ["nsubj"])),
        passive_subject=tuple(defaults.get("passive_subject", ["nsubj:pass"])),
        agent=tuple(defaults.get("agent", ["obl:agent"])),
        object_complements=tuple(defaults.get("object_complements", [])),
        light_verbs=frozenset(defaults.get("light_verbs", [])),
        reversal_verbs=frozenset(defaults.get("reversal_verbs", [])),
        military_types=frozenset(defaults.get("military_types", [])),
        location_prepositions=frozenset(defaults.get("location_prepositions", [])),
        place_prepositions=frozenset(defaults.get("place_prepositions", [])),
    )
