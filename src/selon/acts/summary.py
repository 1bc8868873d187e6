"""What an act's reports add up to: how many outlets and independent sources, and its status.

Ten outlets repeating "selon le Washington Post" are one source, the Washington Post; three
outlets printing one agency dispatch are one source, the dispatch (their articles are one
near-duplicate story). A claim a government makes of its own act confirms it; a claim one side
makes and another denies is contested.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from selon.acts.identity import DECLARED_TYPES, Claim
from selon.events.coder import SYMMETRIC_TYPES
from selon.records import Actor
from selon.values.dates import date_bounds

# Statuses, from the most to the least settled.
CONFIRMED, REPORTED, ALLEGED, CONTESTED, DENIED, HYPOTHETICAL = (
    "confirmed", "reported", "alleged", "contested", "denied", "hypothetical")

# Words a source's name may start with that do not name it ("le Washington Post").
_DETERMINER = re.compile(r"^(?:le|la|les|l'|l’|the|du|de la|des|d'|d’)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ActSummary:
    act_id: str
    type: str
    source: Actor | None
    target: Actor | None
    claims: int
    articles: int
    outlets: int
    sources: int  # independent original sources
    status: str
    first_date: date | None  # the earliest and latest day the act may have happened
    last_date: date | None
    first_seen: date | None  # the first and last publication dates of its reports
    last_seen: date | None
    certainties: dict[str, int]

    def to_record(self) -> dict[str, Any]:
        """As `selon acts --format jsonl` and the explorer's /api/acts give it."""
        return {
            "act_id": self.act_id, "type": self.type,
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "status": self.status, "claims": self.claims, "articles": self.articles,
            "outlets": self.outlets, "sources": self.sources,
            "date_first": self.first_date and self.first_date.isoformat(),
            "date_last": self.last_date and self.last_date.isoformat(),
            "first_seen": self.first_seen and self.first_seen.isoformat(),
            "last_seen": self.last_seen and self.last_seen.isoformat(),
            "certainties": self.certainties,
        }


# Who speaks for a state: its government and its forces are one voice ("the Kremlin", "the
# defence ministry", "Dmitry Peskov"); an opposition leader or a newspaper speaks for itself.
STATE_SECTORS = frozenset({"GOV", "MIL", None})


def voice(speaker: Actor) -> tuple[str, ...]:
    """An organisation speaks with one voice (its council, its secretary-general), a state
    with its government's and its forces'; anyone else with their own."""
    side = speaker.org or speaker.country or ""
    if speaker.org or (speaker.sector in STATE_SECTORS and side):
        return ("voice", side)
    return ("voice", side, speaker.sector or "", speaker.name or "")


def speaks_for(speaker: Actor | None, side: Actor | None) -> bool:
    """Whether a source is the side itself speaking: its organisation, or its state's voice."""
    if speaker is None or side is None or not (speaker.org or speaker.country):
        return False
    if speaker.org or side.org:
        return speaker.org == side.org
    if speaker.country != side.country:
        return False
    if speaker.sector in STATE_SECTORS and side.sector in STATE_SECTORS:
        return True
    return speaker.sector == side.sector and not (
        speaker.name and side.name and speaker.name != side.name)


def _authors(kind: str, source: Actor | None, target: Actor | None) -> tuple[Actor, ...]:
    sides = (source, target) if kind in SYMMETRIC_TYPES else (source,)
    return tuple(a for a in sides if a is not None)


def own_word(claim: Claim, authors: Sequence[Actor]) -> bool:
    """Whether the claim is an author of the act speaking of it, and not to deny it."""
    return claim.certainty not in ("denied", "hypothetical") and any(
        speaks_for(claim.cited, author) for author in authors)


def origin(claim: Claim, authors: Sequence[Actor] = (), announced: bool = False
           ) -> tuple[str, ...]:
    """The original source a claim rests on: the voice or the named source its chain starts
    with. A claim the outlet makes in its own words rests on the act's author when the act was
    `announced` (its author spoke of it, or the act is itself a public statement: a request,
    an accusation); else on its story, which wire copies of one dispatch share. An unnamed
    source ("a diplomat") is its story's too."""
    cited = claim.cited
    if cited is not None and (cited.org or cited.country):
        return voice(cited)
    if (cited is not None and cited.sector in STATE_SECTORS and authors and announced
            and claim.certainty != "denied"):
        # "the defence ministry said" with no country, of an act its author announced: the
        # author's ministry (a denial is as likely the other side's).
        return voice(authors[0])
    if claim.attributed_to:
        text = _DETERMINER.sub("", claim.attributed_to[0].strip())
        if any(word[:1].isupper() for word in text.split()):
            return ("name", text.casefold())
    elif announced and authors:
        return voice(authors[0])
    return ("story", claim.story or claim.article_id)


def _distinct_sources(origins: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """One source under a short and a full name ("the Post", "the Washington Post")."""
    names = [o[-1].casefold() for o in origins if o[0] != "story"]
    return {o for o in origins
            if o[0] != "name" or not any(n != o[-1] and n.endswith(" " + o[-1]) for n in names)}


def status(claims: Sequence[Claim], authors: Sequence[Actor], declared: bool) -> str:
    """`declared`: the act is itself a public statement, so that an outlet stating it as fact
    ("Iran asked the IAEA…") has it from its author."""
    certainties = {c.certainty for c in claims}
    claimed = bool(certainties & {"asserted", "reported", "alleged"})
    if "denied" in certainties:
        return CONTESTED if claimed else DENIED
    if any(own_word(c, authors) for c in claims) or (declared and "asserted" in certainties):
        return CONFIRMED
    if certainties & {"asserted", "reported"}:
        return REPORTED
    return ALLEGED if "alleged" in certainties else HYPOTHETICAL


def _representative(actors: Sequence[Actor | None]) -> Actor | None:
    """The side as most precisely named: the fullest actor, the most reported among equals."""
    known = [a for a in actors if a is not None]
    if not known:
        return None
    counts = Counter(known)
    return max(counts, key=lambda a: (bool(a.name), bool(a.sector), counts[a]))


def _span(claims: Sequence[Claim]) -> tuple[date | None, date | None]:
    bounds = [date_bounds(c.event_date) for c in claims]
    firsts = [b[0] for b in bounds if b[0]]
    lasts = [b[1] for b in bounds if b[1]]
    return min(firsts, default=None), max(lasts, default=None)


def summarise(act_id: str, claims: Sequence[Claim],
              declared_types: Collection[str] = DECLARED_TYPES) -> ActSummary:
    kind = claims[0].type
    source = _representative([c.source for c in claims])
    target = _representative([c.target for c in claims])
    authors = _authors(kind, source, target)
    declared = kind in declared_types
    announced = declared or any(own_word(c, authors) for c in claims)
    outlets = {(c.outlet or "").casefold() or f"story:{c.story or c.article_id}" for c in claims}
    seen = [c.published for c in claims if c.published]
    first, last = _span(claims)
    return ActSummary(
        act_id=act_id, type=kind, source=source, target=target, claims=len(claims),
        articles=len({c.article_id for c in claims}), outlets=len(outlets),
        sources=len(_distinct_sources({origin(c, authors, announced) for c in claims})),
        status=status(claims, authors, declared), first_date=first, last_date=last,
        first_seen=min(seen, default=None), last_seen=max(seen, default=None),
        certainties=dict(Counter(c.certainty for c in claims)),
    )
