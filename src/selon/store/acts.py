"""Acts in the store: new events join the stored acts they agree with (selon.acts.identity),
or start their own; an act's claims are read back with what `selon.acts.summary` needs."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

import duckdb

from selon.acts.identity import ActRules, Claim, group, when
from selon.events.coder import SYMMETRIC_TYPES, side_of
from selon.records import Actor, Quantity
from selon.store.duplicates import insert_rows
from selon.values.dates import parse_date

_ACT_COLUMNS = {"id": "VARCHAR", "type": "VARCHAR", "source_side": "VARCHAR",
                "target_side": "VARCHAR", "day_first": "DATE", "day_last": "DATE"}

_CLAIMS = """
SELECT e.id, e.type, e.date, a.date AS published, e.certainty, e.quantities, e.sentence,
       a.external_id AS article_id, a.outlet, k.cluster_id AS story, m.act_id,
       s.country, s.sector, s.name, s.org, t.country, t.sector, t.name, t.org,
       c.country, c.sector, c.name, c.org,
       coalesce((SELECT list(r.source_text ORDER BY r.position) FROM attributions r
                 WHERE r.event_id = e.id), []) AS chain, e.location
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.id = e.source_id
LEFT JOIN actors t ON t.id = e.target_id
LEFT JOIN attributions r0 ON r0.event_id = e.id AND r0.position = 0
LEFT JOIN actors c ON c.id = r0.actor_id
LEFT JOIN article_clusters k ON k.article_id = e.article_id
LEFT JOIN act_members m ON m.event_id = e.id
"""


def _actor(values: Sequence[Any]) -> Actor | None:
    found = Actor(*values)
    return None if found == Actor() else found


def _claim(row: Sequence[Any]) -> tuple[Claim, str | None]:
    claim = Claim(
        event_id=row[0], type=row[1], event_date=row[2], published=parse_date(row[3]),
        certainty=row[4],
        quantities=tuple(Quantity(**q) for q in json.loads(row[5] or "[]")), sentence=row[6],
        article_id=row[7], outlet=row[8], story=row[9],
        source=_actor(row[11:15]), target=_actor(row[15:19]), cited=_actor(row[19:23]),
        attributed_to=tuple(row[23] or ()), location=row[24],
    )
    return claim, row[10]


def claims(db: duckdb.DuckDBPyConnection, where: str = "", params: Sequence[Any] = ()
           ) -> list[tuple[Claim, str | None]]:
    """Events as claims with their act ids (None while unassigned), in the order they were
    stored: by article, then by position in it."""
    sql = _CLAIMS + (f" WHERE {where}" if where else "")
    sql += " ORDER BY a.rowid, e.sentence_start, e.trigger_start, e.id"
    return [_claim(row) for row in db.execute(sql, list(params)).fetchall()]


def act_claims(db: duckdb.DuckDBPyConnection, act_ids: Sequence[str]) -> dict[str, list[Claim]]:
    """The claims of each act, in the order they were stored."""
    found: dict[str, list[Claim]] = {act_id: [] for act_id in act_ids}
    for claim, act_id in claims(db, "m.act_id IN (SELECT unnest(?::VARCHAR[]))", [list(act_ids)]):
        if act_id is not None:
            found[act_id].append(claim)
    return found


class ActCache:
    """The claims of the acts a writer read or wrote lately, so that each batch does not read
    back the acts it may join. An act's claims only change when a writer adds some, a store
    has one writer at a time, and this writer puts its additions here once grouped; it empties
    the cache when a transaction fails, and before it groups events outside `Store.write`.
    Bounded: the acts used least lately are let go first."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit  # claims held, at most
        self._acts: OrderedDict[str, tuple[Claim, ...]] = OrderedDict()
        self._held = 0

    def __len__(self) -> int:
        return len(self._acts)

    def act_claims(self, db: duckdb.DuckDBPyConnection, act_ids: Sequence[str]
                   ) -> dict[str, list[Claim]]:
        """As `act_claims`, reading only the acts not held; the lists are the caller's."""
        missing = [act_id for act_id in act_ids if act_id not in self._acts]
        found = act_claims(db, missing) if missing else {}
        for act_id in act_ids:
            if act_id in self._acts:
                self._acts.move_to_end(act_id)
                found[act_id] = list(self._acts[act_id])
        self.update(found)
        return {act_id: found[act_id] for act_id in act_ids}

    def update(self, acts: Mapping[str, Sequence[Claim]]) -> None:
        """Hold these acts' claims, all of them, in the order they were stored."""
        for act_id, members in acts.items():
            self._held += len(members) - len(self._acts.pop(act_id, ()))
            self._acts[act_id] = tuple(members)
        while self._held > self.limit and self._acts:
            self._held -= len(self._acts.popitem(last=False)[1])

    def clear(self) -> None:
        self._acts.clear()
        self._held = 0


def _candidates(db: duckdb.DuckDBPyConnection, new: Sequence[Claim], rules: ActRules
                ) -> list[str]:
    """The stored acts that may take any of the claims: the same type, the same sides (either
    order where the type has no direction; an unknown side may be any), days near its own.
    One query for the batch: the claims go in as columns (see `insert_rows`)."""
    reach = timedelta(days=rules.day_window)
    asked: list[tuple[Any, ...]] = []
    for claim in new:
        span = when(claim, rules)
        first, last = (span[0] - reach, span[1] + reach) if span else (None, None)
        orders = [(side_of(claim.source), side_of(claim.target))]
        if claim.type in SYMMETRIC_TYPES:
            orders.append(orders[0][::-1])
        asked += [(claim.type, source, target, first, last) for source, target in orders]
    columns = list(zip(*asked, strict=True))
    rows = db.execute(
        "WITH q AS (SELECT unnest(?::VARCHAR[]) AS type, unnest(?::VARCHAR[]) AS source,"
        " unnest(?::VARCHAR[]) AS target, unnest(?::DATE[]) AS first, unnest(?::DATE[]) AS last)"
        " SELECT DISTINCT a.id FROM acts a JOIN q ON a.type = q.type"
        " AND (q.source IS NULL OR a.source_side IS NULL OR a.source_side = q.source)"
        " AND (q.target IS NULL OR a.target_side IS NULL OR a.target_side = q.target)"
        " AND (q.first IS NULL OR a.day_last IS NULL OR a.day_last >= q.first)"
        " AND (q.last IS NULL OR a.day_first IS NULL OR a.day_first <= q.last)",
        [list(c) for c in columns]).fetchall()
    return sorted(row[0] for row in rows)


def _act_row(act_id: str, members: Sequence[Claim], rules: ActRules) -> tuple[Any, ...]:
    spans = [s for c in members if (s := when(c, rules)) is not None]
    source = next((side for c in members if (side := side_of(c.source))), None)
    target = next((side for c in members if (side := side_of(c.target))), None)
    return (act_id, members[0].type, source, target, min((s[0] for s in spans), default=None),
            max((s[1] for s in spans), default=None))


def assign(db: duckdb.DuckDBPyConnection, rules: ActRules, event_ids: Sequence[str] | None = None
           ) -> int:
    """Put events with no act (or only `event_ids`) into acts; returns how many."""
    if event_ids is None:
        new = [c for c, _ in claims(db, "m.act_id IS NULL")]
    else:
        new = [c for c, _ in claims(db, "e.id IN (SELECT unnest(?::VARCHAR[])) AND"
                                   " m.act_id IS NULL", [list(event_ids)])]
    return assign_claims(db, rules, new)


def assign_claims(db: duckdb.DuckDBPyConnection, rules: ActRules, new: Sequence[Claim],
                  cache: ActCache | None = None) -> int:
    """Put the claims of stored events with no act yet into acts, in the order given (the
    order `claims` reads them in); returns how many. The writer builds them from the batch it
    has just stored, rather than read them back.

    Only the acts that may take them are read: the `acts` table holds each act's type, sides
    and the days its reports may tell of, so a large store is not read for each batch; with a
    `cache`, only those it does not hold, and the acts the claims join are put in it."""
    if not new:
        return 0
    wanted = _candidates(db, new, rules)
    known = act_claims(db, wanted) if cache is None else cache.act_claims(db, wanted)
    before = {act_id: len(members) for act_id, members in known.items()}
    acts = group(new, rules, known)
    rows = [(claim.event_id, act_id) for act_id, members in acts.items()
            for claim in members[before.get(act_id, 0):]]
    insert_rows(db, "act_members", {"event_id": "VARCHAR", "act_id": "VARCHAR"}, rows)
    touched = [act_id for act_id, members in acts.items() if len(members) > before.get(act_id, 0)]
    db.execute("DELETE FROM acts WHERE id IN (SELECT unnest(?::VARCHAR[]))", [touched])
    insert_rows(db, "acts", _ACT_COLUMNS, [_act_row(a, acts[a], rules) for a in touched])
    if cache is not None:
        cache.update({act_id: acts[act_id] for act_id in touched})
    return len(rows)
