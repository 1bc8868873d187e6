"""The typed values that flow through the pipeline, and their JSON form.

`Event.to_record()` writes exactly the event format of ``shared/eval/FORMAT.md``, plus a
``provenance`` object (an added field, which the format allows).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
CERTAINTIES: tuple[str, ...] = ("asserted", "reported", "alleged", "denied", "hypothetical")


@dataclass(frozen=True)
class Article:
    """One document as read, before or after cleaning.

    `id` is the caller's identifier (the JSON Lines `id`, or one derived from the path);
    `content_hash` is the store's identity: a hash of the normalised text, set by the pipeline.
    """

    id: str
    text: str
    date: str | None = None
    lang: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    origin: str = ""
    encoding: str | None = None
    content_hash: str | None = None


@dataclass(frozen=True)
class DocumentError:
    """A document that could not be coded, and why: the batch goes on without it."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class Actor:
    """A CAMEO-style actor: country, PLOVER sector, canonical name, organisation code."""

    country: str | None = None
    sector: str | None = None
    name: str | None = None
    org: str | None = None

    def to_record(self) -> dict[str, str | None]:
        return {"country": self.country, "sector": self.sector, "name": self.name, "org": self.org}

    @classmethod
    def from_record(cls, raw: Mapping[str, Any]) -> Actor:
        """The actor of a FORMAT.md actor object (missing fields are null)."""
        return cls(raw.get("country"), raw.get("sector"), raw.get("name"), raw.get("org"))


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    text: str

    def to_record(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit, "text": self.text}


@dataclass(frozen=True)
class Provenance:
    """Where an event comes from and why it was coded: enough for `selon show` to explain it."""

    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    content_hash: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "article_hash": self.content_hash,
            "sentence_span": [self.sentence_start, self.sentence_end],
            "trigger": self.trigger,
            "trigger_span": [self.trigger_start, self.trigger_end],
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Event:
    article_id: str
    type: str
    source: Actor | None
    target: Actor | None
    sentence: str
    provenance: Provenance
    mode: str | None = None
    context: tuple[str, ...] = ()
    certainty: str = "asserted"
    attributed_to: tuple[str, ...] = ()
    date: str | None = None
    location: str | None = None
    objects: tuple[str, ...] = ()
    quantities: tuple[Quantity, ...] = field(default_factory=tuple)
    # The actor each source of `attributed_to` names, where it names a known one (the store's
    # attribution rows); not part of the event format.
    attributed_actors: tuple[Actor | None, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The FORMAT.md event, field for field, then selon's additions."""
        return {
            "article_id": self.article_id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "sentence": self.sentence,
            "certainty": self.certainty,
            "attributed_to": list(self.attributed_to),
            "date": self.date,
            "location": self.location,
            "objects": list(self.objects),
            "quantities": [q.to_record() for q in self.quantities],
            "provenance": self.provenance.to_record(),
        }


@dataclass(frozen=True)
class OpenQuestion:
    """A sentence that says something is not known ("It was not clear whether…"), with the
    cue that says so and the events it concerns (indices into its article's events)."""

    sentence: str
    sentence_start: int
    sentence_end: int
    cue: str
    events: tuple[int, ...] = ()
