"""Acts in the store: new events join the stored acts they agree with (selon.acts.identity),
or start their own; an act's claims are read back with what `selon.acts.summary` needs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import duckdb

from selon.acts.identity import ActRules, Claim, group
from selon.records import Actor, Quantity
from selon.store.duplicates import insert_rows
from selon.values.dates import parse_date

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
    sql += " ORDER BY a.ingested_at, a.id, e.sentence_start, e.trigger_start, e.id"
    return [_claim(row) for row in db.execute(sql, list(params)).fetchall()]


def act_claims(db: duckdb.DuckDBPyConnection, act_ids: Sequence[str]) -> dict[str, list[Claim]]:
    """The claims of each act, in the order they were stored."""
    found: dict[str, list[Claim]] = {act_id: [] for act_id in act_ids}
    for claim, act_id in claims(db, "m.act_id IN (SELECT unnest(?::VARCHAR[]))", [list(act_ids)]):
        if act_id is not None:
            found[act_id].append(claim)
    return found


def assign(db: duckdb.DuckDBPyConnection, rules: ActRules, event_ids: Sequence[str] | None = None
           ) -> int:
    """Put events with no act (or only `event_ids`) into acts; returns how many."""
    if event_ids is None:
        new = [c for c, act in claims(db, "m.act_id IS NULL")]
    else:
        new = [c for c, act in claims(db, "e.id IN (SELECT unnest(?::VARCHAR[])) AND"
                                      " m.act_id IS NULL", [list(event_ids)])]
    if not new:
        return 0
    # Only acts of these types that may be near in time can take them: their claims are read.
    days = [d for c in new for d in (parse_date(c.event_date) if c.event_date and
                                     c.event_date.count("-") == 2 else None, c.published) if d]
    reach = timedelta(days=rules.undated_days + rules.day_window + 31)
    where = "m.act_id IN (SELECT m2.act_id FROM act_members m2 JOIN events e2 ON e2.id = m2.event_id" \
            " JOIN articles a2 ON a2.id = e2.article_id WHERE e2.type IN (SELECT unnest(?::VARCHAR[]))"
    params: list[Any] = [sorted({c.type for c in new})]
    if days:
        where += (" AND (e2.date_last IS NULL OR e2.date_last >= ?) AND"
                  " (e2.date_first IS NULL OR e2.date_first <= ?)")
        params += [min(days) - reach, max(days) + reach]
    known: dict[str, list[Claim]] = {}
    for claim, act_id in claims(db, where + ")", params):
        if act_id is not None:
            known.setdefault(act_id, []).append(claim)
    before = {act_id: len(members) for act_id, members in known.items()}
    acts = group(new, rules, known)
    rows = [(claim.event_id, act_id) for act_id, members in acts.items()
            for claim in members[before.get(act_id, 0):]]
    insert_rows(db, "act_members", {"event_id": "VARCHAR", "act_id": "VARCHAR"}, rows)
    return len(rows)
