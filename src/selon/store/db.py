"""Writing coded articles to DuckDB, one transaction per batch, and reading them back."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from selon.acts.identity import ActRules, Claim
from selon.acts.summary import ActSummary, summarise
from selon.errors import StoreError
from selon.pipeline import Coded
from selon.records import Actor, Event, Provenance, Quantity
from selon.store.acts import ActCache, act_claims, assign, assign_claims
from selon.store.duplicates import Signature, insert_rows, link, link_unlinked
from selon.values.dates import date_bounds, parse_date

# What json.dumps(parts, ensure_ascii=False) uses, built once rather than for each digest.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _digest(*parts: object) -> str:
    return hashlib.sha256(_ENCODER.encode(parts).encode("utf-8")).hexdigest()[:20]


@lru_cache(maxsize=2**16)
def actor_id(actor: Actor) -> str:
    # Cached: a batch names the same few actors in most of its events and chains.
    return _digest(actor.country, actor.sector, actor.name, actor.org)


def event_id(content_hash: str, event: Event) -> str:
    p = event.provenance
    return _digest(content_hash, p.sentence_start, p.trigger_start, event.type,
                   event.source and actor_id(event.source), event.target and actor_id(event.target))


def event_from_row(row: dict[str, Any]) -> Event:
    """A row of `Store.events` as the Event it was stored from."""

    def actor(side: str) -> Actor | None:
        found = Actor(*(row[f"{side}_{k}"] for k in ("country", "sector", "name", "org")))
        return None if found == Actor() else found

    return Event(
        article_id=row["article_id"],
        type=row["type"],
        mode=row["mode"],
        context=tuple(row["context"] or ()),
        source=actor("source"),
        target=actor("target"),
        sentence=row["sentence"],
        certainty=row["certainty"],
        attributed_to=tuple(row["attributed_to"] or ()),
        date=row["date"],
        location=row["location"],
        objects=tuple(row["objects"] or ()),
        quantities=tuple(Quantity(**q) for q in json.loads(row["quantities"] or "[]")),
        provenance=Provenance(
            sentence_start=row["sentence_start"],
            sentence_end=row["sentence_end"],
            trigger=row["trigger"],
            trigger_start=row["trigger_start"],
            trigger_end=row["trigger_end"],
            rule=row["rule"],
            content_hash=row["article_hash"],
        ),
    )


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None
    country: str | None = None  # source or target country
    actor: str | None = None  # part of a source or target name, any case
    certainty: str | None = None
    source: str | None = None  # part of any source in the attribution chain
    since: str | None = None  # YYYY-MM-DD: events that may have happened on or after
    until: str | None = None
    article: str | None = None
    limit: int | None = None
    outlet: str | None = None  # part of the publishing outlet's name, any case
    text: str | None = None  # free text: part of the sentence, title, trigger or a side's name


_EVENT_QUERY = """
SELECT e.id, a.external_id AS article_id, e.article_id AS article_hash, e.type, e.mode,
       e.context, e.sentence, e.certainty, e.date, e.location, e.objects, e.quantities,
       e.trigger, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, e.rule,
       s.country AS source_country, s.sector AS source_sector, s.name AS source_name,
       s.org AS source_org,
       t.country AS target_country, t.sector AS target_sector, t.name AS target_name,
       t.org AS target_org,
       coalesce((SELECT list(r.source_text ORDER BY r.position) FROM attributions r
                 WHERE r.event_id = e.id), []) AS attributed_to,
       a.outlet, a.title AS article_title, a.date AS article_date, a.url AS article_url,
       a.lang AS article_lang, e.date_first, e.date_last,
       e.source_id, e.target_id
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.id = e.source_id
LEFT JOIN actors t ON t.id = e.target_id
"""


def event_select(where: EventFilter) -> tuple[str, list[Any]]:
    """The events query with the filter's conditions, without order or limit: `Store.events`
    orders it; the explorer and the exports wrap it to page, sort, count and aggregate."""
    clauses: list[str] = []
    params: list[Any] = []
    if where.type:
        clauses.append("e.type = ?")
        params.append(where.type.upper())
    if where.country:
        clauses.append("(s.country = ? OR t.country = ?)")
        params += [where.country.upper()] * 2
    if where.actor:
        clauses.append("(s.name ILIKE ? OR t.name ILIKE ? OR s.org ILIKE ? OR t.org ILIKE ?)")
        params += [f"%{where.actor}%"] * 4
    if where.certainty:
        clauses.append("e.certainty = ?")
        params.append(where.certainty)
    if where.source:
        clauses.append("EXISTS (SELECT 1 FROM attributions r WHERE r.event_id = e.id"
                       " AND r.source_text ILIKE ?)")
        params.append(f"%{where.source}%")
    if where.since:
        clauses.append("e.date_last >= CAST(? AS DATE)")
        params.append(where.since)
    if where.until:
        clauses.append("e.date_first <= CAST(? AS DATE)")
        params.append(where.until)
    if where.article:
        clauses.append("(e.article_id = ? OR a.external_id = ?)")
        params += [where.article, where.article]
    if where.outlet:
        clauses.append("a.outlet ILIKE ?")
        params.append(f"%{where.outlet}%")
    if where.text:
        clauses.append("(e.sentence ILIKE ? OR a.title ILIKE ? OR e.trigger ILIKE ? OR s.name ILIKE ?"
                       " OR t.name ILIKE ?)")
        params += [f"%{where.text}%"] * 5
    sql = _EVENT_QUERY
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return sql, params


# Column types of each table, in the order _BatchRows builds its rows.
_ARTICLE_COLUMNS = dict.fromkeys(
    ("id", "external_id", "title", "outlet", "url", "date", "lang", "origin", "encoding", "text"),
    "VARCHAR")
_ACTOR_COLUMNS = dict.fromkeys(("id", "country", "sector", "name", "org"), "VARCHAR")
_EVENT_COLUMNS = {
    "id": "VARCHAR", "article_id": "VARCHAR", "type": "VARCHAR", "mode": "VARCHAR",
    "context": "VARCHAR[]", "source_id": "VARCHAR", "target_id": "VARCHAR",
    "sentence": "VARCHAR", "sentence_start": "INTEGER", "sentence_end": "INTEGER",
    "trigger": "VARCHAR", "trigger_start": "INTEGER", "trigger_end": "INTEGER", "rule": "VARCHAR",
    "certainty": "VARCHAR", "date": "VARCHAR", "date_first": "DATE", "date_last": "DATE",
    "location": "VARCHAR", "objects": "VARCHAR[]", "quantities": "JSON",
}
_ATTRIBUTION_COLUMNS = {"event_id": "VARCHAR", "position": "INTEGER", "source_text": "VARCHAR",
                        "actor_id": "VARCHAR"}
_QUESTION_COLUMNS = {"article_id": "VARCHAR", "sentence": "VARCHAR", "sentence_start": "INTEGER",
                     "sentence_end": "INTEGER", "cue": "VARCHAR", "event_ids": "VARCHAR[]"}


@dataclass
class _BatchRows:
    """A batch's rows, table by table, keyed so that a repeat is written once; each table is
    then written with one statement (see `insert_rows`)."""

    articles: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    signatures: dict[str, Signature | None] = field(default_factory=dict)  # None: not computed
    actors: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    events: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    attributions: dict[tuple[str, int], tuple[Any, ...]] = field(default_factory=dict)
    questions: dict[tuple[str, int], tuple[Any, ...]] = field(default_factory=dict)
    article_of: dict[str, str] = field(default_factory=dict)  # event id → article id

    def add(self, coded: Coded) -> None:
        article = coded.article
        key = article.content_hash
        if key is None or key in self.articles:
            return
        self.articles[key] = (key, article.id, article.title, article.outlet, article.url,
                              article.date, article.lang, article.origin, article.encoding,
                              article.text)
        self.texts[key] = article.text
        self.signatures[key] = coded.signature
        for event in coded.events:
            self._event(key, event)
        for question in coded.questions:
            self.questions[(key, question.sentence_start)] = (
                key, question.sentence, question.sentence_start, question.sentence_end,
                question.cue, [event_id(key, coded.events[n]) for n in question.events])

    def _actor(self, actor: Actor | None) -> str | None:
        if actor is None:
            return None
        identifier = actor_id(actor)
        self.actors[identifier] = (identifier, actor.country, actor.sector, actor.name, actor.org)
        return identifier

    def _event(self, content_hash: str, event: Event) -> None:
        identifier = event_id(content_hash, event)
        first, last = date_bounds(event.date)
        p = event.provenance
        self.article_of[identifier] = content_hash
        self.events.setdefault(identifier, (
            identifier, content_hash, event.type, event.mode, list(event.context),
            self._actor(event.source), self._actor(event.target), event.sentence,
            p.sentence_start, p.sentence_end, p.trigger, p.trigger_start, p.trigger_end, p.rule,
            event.certainty, event.date, first, last, event.location, list(event.objects),
            json.dumps([q.to_record() for q in event.quantities])))
        actors = event.attributed_actors
        for position, source in enumerate(event.attributed_to):
            actor = actors[position] if position < len(actors) else None
            self.attributions.setdefault((identifier, position),
                                         (identifier, position, source, self._actor(actor)))

    def drop(self, stored: set[str]) -> None:
        """Leave out the articles stored already, with their events, chains and questions."""
        for key in stored:
            self.articles.pop(key, None)
            self.texts.pop(key, None)
            self.signatures.pop(key, None)
        self.events = {k: v for k, v in self.events.items() if self.article_of[k] not in stored}
        self.attributions = {k: v for k, v in self.attributions.items() if k[0] in self.events}
        self.questions = {k: v for k, v in self.questions.items() if k[0] not in stored}

    def insert(self, db: duckdb.DuckDBPyConnection, rules: ActRules, acts: ActCache) -> None:
        # Articles not stored yet (see `drop`), and so their events, chains and questions.
        insert_rows(db, "articles", _ARTICLE_COLUMNS, list(self.articles.values()), new=True)
        insert_rows(db, "actors", _ACTOR_COLUMNS, list(self.actors.values()))
        insert_rows(db, "events", _EVENT_COLUMNS, list(self.events.values()), new=True)
        insert_rows(db, "attributions", _ATTRIBUTION_COLUMNS, list(self.attributions.values()),
                    new=True)
        insert_rows(db, "open_questions", _QUESTION_COLUMNS, list(self.questions.values()),
                    new=True)
        stories = link(db, list(self.texts.items()), list(self.signatures.values()))
        assign_claims(db, rules, self.claims(dict(zip(self.texts, stories, strict=True))), acts)

    def claims(self, stories: dict[str, str]) -> list[Claim]:
        """The batch's events as claims, each article's story (cluster) given: what
        `selon.store.acts.claims` reads back of them once they are written, in its order (by
        article as stored, then by place in the article), built from the rows instead."""
        chains: dict[str, list[tuple[Any, ...]]] = {}
        for row in self.attributions.values():
            chains.setdefault(row[0], []).append(row)
        by_article: dict[str, list[tuple[Any, ...]]] = {}
        for row in self.events.values():
            by_article.setdefault(row[1], []).append(row)
        actors: dict[str | None, Actor | None] = {None: None}
        actors.update((identifier, self._stored_actor(identifier)) for identifier in self.actors)
        found = []
        for key, article in self.articles.items():
            published = parse_date(article[5])
            for row in sorted(by_article.get(key, ()), key=lambda r: (r[8], r[11], r[0])):
                chain = sorted(chains.get(row[0], ()), key=lambda r: r[1])
                cited = chain[0][3] if chain and chain[0][1] == 0 else None
                found.append(Claim(
                    event_id=row[0], type=row[2], event_date=row[15], published=published,
                    certainty=row[14],
                    quantities=_quantities(row[20]),
                    sentence=row[7], article_id=article[1], outlet=article[3], story=stories[key],
                    source=actors[row[5]], target=actors[row[6]], cited=actors[cited],
                    attributed_to=tuple(r[2] for r in chain),
                    location=row[18]))
        return found

    def _stored_actor(self, identifier: str) -> Actor | None:
        # As read back: an actor row with every field empty is no actor.
        found = Actor(*self.actors[identifier][1:])
        return None if found == Actor() else found


def _quantities(stored: str | None) -> tuple[Quantity, ...]:
    # As read back from the JSON column (whole numbers come back as int).
    if not stored or stored == "[]":
        return ()
    return tuple(Quantity(**q) for q in json.loads(stored))


class Store:
    """A DuckDB file. Use as a context manager; `read_only` for readers."""

    def __init__(self, path: str | Path, read_only: bool = False,
                 rules: ActRules | None = None) -> None:
        self.path = str(path)
        self.rules = rules or ActRules.default()
        # The claims of the acts this writer's batches joined lately (see `ActCache`).
        self._acts = ActCache()
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store (create it with `selon ingest`)")
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as error:
            if "lock" in str(error).lower():
                raise StoreError(
                    f"{self.path} is open for writing in another process; wait for it to finish"
                ) from error
            raise StoreError(f"{self.path}: cannot open the store: {error}") from error
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: not a selon store: {error}") from error
        if not read_only:
            schema = resources.files("selon").joinpath("store/schema.sql").read_text("utf-8")
            self.db.execute(schema)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # --- writing -------------------------------------------------------------------------------
    def has_article(self, content_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id = ?", [content_hash]).fetchone()
        return row is not None

    def stored(self, content_hashes: Iterable[str]) -> set[str]:
        """Those of the content hashes whose article is stored: one query for many."""
        return {row[0] for row in self.db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [list(content_hashes)]).fetchall()}

    def write(self, batch: Iterable[Coded]) -> int:
        """Store a batch in one transaction; articles already stored are left as they are.
        Returns the number of articles added."""
        rows = _BatchRows()
        for coded in batch:
            if coded.article.content_hash is None:
                raise StoreError(f"{coded.article.id}: article has no content hash (not prepared)")
            rows.add(coded)
        rows.drop(self.stored(rows.articles))
        self.db.execute("BEGIN TRANSACTION")
        committed = False
        try:
            rows.insert(self.db, self.rules, self._acts)
            self.db.execute("COMMIT")
            committed = True
        except Exception:
            self.db.execute("ROLLBACK")
            raise
        finally:
            if not committed:
                self._acts.clear()  # it may hold what was not committed
        return len(rows.articles)

    def link_duplicates(self) -> int:
        """Link the articles stored before near-duplicates were tracked, and put the events
        stored before acts were into acts; returns how many articles were linked."""
        self._acts.clear()
        self.db.execute("BEGIN TRANSACTION")
        try:
            linked = link_unlinked(self.db)
            assign(self.db, self.rules)
            self.db.execute("COMMIT")
        except Exception:
            self.db.execute("ROLLBACK")
            raise
        return linked

    def event_reports(self, event_ids: list[str]) -> dict[str, tuple[int, int]]:
        """For each event, the distinct articles and named outlets of its story that report
        the same act (the `event_reports` view)."""
        rows = self.db.execute(
            "SELECT event_id, articles, outlets FROM event_reports"
            " WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [event_ids]
        ).fetchall()
        return {row[0]: (int(row[1]), int(row[2])) for row in rows}

    def open_questions(self, content_hash: str) -> list[dict[str, Any]]:
        """The article's open questions, in text order, each with its events' ids."""
        return self._rows("SELECT * FROM open_questions WHERE article_id = ?"
                          " ORDER BY sentence_start", [content_hash])

    # --- reading -------------------------------------------------------------------------------
    def _rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of any read query as dicts: for readers that compose on `event_select`."""
        return self._rows(sql, params or [])

    def events(self, where: EventFilter) -> list[dict[str, Any]]:
        sql, params = event_select(where)
        sql += " ORDER BY a.date NULLS LAST, e.article_id, e.sentence_start, e.trigger_start"
        if where.limit:
            sql += f" LIMIT {int(where.limit)}"
        return self._rows(sql, params)

    def acts(self, where: EventFilter, min_reports: int = 1,
             status: str | None = None) -> list[ActSummary]:
        """The acts with at least one claim that matches the filter, with every claim counted,
        reported in at least `min_reports` articles and of `status` if given; the earliest
        first. `where.limit` limits the acts, not the claims."""
        self._require_acts()
        sql, params = event_select(replace(where, limit=None))
        found = self.db.execute(
            f"SELECT DISTINCT m.act_id FROM act_members m JOIN ({sql}) f ON f.id = m.event_id",
            params).fetchall()
        acts = [summarise(act_id, members, self.rules.declared_types)
                for act_id, members in act_claims(self.db, [r[0] for r in found]).items()
                if members]
        acts = [a for a in acts
                if a.articles >= min_reports and (status is None or a.status == status)]
        acts.sort(key=lambda a: (a.first_date or a.first_seen or date.max, a.act_id))
        return acts[:where.limit] if where.limit else acts

    def act(self, key: str) -> tuple[ActSummary, list[dict[str, Any]]] | None:
        """An act by its id (or a unique prefix of it), with its claims as event rows."""
        self._require_acts()
        ids = [r[0] for r in self.db.execute(
            "SELECT DISTINCT act_id FROM act_members WHERE act_id LIKE ? LIMIT 2",
            [f"{key}%"]).fetchall()]
        if len(ids) > 1 and key not in ids:
            raise StoreError(f"{key!r} matches several acts: give more of the id")
        if not ids:
            return None
        act_id = key if key in ids else ids[0]
        members = act_claims(self.db, [act_id])[act_id]
        sql, params = event_select(EventFilter())
        rows = self._rows(f"SELECT f.* FROM ({sql}) f JOIN act_members m ON m.event_id = f.id"
                          " WHERE m.act_id = ? ORDER BY f.article_date NULLS LAST, f.article_id,"
                          " f.sentence_start", [*params, act_id])
        return summarise(act_id, members, self.rules.declared_types), rows

    def _require_acts(self) -> None:
        row = self.db.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'act_members'"
                              ).fetchone()
        if not row or not row[0]:
            raise StoreError(f"{self.path} was written before acts were grouped: run `selon "
                             "ingest` on it once (with any input) to group its events")

    def article(self, key: str) -> dict[str, Any] | None:
        """An article by its content hash (or a unique prefix of it) or by its input id."""
        rows = self._rows(
            "SELECT * FROM articles WHERE id = ? OR external_id = ? OR id LIKE ? LIMIT 2",
            [key, key, f"{key}%"],
        )
        if len(rows) > 1:
            exact = [r for r in rows if key in (r["id"], r["external_id"])]
            if len(exact) != 1:
                raise StoreError(f"{key!r} matches several articles: give more of the id")
            rows = exact
        return rows[0] if rows else None

    def summary(self) -> dict[str, Any]:
        def count(sql: str) -> int:
            row = self.db.execute(sql).fetchone()
            return int(row[0]) if row else 0

        by_type = self.db.execute(
            "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type"
        ).fetchall()
        by_certainty = self.db.execute(
            "SELECT certainty, count(*) FROM events GROUP BY certainty ORDER BY count(*) DESC"
        ).fetchall()
        return {
            "articles": count("SELECT count(*) FROM articles"),
            "events": count("SELECT count(*) FROM events"),
            "actors": count("SELECT count(*) FROM actors"),
            "by_type": by_type,
            "by_certainty": by_certainty,
        }
