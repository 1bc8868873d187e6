"""PLOVER / POLECAT-style records: the manual's JSON field names, plus selon's provenance.

The PLOVER manual ("JSON Data Fields") names `id`, `date`, `enddate`, `source`, `recipient`
(lists of actor objects: `code`, `sector`, `identifier_text`), `event` (a list of categories),
`quad_code`, `mode`, `context`, `event_loc`, `event_text`, `text_info` and `cite_info`, and
invites producers to add fields of their own: selon adds what its claims rest on —
`certainty`, `attributed_to`, `sentence`, `article_id` — and how it coded them.
"""

from __future__ import annotations

from typing import Any

from selon import __version__

# The manual's four quad classes and the class each PLOVER category belongs to (POLECAT's
# REQUEST is the manual's DEMAND: verbal conflict).
QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_CODES: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

# The manual asks the coder to say "negation" and "hypothetical" in `context`; selon knows
# them as certainties.
_CERTAINTY_CONTEXT = {"denied": "negation", "hypothetical": "hypothetical"}


def quad_code(event_type: str) -> int | None:
    return QUAD_CODES.get(event_type)


def quad_class(event_type: str) -> str | None:
    code = QUAD_CODES.get(event_type)
    return QUAD_NAMES[code] if code else None


def _actors(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    country, sector, name, org = (row[f"{side}_{k}"] for k in ("country", "sector", "name", "org"))
    if not any((country, sector, name, org)):
        return []
    # `code` is the manual's top-level actor code: the country, or the organisation's code
    # for an international body.
    return [{"code": country or org, "sector": sector, "identifier_text": name, "org": org}]


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One row of `Store.events` as a PLOVER record. `date` must be a day: an event dated to
    a month or a year gives its first day in `date` and its last in `enddate`; an undated
    event takes the article's date, as POLECAT does, and `event_date` stays null."""
    first, last = _day(row["date_first"]), _day(row["date_last"])
    context = list(row["context"] or [])
    extra = _CERTAINTY_CONTEXT.get(row["certainty"])
    if extra and extra not in context:
        context.append(extra)
    return {
        "id": row["id"],
        "has_event": True,
        "date": first or row["article_date"],
        "enddate": last if last != first else None,
        "source": _actors(row, "source"),
        "recipient": _actors(row, "target"),
        "event": [row["type"]],
        "quad_code": quad_code(row["type"]),
        "mode": [row["mode"]] if row["mode"] else [],
        "context": context,
        "event_loc": {"name": row["location"]} if row["location"] else None,
        "event_text": [row["sentence"]],
        "text_info": {"start": row["sentence_start"], "end": row["sentence_end"]},
        "cite_info": {
            "citation": row["article_id"],
            "url": row["article_url"],
            "title": row["article_title"],
            "language": row["article_lang"],
            "publication": row["outlet"],
            "coder": f"selon {__version__}",
            "codebook": "plover",
        },
        # selon's provenance: what the claim rests on, and how it was coded
        "article_id": row["article_id"],
        "article_hash": row["article_hash"],
        "sentence": row["sentence"],
        "certainty": row["certainty"],
        "attributed_to": list(row["attributed_to"] or []),
        "event_date": row["date"],
        "objects": list(row["objects"] or []),
        "trigger": row["trigger"],
        "rule": row["rule"],
    }
