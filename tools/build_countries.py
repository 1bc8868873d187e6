#!/usr/bin/env python3
"""Generate selon's country entities and French/English country aliases.

Inputs
  * CLDR territory names through ``babel`` (``Locale.parse('fr').territories``,
    ``Locale.parse('en').territories``),
  * ISO 3166-1 codes and English/French official names through ``pycountry``,
  * the hand-written completion table ``tools/countries_manual.tsv`` (entity
    set and UN membership, adjectives/demonyms, capitals, seats of power,
    acronyms, extra name variants, removals, display names).

Outputs (committed as data)
  * src/selon/lang/entities/countries.jsonl
  * src/selon/lang/fr/aliases/countries.tsv
  * src/selon/lang/en/aliases/countries.tsv

Run from anywhere:  python tools/build_countries.py [--check]
``--check`` builds everything in memory and compares it with the files on
disk (exit 1 if they differ) without writing.

The script is deterministic: output rows are sorted, and it exits non-zero
when an alias points to two entities in one language (taking the accent-free
and case-insensitive variants that the matcher derives into account) or when
a UN member lacks a name, adjective or capital alias in either language
(documented exceptions aside).
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
from babel import Locale
from generated import refuse_on_errors, write_or_check

ROOT = Path(__file__).resolve().parent.parent
MANUAL = ROOT / "tools" / "countries_manual.tsv"
OUT_ENTITIES = ROOT / "src" / "selon" / "lang" / "entities" / "countries.jsonl"
OUT_ALIASES = {
    "fr": ROOT / "src" / "selon" / "lang" / "fr" / "aliases" / "countries.tsv",
    "en": ROOT / "src" / "selon" / "lang" / "en" / "aliases" / "countries.tsv",
}

LANGS = ("fr", "en")
ALIAS_KINDS = ("name", "acronym", "seat", "capital", "adjective")
# When one entity gets the same alias under two kinds (Monaco: name and
# capital), the earlier kind in this list wins and the other row is dropped.
KIND_PRIORITY = {k: i for i, k in enumerate(ALIAS_KINDS)}
STATUSES = ("un_member", "observer", "territory")
# Gaps a UN member may be excused from, with a reason, in the manual table.
EXCUSE_KINDS = {"noadjective": "adjective", "nocapital": "capital", "noname": "name"}
MANUAL_KINDS = set(ALIAS_KINDS) | {"status", "alpha2", "display", "drop"} | set(EXCUSE_KINDS)

# Leading articles that the matcher strips itself; aliases that legitimately
# begin with one (city names) are listed here so that the lint stays quiet.
ARTICLE_RE = {
    "fr": re.compile(r"^(?:(?:le|la|les)\s+|l')", re.IGNORECASE),
    "en": re.compile(r"^the\s+", re.IGNORECASE),
}
ARTICLE_OK = {"Le Caire", "La Havane", "La Paz", "La Valette", "La Moneda"}


class BuildError(Exception):
    pass


# --------------------------------------------------------------------------
# text helpers


def norm_text(s: str) -> str:
    """Unicode NFC, typographic apostrophes to ASCII, collapsed spaces."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u2019", "'").replace("\u02bc", "'").replace("\u02bb", "'")
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", s).strip()


def strip_accents(s: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)
    )


def is_lower(alias: str) -> bool:
    """An alias without any uppercase letter is matched case-insensitively."""
    return not any(c.isupper() for c in alias)


def cap_word(w: str) -> str:
    """Capitalise each hyphen-separated part: nord-coréen -> Nord-Coréen."""
    return "-".join(p[:1].upper() + p[1:] for p in w.split("-"))


def fr_inflect(m_sg: str) -> list[str]:
    """Regular French adjective forms (m.sg, f.sg, m.pl, f.pl)."""
    w = m_sg
    if w.endswith("e"):
        return [w, w + "s"]
    if w.endswith(("s", "x", "z")):
        return [w, w + "e", w + "es"]
    if w.endswith("en"):
        return [w, w + "ne", w + "s", w + "nes"]
    if w.endswith(("c", "on", "et", "el")):
        raise BuildError(f"irregular French adjective {w!r}: spell its forms out (a/b/c/d*)")
    return [w, w + "e", w + "s", w + "es"]


def expand_fr_adjective(token: str) -> list[str]:
    """``malien*`` -> inflected forms + capitalised demonym nouns;
    ``grec/grecque/grecs/grecques*`` -> those forms + capitalised nouns;
    anything without ``*`` is taken literally."""
    if not token.endswith("*"):
        return [token]
    body = token[:-1]
    forms = body.split("/") if "/" in body else fr_inflect(body)
    out: list[str] = []
    for f in forms + [cap_word(f) for f in forms]:
        if f not in out:
            out.append(f)
    return out


def clean_cldr(name: str, lang: str) -> list[str]:
    """CLDR/ISO names -> usable aliases (first one is the preferred form)."""
    name = norm_text(name)
    out: list[str] = []

    def add(x: str) -> None:
        x = norm_text(x)
        if x and x not in out:
            out.append(x)

    # "Myanmar (Burma)" -> "Myanmar", "Burma"
    m = re.match(r"^(.*?)\s*\((.*?)\)\s*$", name)
    if m:
        add(m.group(1))
        if not re.search(r"partie|part\b", m.group(2)):
            add(m.group(2))
    else:
        add(name)
    res: list[str] = []
    for x in out:
        x = re.sub(r"^R\.A\.S\. chinoise de ", "", x)  # R.A.S. chinoise de Hong Kong
        x = re.sub(r" SAR China$", "", x)  # Hong Kong SAR China
        x = re.sub(r"\s+-\s+", "-", x)  # Congo - Kinshasa
        if lang == "en":
            x = x.replace(" & ", " and ")
        # leading articles are handled by the matcher
        x = ARTICLE_RE[lang].sub("", x) if x not in ARTICLE_OK else x
        x = x[:1].upper() + x[1:]
        cands = [x]
        if lang == "en" and x.startswith("St. "):
            cands += ["Saint " + x[4:], "St " + x[4:]]
        for c in cands:
            if c not in res:
                res.append(c)
    return res


# --------------------------------------------------------------------------
# manual table


def read_manual(path: Path):
    """Return list of (lineno, entity, lang, kind, values)."""
    rows = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise BuildError(f"{path.name}:{n}: expected 4 TAB-separated columns, got {len(parts)}: {raw!r}")
        ent, lang, kind, value = (p.strip() for p in parts)
        if not re.fullmatch(r"[A-Z]{3}", ent):
            raise BuildError(f"{path.name}:{n}: bad entity {ent!r}")
        if lang not in ("fr", "en", "*", "-"):
            raise BuildError(f"{path.name}:{n}: bad lang {lang!r}")
        if kind not in MANUAL_KINDS:
            raise BuildError(f"{path.name}:{n}: unknown kind {kind!r}")
        if kind in EXCUSE_KINDS or kind in ("status", "alpha2", "display"):
            values = [value]
        else:
            values = [norm_text(v) for v in value.split(";") if v.strip()]
        rows.append((n, ent, lang, kind, values))
    return rows


def langs_of(lang: str) -> tuple[str, ...]:
    return LANGS if lang in ("*", "-") else (lang,)


# --------------------------------------------------------------------------
# build


def build():
    manual = read_manual(MANUAL)

    status: dict[str, str] = {}
    alpha2_override: dict[str, str] = {}
    display: dict[str, str] = {}
    excuses: dict[tuple[str, str, str], str] = {}
    for n, ent, lang, kind, values in manual:
        if kind == "status":
            if values[0] not in STATUSES:
                raise BuildError(f"line {n}: bad status {values[0]!r}")
            if ent in status:
                raise BuildError(f"line {n}: duplicate status for {ent}")
            status[ent] = values[0]
        elif kind == "alpha2":
            alpha2_override[ent] = values[0]
        elif kind == "display":
            display[ent] = values[0]
        elif kind in EXCUSE_KINDS:
            for lg in langs_of(lang):
                excuses[(ent, lg, EXCUSE_KINDS[kind])] = values[0]

    unknown = {ent for _, ent, *_ in manual} - set(status)
    if unknown:
        raise BuildError(f"entities used without a status line: {sorted(unknown)}")

    cldr = {lg: Locale.parse(lg).territories for lg in LANGS}
    fr_iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])

    # (lang, entity) -> {alias: (kind, source)}
    table: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    declared: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (ent, lang, kind) -> aliases

    def put(lang: str, ent: str, alias: str, kind: str, source: str) -> None:
        alias = norm_text(alias)
        if not alias:
            return
        declared[(ent, lang, kind)].add(alias)
        cur = table[(lang, ent)].get(alias)
        if cur is None or KIND_PRIORITY[kind] < KIND_PRIORITY[cur[0]]:
            table[(lang, ent)][alias] = (kind, source)

    entities = []
    for ent in sorted(status):
        country = pycountry.countries.get(alpha_3=ent)
        a2 = alpha2_override.get(ent) or (country.alpha_2 if country else None)
        if not a2:
            raise BuildError(f"{ent}: no alpha-2 code (add an alpha2 line)")
        if country and ent in alpha2_override and alpha2_override[ent] != country.alpha_2:
            raise BuildError(f"{ent}: alpha2 override disagrees with pycountry")
        names = {}
        for lg in LANGS:
            cl = cldr[lg].get(a2)
            if not cl:
                raise BuildError(f"{ent}: CLDR has no {lg} name for {a2}")
            names[lg] = clean_cldr(cl, lg)
            for a in names[lg]:
                put(lg, ent, a, "name", "cldr")
        if country:
            iso_en = [getattr(country, f, None) for f in ("name", "official_name", "common_name")]
            for v in filter(None, iso_en):
                # "Korea, Republic of" style inverted names are useless as aliases
                if "," in v:
                    continue
                for a in clean_cldr(v, "en"):
                    put("en", ent, a, "name", "iso")
                fr_v = fr_iso.gettext(v)
                if fr_v != v and "," not in fr_v:
                    for a in clean_cldr(fr_v, "fr"):
                        put("fr", ent, a, "name", "iso")
        disp = display.get(ent) or names["en"][0]
        entities.append(
            {"id": ent, "kind": "country", "country": ent, "name": disp,
             "un_member": status[ent] == "un_member"}
        )

    # manual aliases, then removals
    drops = []
    for n, ent, lang, kind, values in manual:
        if kind in ALIAS_KINDS:
            for lg in langs_of(lang):
                for v in values:
                    forms = expand_fr_adjective(v) if (lg == "fr" and kind == "adjective") else [v]
                    if lg != "fr" and v.endswith("*"):
                        raise BuildError(f"line {n}: '*' shorthand is French-only: {v!r}")
                    for f in forms:
                        put(lg, ent, f, kind, f"manual:{n}")
        elif kind == "drop":
            drops.append((n, ent, lang, values))
    for n, ent, lang, values in drops:
        for lg in langs_of(lang):
            for v in values:
                if v not in table[(lg, ent)]:
                    raise BuildError(f"line {n}: drop of {v!r} ({lg}, {ent}) removes nothing")
                del table[(lg, ent)][v]
                for k in ALIAS_KINDS:
                    declared[(ent, lg, k)].discard(v)

    rows = {lg: [] for lg in LANGS}
    for (lg, ent), aliases in table.items():
        for alias, (kind, _src) in aliases.items():
            rows[lg].append((ent, kind, alias))
    for lg in LANGS:
        rows[lg].sort(key=lambda r: (r[0], KIND_PRIORITY[r[1]], r[2].casefold(), r[2]))
    return entities, rows, status, declared, excuses


# --------------------------------------------------------------------------
# checks


def check(entities, rows, status, declared, excuses):
    errors: list[str] = []
    warnings: list[str] = []

    n_un = sum(1 for s in status.values() if s == "un_member")
    if n_un != 193:
        errors.append(f"expected 193 UN members in the manual table, found {n_un}")
    n_obs = sum(1 for s in status.values() if s == "observer")
    if n_obs != 2:
        errors.append(f"expected 2 UN observer states, found {n_obs}")

    for lg in LANGS:
        # 1. exact duplicates across entities
        by_alias: dict[str, set[str]] = defaultdict(set)
        for ent, _kind, alias in rows[lg]:
            by_alias[alias].add(ent)
        for alias, ents in sorted(by_alias.items()):
            if len(ents) > 1:
                errors.append(f"[{lg}] alias {alias!r} points to several entities: {sorted(ents)}")
        # 2. clashes through the variants the matcher derives: accent-free
        #    forms, and case-insensitive matching of all-lowercase aliases
        by_ci: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for ent, _kind, alias in rows[lg]:
            by_ci[strip_accents(alias).casefold()].append((alias, ent))
        for _key, items in sorted(by_ci.items()):
            for i, (a1, e1) in enumerate(items):
                for a2, e2 in items[i + 1:]:
                    if e1 == e2 or a1 == a2:
                        continue
                    if is_lower(a1) or is_lower(a2) or strip_accents(a1) == strip_accents(a2):
                        errors.append(f"[{lg}] {a1!r} ({e1}) and {a2!r} ({e2}) match the same text")
        # 3. lints
        for ent, kind, alias in rows[lg]:
            if "\t" in alias or "\u2019" in alias:
                errors.append(f"[{lg}] bad character in {alias!r}")
            if alias not in ARTICLE_OK and ARTICLE_RE[lg].match(alias):
                warnings.append(f"[{lg}] {ent} {kind} {alias!r} starts with an article")
            if lg == "en" and is_lower(alias):
                warnings.append(f"[en] {ent} {kind} {alias!r} is all-lowercase (case-insensitive match)")

    # 4. coverage of UN members
    present: dict[tuple[str, str], set[str]] = defaultdict(set)  # (ent, lang) -> aliases in output
    kinds_present: dict[tuple[str, str], set[str]] = defaultdict(set)
    for lg in LANGS:
        for ent, kind, alias in rows[lg]:
            present[(ent, lg)].add(alias)
            kinds_present[(ent, lg)].add(kind)
    missing = []
    excused = []
    for ent, st in sorted(status.items()):
        if st != "un_member":
            continue
        for lg in LANGS:
            for need in ("name", "adjective", "capital"):
                ok = need in kinds_present[(ent, lg)] or bool(
                    declared[(ent, lg, need)] & present[(ent, lg)]
                )
                if ok:
                    if (ent, lg, need) in excuses:
                        warnings.append(f"{ent} [{lg}] has a {need} but is excused: drop the excuse line")
                    continue
                if (ent, lg, need) in excuses:
                    excused.append(f"{ent} [{lg}] {need}: {excuses[(ent, lg, need)]}")
                else:
                    missing.append(f"{ent} [{lg}] {need}")
    for m in missing:
        errors.append(f"UN member missing alias: {m}")
    return errors, warnings, missing, excused


# --------------------------------------------------------------------------
# output


def render(entities, rows) -> dict[Path, str]:
    files = {}
    files[OUT_ENTITIES] = "".join(
        json.dumps(e, ensure_ascii=False) + "\n" for e in sorted(entities, key=lambda e: e["id"])
    )
    for lg in LANGS:
        files[OUT_ALIASES[lg]] = "entity\tkind\talias\n" + "".join(
            f"{ent}\t{kind}\t{alias}\n" for ent, kind, alias in rows[lg]
        )
    return files


def summary(entities, rows, status, missing, excused, warnings) -> str:
    out = []
    st = Counter(status.values())
    out.append(
        f"entities: {len(entities)} ({st['un_member']} UN members, "
        f"{st['observer']} observers, {st['territory']} other territories)"
    )
    for lg in LANGS:
        c = Counter(kind for _, kind, _ in rows[lg])
        per = ", ".join(f"{k}={c.get(k, 0)}" for k in ALIAS_KINDS)
        out.append(f"aliases [{lg}]: {len(rows[lg])} ({per})")
    out.append(f"UN members missing name/adjective/capital: {len(missing)}")
    for m in missing:
        out.append(f"  MISSING {m}")
    if excused:
        out.append(f"documented gaps (excused in the manual table): {len(excused)}")
        for e in excused:
            out.append(f"  {e}")
    if warnings:
        out.append(f"warnings: {len(warnings)}")
        for w in warnings:
            out.append(f"  {w}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="verify that the committed files are up to date; write nothing")
    args = ap.parse_args(argv)
    try:
        entities, rows, status, declared, excuses = build()
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    errors, warnings, missing, excused = check(entities, rows, status, declared, excuses)
    print(summary(entities, rows, status, missing, excused, warnings))
    if refuse_on_errors(errors):
        return 1
    return write_or_check(render(entities, rows), ROOT, args.check)


if __name__ == "__main__":
    sys.exit(main())
