"""A page's metadata: headline, publication date, site name, URL and standfirst.

Read from what the page states, most explicit first: the visible headline (`<h1>`) when it is
the one the meta tags describe, then meta tags (Open Graph, Twitter, Dublin Core, Parse.ly),
JSON-LD, and the visible byline. `<html lang>` is not read: pages declare it wrongly often
enough that the language is detected on the text instead.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from lxml.html import HtmlElement

from selon.clean.boilerplate import line_key
from selon.errors import DataError

# Publication dates in meta tags, most specific first. Modification dates are left out: an
# article keeps the date it was published on.
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "article:published",
    "published_time", "datepublished", "og:published_time", "article.published",
    "parsely-pub-date", "sailthru.date", "publish-date", "publishdate", "pubdate",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
)
_TITLE_KEYS = ("og:title", "twitter:title", "parsely-title", "sailthru.title", "title", "headline",
               "dc.title")
_SITE_KEYS = ("og:site_name", "application-name")
_DESCRIPTION_KEYS = ("og:description", "description", "twitter:description")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report|Posting", re.IGNORECASE)
# Titles join the headline and the site ("Headline - Outlet", "Headline | Section | Outlet").
# A colon is not one: "Affaire KPMG : un juge se récuse" is one headline.
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·-]{1,2}\s+")
# A trailing part of a <title> this short is a section or the outlet, not part of the headline.
_MAX_SUFFIX_WORDS = 4
# A visible headline is the article's when it shares this much with a meta title (Dice over
# word sets): enough for "Julian Assange: Sweden drops rape investigation" against "Sweden
# drops Assange rape investigation", not for a site logo in an <h1>.
_MIN_HEADLINE_MATCH = 0.5
_MAX_HEADLINE = 300
_WORD = re.compile(r"\w+")
_BYLINE = re.compile(r"author|byline|auteur|signature|dateline|article[-_]?(meta|info)|"
                     r"post[-_]?meta|entry[-_]?meta|publish|pubdate|(?<![a-z])date", re.IGNORECASE)
# Reader comments carry authors and dates too, and come after the article.
_COMMENTS = re.compile(r"comment|forum|reply|respon|reaction", re.IGNORECASE)
_MAX_BYLINE = 300


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, from explicit metadata or the byline
    site: str | None = None
    url: str | None = None
    description: str | None = None


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Meta values by lower-case key (property, name or itemprop), in page order."""
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        # Some saved pages were re-serialised with `value=` in place of `content=`.
        value = _clean(meta.get("content") or meta.get("value"))
        if key and value:
            found.setdefault(key.strip().lower(), []).append(value)
    return found


def _json_objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _json_objects(item)
    elif isinstance(value, dict):
        yield value
        yield from _json_objects(value.get("@graph"))


def json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """The JSON-LD objects of the page, articles first; broken blocks are skipped."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            objects.extend(_json_objects(json.loads(script.text or "")))
        except ValueError:
            continue  # invalid JSON-LD is common; the meta tags usually say the same

    def is_article(obj: dict[str, Any]) -> bool:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        return any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds)

    return sorted(objects, key=lambda obj: not is_article(obj))


def _ld_string(objects: list[dict[str, Any]], key: str) -> str | None:
    for obj in objects:
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return _clean(value)
    return None


# --- dates ------------------------------------------------------------------------------------

@cache
def month_names() -> dict[str, int]:
    """Month names of every language with a `values.toml`, without accents, lower case."""
    names: dict[str, int] = {}
    root = resources.files("selon").joinpath("lang")
    for folder in root.iterdir():
        source = folder.joinpath("values.toml")
        if not source.is_file():
            continue
        try:
            months = tomllib.loads(source.read_text(encoding="utf-8")).get("months", {})
        except tomllib.TOMLDecodeError as error:
            raise DataError(f"lang/{folder.name}/values.toml: {error}") from error
        names.update({line_key(name): number for name, number in months.items()})
    return names


def _month(word: str) -> int | None:
    """A month name or an unambiguous abbreviation of one ("sept", "janv", "Nov")."""
    key = line_key(word)
    names = month_names()
    if key in names:
        return names[key]
    if len(key) < 3:
        return None
    numbers = {n for name, n in names.items() if name.startswith(key)}
    return numbers.pop() if len(numbers) == 1 else None


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T|$)")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:er|st|nd|rd|th)?\.?\s+([^\W\d_]{3,}\.?),?\s+(\d{4})\b")
_MONTH_DAY = re.compile(r"\b([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def iso_day(value: str) -> str | None:
    """The YYYY-MM-DD of a machine-readable date ("2019-11-19T10:00:00Z", "20191119")."""
    value = value.strip()
    match = _ISO.match(value) or _COMPACT.match(value)
    if match is None:
        return None
    return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def date_in_text(text: str) -> str | None:
    """The first date written out in a line of text: "30 septembre 2018", "Nov. 19, 2019",
    "17/02/2020" (numbers only when day and month cannot be swapped), "2019-11-19"."""
    found: list[tuple[int, str]] = []
    for match in _ISO.finditer(text):
        day = _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day:
            found.append((match.start(), day))
    for match in _NUMERIC.finditer(text):
        first, second, year = (int(g) for g in match.groups())
        # 05/04/2013 is April in Paris and May in New York: only an unambiguous order is read.
        if first > 12 >= second:
            day = _day(year, second, first)
        elif second > 12 >= first:
            day = _day(year, first, second)
        else:
            day = _day(year, first, second) if first == second else None
        if day:
            found.append((match.start(), day))
    for match in _DAY_MONTH.finditer(text):
        month = _month(match.group(2).rstrip("."))
        day = _day(int(match.group(3)), month, int(match.group(1))) if month else None
        if day:
            found.append((match.start(), day))
    for match in _MONTH_DAY.finditer(text):
        month = _month(match.group(1))
        day = _day(int(match.group(3)), month, int(match.group(2))) if month else None
        if day:
            found.append((match.start(), day))
    return min(found)[1] if found else None


def _marks(element: HtmlElement) -> str:
    return " ".join(element.get(a) or "" for a in ("class", "id", "rel", "itemprop"))


def _in_comments(element: HtmlElement) -> bool:
    return any(_COMMENTS.search(_marks(e)) for e in element.iterancestors()) or bool(
        _COMMENTS.search(_marks(element)))


def byline_date(tree: HtmlElement) -> str | None:
    """The first date in the page's byline: the author or date element and its short parents."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("meta", "script", "style", "head"):
            continue
        if not _BYLINE.search(_marks(element)) or _in_comments(element):
            continue
        parent = element.getparent()
        for container in (element, parent, parent.getparent() if parent is not None else None):
            if container is None:
                break
            for value in (container.get("datetime"), container.get("title")):
                if value and (day := iso_day(value)):
                    return day
            text = _clean(container.text_content())
            if len(text) > _MAX_BYLINE:
                break
            if day := date_in_text(text):
                return day
    return None


def published_date(tags: dict[str, list[str]], objects: list[dict[str, Any]],
                   tree: HtmlElement) -> str | None:
    """The publication date the page states: meta tags, JSON-LD, itemprop, then the byline."""
    for key in _DATE_KEYS:
        for value in tags.get(key, []):
            if day := iso_day(value):
                return day
    for obj in objects:
        published = obj.get("datePublished")
        if isinstance(published, str) and (day := iso_day(published)):
            return day
    for element in tree.iterfind(".//*[@itemprop='datePublished']"):
        stated = element.get("datetime") or element.get("content") or element.text_content()
        if stated and (day := iso_day(stated) or date_in_text(stated)):
            return day
    return byline_date(tree)


# --- title ------------------------------------------------------------------------------------

def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _dice(one: str, other: str) -> float:
    a, b = _words(one), _words(other)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def strip_site(title: str, site: str | None) -> str:
    """"Headline - Section | Outlet" to "Headline": short trailing parts and the outlet go."""
    parts = _TITLE_SEPARATORS.split(title)
    site_words = _words(site or "")
    while len(parts) > 1 and (len(parts[-1].split()) <= _MAX_SUFFIX_WORDS
                              or _words(parts[-1]) <= site_words):
        parts.pop()
    while len(parts) > 1 and site_words and _words(parts[0]) <= site_words:
        parts.pop(0)
    if len(parts) == 1:
        return parts[0]
    # A separator inside the headline itself ("Brexit: the deal"): keep the joined parts.
    start = title.index(parts[0])
    end = title.index(parts[-1], start) + len(parts[-1])
    return title[start:end]


def headline(tree: HtmlElement, titles: list[str]) -> str | None:
    """The visible <h1> that the meta titles describe: pages often shorten the title for
    search engines and social networks, while the reader sees the <h1>."""
    best, best_score = None, 0.0
    for h1 in tree.iter("h1"):
        text = _clean(h1.text_content())
        if not text or len(text) > _MAX_HEADLINE:
            continue
        score = max((_dice(text, t) for t in titles), default=0.0)
        if score > best_score:
            best, best_score = text, score
    return best if best_score >= _MIN_HEADLINE_MATCH else None


def _title_candidates(tags: dict[str, list[str]], objects: list[dict[str, Any]],
                      tree: HtmlElement) -> list[str]:
    titles = [v for key in _TITLE_KEYS for v in tags.get(key, [])[:1]]
    if ld_title := _ld_string(objects, "headline"):
        titles.append(ld_title)
    for element in tree.iter("title"):
        # The <title> of the head, not the <title> of an inline SVG icon.
        if element.getparent() is not None and element.getparent().tag == "head":
            titles.append(_clean(element.text_content()))
    return [t for t in titles if t]


# --- the page ---------------------------------------------------------------------------------

def _absolute(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


def read_metadata(tree: HtmlElement) -> PageMeta:
    """What the page says about itself. Fields it does not state are None."""
    tags = meta_tags(tree)
    objects = json_ld(tree)
    # The article's publisher before the site name: some sites put a section there ("U.S.").
    publishers = [o["publisher"] for o in objects if isinstance(o.get("publisher"), dict)]
    site = _ld_string(publishers, "name") or next(
        (v for key in _SITE_KEYS for v in tags.get(key, [])[:1]), None)
    titles = _title_candidates(tags, objects, tree)
    title = headline(tree, titles) or (strip_site(titles[0], site) if titles else None)
    canonical = next((link.get("href") for link in tree.iter("link")
                      if (link.get("rel") or "").lower() == "canonical"), None)
    url = _absolute(canonical) or _absolute(next(iter(tags.get("og:url", [])), None))
    description = next((v for key in _DESCRIPTION_KEYS for v in tags.get(key, [])[:1]), None)
    return PageMeta(
        title=title,
        date=published_date(tags, objects, tree),
        site=site,
        url=url,
        description=description or _ld_string(objects, "description"),
    )
