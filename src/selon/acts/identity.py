"""When two reports are one act.

Reports of one act differ in wording, in the precision of their dates and in how they name the
sides ("Moscou", "le Kremlin", "Russia's defence ministry"), but not in what the act is: its
type, its sides, and when it happened. Two claims are one act when

- their types are equal;
- their sources are one side and their targets are one side (the country, or the organisation
  for an international body; and the same person or company where both name one); for the
  types with no direction (AGREE, COOPERATE, CONSULT) the sides may be swapped;
- their dates agree: within `day_window` days where both are day-precise, overlapping where
  one is only a month or a year; an undated claim happened in the `undated_days` before its
  article was published;
- their amounts do not contradict (the same unit, values more than twice apart).

A claim joins an act only if it agrees with every claim of it (complete linkage): a chain of
reports each a few days from the next does not turn into one act spanning a month.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from selon.config import Settings, load_settings
from selon.events.coder import SYMMETRIC_TYPES
from selon.records import Actor, Quantity
from selon.values.dates import date_bounds

# Acts that are themselves public statements: an outlet that states one as fact has it from
# its author (settings: act_declared_types).
DECLARED_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"})
# Acts so frequent between the same sides (strikes, seizures) that a month does not single
# one out: a report dated only by its month joins reports dated to the day only at a place
# one of them names (settings: act_recurrent_types).
RECURRENT_TYPES = frozenset({"ASSAULT", "COERCE"})


@dataclass(frozen=True)
class ActRules:
    """How far apart two dates may be and still be one act (settings: act_window_days,
    act_undated_days), and which acts are public statements (act_declared_types)."""

    day_window: int = 3
    undated_days: int = 7
    declared_types: frozenset[str] = DECLARED_TYPES
    recurrent_types: frozenset[str] = RECURRENT_TYPES

    @classmethod
    @cache
    def default(cls) -> ActRules:
        """The rules of the settings file (read once per process)."""
        return cls.of(load_settings())

    @classmethod
    def of(cls, settings: Settings) -> ActRules:
        return cls(settings.act_window_days, settings.act_undated_days,
                   frozenset(settings.act_declared_types),
                   frozenset(settings.act_recurrent_types))


@dataclass(frozen=True)
class Claim:
    """An event as one report of an act: what grouping and the act's summary read of it."""

    event_id: str
    type: str
    source: Actor | None
    target: Actor | None
    event_date: str | None  # as the text gives it: YYYY, YYYY-MM or YYYY-MM-DD
    published: date | None  # the article's date
    certainty: str = "asserted"
    attributed_to: tuple[str, ...] = ()
    cited: Actor | None = None  # the known actor the outermost source names, if any
    quantities: tuple[Quantity, ...] = ()
    article_id: str = ""
    outlet: str | None = None
    story: str | None = None  # the near-duplicate cluster of its article
    sentence: str = ""
    location: str | None = None


def when(claim: Claim, rules: ActRules) -> tuple[date, date, bool] | None:
    """The days the claim's act may have happened on, and whether the text gave the day.

    A year alone says little: where the article's date falls in that year, the act is taken
    to be recent news, as an undated one is."""
    return _span(claim.event_date, claim.published, rules)


@lru_cache(maxsize=65536)  # grouping asks it for every pair of claims: few distinct dates
def _span(event_date: str | None, published: date | None,
          rules: ActRules) -> tuple[date, date, bool] | None:
    first, last = date_bounds(event_date)
    if first and last and event_date is not None and event_date.count("-") == 2:
        return first, last, True
    recent = None
    if published is not None:
        recent = (published - timedelta(days=rules.undated_days), published)
    year_only = event_date is not None and "-" not in event_date
    if not (first and last) or (year_only and recent is not None and first <= recent[1] <= last):
        return (*recent, False) if recent else None
    return first, last, False


def dates_agree(one: Claim, other: Claim, rules: ActRules) -> bool:
    return _spans_agree(when(one, rules), when(other, rules), rules)


def _spans_agree(a: tuple[date, date, bool] | None, b: tuple[date, date, bool] | None,
                 rules: ActRules) -> bool:
    if a is None or b is None:
        return True  # nothing to compare: neither date nor publication date
    gap = (max(a[0], b[0]) - min(a[1], b[1])).days
    if a[2] and b[2]:
        return gap <= rules.day_window
    return gap <= 0


def placed(claim: Claim, members: Sequence[Claim], rules: ActRules) -> bool:
    """A report of a recurrent act (a strike) dated by its month joins reports dated to the
    day only at a place one of them names, and the other way round: "5,000 drones in
    January" is not the strike on Kharkiv of 21 January."""
    if claim.type not in rules.recurrent_types or not claim.event_date:
        return True
    by_day = _by_day(claim)
    if not any(m.event_date and _by_day(m) != by_day for m in members):
        return True
    return any(same_place(claim.location, m.location) for m in members)


def _by_day(claim: Claim) -> bool:
    return claim.event_date is not None and claim.event_date.count("-") == 2


def same_place(one: str | None, other: str | None) -> bool:
    """Two places named alike: "Kharkiv" and "la ville de Kharkiv"."""
    words = [{w for w in place.casefold().replace("'", " ").split() if len(w) > 3}
             for place in (one or "", other or "")]
    return bool(words[0] & words[1])


def same_side(one: Actor | None, other: Actor | None) -> bool:
    """One side of an act: the same organisation, or the same country, and the same person or
    company where both name one. A side left unknown contradicts nothing."""
    if one is None or other is None:
        return True
    if one.org or other.org:
        if one.org != other.org:
            return False
    elif one.country != other.country:
        return False
    elif one.country is None and (one.sector, one.name) != (other.sector, other.name):
        return False  # no country to go by (rebels, a militia): the group itself
    return not (one.name and other.name and one.name != other.name)


def sides_agree(one: Claim, other: Claim) -> bool:
    if same_side(one.source, other.source) and same_side(one.target, other.target):
        return True
    return (one.type in SYMMETRIC_TYPES and same_side(one.source, other.target)
            and same_side(one.target, other.source))


def amounts_agree(one: Claim, other: Claim) -> bool:
    """"500 soldiers" and "5,000 soldiers" are two deployments; "about 500" and "520" are not
    worth splitting an act over."""
    for a in one.quantities:
        for b in other.quantities:
            if a.unit == b.unit and a.value > 0 and b.value > 0 and max(a.value, b.value) > 2 * min(
                    a.value, b.value):
                return False
    return True


def one_act(one: Claim, other: Claim, rules: ActRules) -> bool:
    return _one_act_with(one, rules)(other)


def _one_act_with(one: Claim, rules: ActRules) -> Callable[[Claim], bool]:
    """`one_act(one, ·)`, with what it reads of `one` read once: grouping asks it of every
    member of every act a claim may join."""
    # A plan and its execution are two acts ("will send more systems" after "delivered").
    planned = one.certainty == "hypothetical"
    span = when(one, rules)

    def with_other(other: Claim) -> bool:
        return (one.type == other.type and planned == (other.certainty == "hypothetical")
                and sides_agree(one, other) and _spans_agree(span, when(other, rules), rules)
                and amounts_agree(one, other))
    return with_other


def _closeness(claim: Claim, members: Sequence[Claim], rules: ActRules) -> tuple[int, int, int]:
    """How well a claim fits an act it agrees with: named sides in common first, then a place
    in common, then the nearest dates."""
    names = sum(1 for m in members for a, b in ((claim.source, m.source), (claim.target, m.target))
                if a is not None and b is not None and a.name and a.name == b.name)
    places = sum(1 for m in members if same_place(claim.location, m.location))
    span = when(claim, rules)
    gaps = [abs((span[0] - s[0]).days) for m in members if span and (s := when(m, rules))]
    return names, places, -min(gaps, default=0)


def best_act(claim: Claim, acts: Iterable[tuple[str, Sequence[Claim]]],
             rules: ActRules) -> str | None:
    """The id of the act the claim belongs to among `acts` (id, members), or None for a new one."""
    agrees = _one_act_with(claim, rules)
    fitting = [(act_id, members) for act_id, members in acts
               if members and all(agrees(m) for m in members) and placed(claim, members, rules)]
    if len(fitting) < 2:  # (weighing reads every member: not for one act)
        return fitting[0][0] if fitting else None
    return max(fitting, key=lambda f: _closeness(claim, f[1], rules))[0]


def group(claims: Iterable[Claim], rules: ActRules,
          acts: dict[str, list[Claim]] | None = None) -> dict[str, list[Claim]]:
    """Put each claim, in order, into the act it belongs to, or start one named after it.
    `acts` are the acts known already (updated in place and returned)."""
    acts = {} if acts is None else acts
    index = _ActIndex()
    for act_id, members in acts.items():
        if members:
            index.add(act_id, members[0])
    for claim in claims:
        found = best_act(claim, ((a, acts[a]) for a in index.candidates(claim)), rules)
        if found is None:
            found = claim.event_id
            index.add(found, claim)
        acts.setdefault(found, []).append(claim)
    return acts


def side_key(actor: Actor | None) -> Hashable:
    """What two actors must share to be one side (see same_side); None for an unknown one."""
    if actor is None:
        return None
    if actor.org:
        return ("org", actor.org)
    if actor.country:
        return ("country", actor.country)
    return ("group", actor.sector, actor.name)


class _ActIndex:
    """The acts begun so far, by type and by the sides of their first claim, so that a claim is
    compared only with the acts it may join: same_side holds only between actors of one
    side_key, or with an unknown actor (and the sides may swap where the type has no
    direction). Candidates come in the order their acts began, so that ties go to the older
    act, as they would with no index."""

    def __init__(self) -> None:
        self._acts: dict[str, dict[tuple[Hashable, Hashable], list[tuple[int, str]]]] = {}
        self._begun = 0

    def add(self, act_id: str, first: Claim) -> None:
        sides = (side_key(first.source), side_key(first.target))
        self._acts.setdefault(first.type, {}).setdefault(sides, []).append((self._begun, act_id))
        self._begun += 1

    def candidates(self, claim: Claim) -> list[str]:
        by_sides = self._acts.get(claim.type)
        if not by_sides:
            return []
        orders = [(claim.source, claim.target)]
        if claim.type in SYMMETRIC_TYPES:
            orders.append((claim.target, claim.source))
        if claim.source is not None and claim.target is not None:
            keys = {(s, t) for source, target in orders
                    for s in (side_key(source), None) for t in (side_key(target), None)}
            keys &= by_sides.keys()
        else:
            keys = {pair for pair in by_sides if any(
                _may_be(pair[0], source) and _may_be(pair[1], target) for source, target in orders)}
        return [act_id for _, act_id in sorted(item for pair in keys for item in by_sides[pair])]


def _may_be(key: Hashable, actor: Actor | None) -> bool:
    return key is None or actor is None or key == side_key(actor)
