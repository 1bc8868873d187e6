"""Time expressions ("en octobre", "on Thursday", "le 16 février 2025", "last year"),
resolved against the publication date and kept at the precision the text gives."""

from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from selon.errors import DataError


@dataclass(frozen=True)
class TimeExpression:
    start: int  # character offsets in the searched text
    end: int
    text: str
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def _latest_month(published: date, month: int) -> int:
    """The year of the latest `month` not after publication (news reports the past)."""
    return published.year if month <= published.month else published.year - 1


def _latest_weekday(published: date, weekday: int) -> date:
    return published - timedelta(days=(published.weekday() - weekday) % 7)


# The patterns that read a month name.
MONTH_KINDS = frozenset({"day_month_year", "month_day_year", "month_year", "day_month", "month_day",
                         "month"})


class DateFinder:
    """Finds and resolves the time expressions of one language."""

    def __init__(self, months: dict[str, int], weekdays: dict[str, int],
                 relative: dict[str, dict[str, object]]) -> None:
        self.months = months
        self.weekdays = weekdays
        self.relative = relative
        month = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
        weekday = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))
        rel = "|".join(sorted(map(re.escape, relative), key=len, reverse=True)).replace("'", "['’]")
        day = r"(?:1er|[0-3]?\d)"
        self._patterns: list[tuple[str, re.Pattern[str]]] = [
            ("day_month_year", re.compile(rf"\b(?P<d>{day})\s+(?P<m>{month})\s+(?P<y>\d{{4}})\b", re.I)),
            ("month_day_year", re.compile(rf"\b(?P<m>{month})\s+(?P<d>[0-3]?\d),?\s+(?P<y>\d{{4}})\b", re.I)),
            ("month_year", re.compile(rf"\b(?P<m>{month})\s+(?P<y>\d{{4}})\b", re.I)),
            ("day_month", re.compile(rf"\b(?P<d>{day})\s+(?P<m>{month})\b", re.I)),
            ("month_day", re.compile(rf"\b(?P<m>{month})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b", re.I)),
            ("month", re.compile(rf"\b(?P<m>{month})\b", re.I)),
            ("weekday", re.compile(rf"\b(?P<w>{weekday})\b", re.I)),
            ("relative", re.compile(rf"(?<!\w)(?P<r>{rel})(?!\w)", re.I)) if rel else None,  # type: ignore[list-item]
            ("year", re.compile(r"\b(?:en|in|since|depuis|of|de)\s+(?P<y>(?:19|20)\d{2})\b", re.I)),
        ]
        self._patterns = [p for p in self._patterns if p is not None]
        # Most sentences name no month: looking for any month name in the lowercased text (a
        # superset of where the patterns can match) spares them the six patterns that need one.
        self._month_names = tuple(sorted({name.lower() for name in months}))

    def _resolve(self, kind: str, match: re.Match[str], published: date | None) -> str | None:
        groups = match.groupdict()
        month = self.months.get((groups.get("m") or "").lower())
        year = int(groups["y"]) if groups.get("y") else None
        if kind in ("day_month_year", "month_day_year", "day_month", "month_day"):
            day_text = groups["d"].lower().replace("1er", "1")
            if month is None:
                return None
            if year is None:
                if published is None:
                    return None
                year = _latest_month(published, month)
            try:
                return date(year, month, int(day_text)).isoformat()
            except ValueError:
                return None
        if kind in ("month_year", "month"):
            if month is None:
                return None
            if year is None:
                if published is None:
                    return None
                year = _latest_month(published, month)
            return f"{year:04d}-{month:02d}"
        if kind == "year":
            return f"{year:04d}" if year else None
        if published is None:
            return None
        if kind == "weekday":
            return _latest_weekday(published, self.weekdays[groups["w"].lower()]).isoformat()
        rule = self.relative[groups["r"].lower().replace("’", "'")]
        if "days" in rule:
            shifted = published + timedelta(days=int(rule["days"]))  # type: ignore[call-overload]
            value = shifted.isoformat()
        elif "months" in rule:
            y, m = _shift_months(published, int(rule["months"]))  # type: ignore[call-overload]
            value = f"{y:04d}-{m:02d}-01"
        else:
            value = f"{published.year + int(rule['years']):04d}-01-01"  # type: ignore[call-overload]
        return value[: {"day": 10, "month": 7, "year": 4}[str(rule["precision"])]]

    def find(self, text: str, published: date | None) -> list[TimeExpression]:
        """Every time expression in `text`, longest first where they overlap."""
        found: list[TimeExpression] = []
        taken: list[tuple[int, int]] = []
        lowered = text.lower()
        named_month = any(name in lowered for name in self._month_names)
        for kind, pattern in self._patterns:
            if kind in MONTH_KINDS and not named_month:
                continue
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                # "May" the month or "may" the modal: a month name alone must be capitalised
                # in English and introduced by a preposition in French.
                if kind == "month" and not self._plausible_month(text, match):
                    continue
                value = self._resolve(kind, match, published)
                if value is None:
                    continue
                taken.append((start, end))
                found.append(TimeExpression(start, end, match.group(0), value))
        return sorted(found, key=lambda e: e.start)

    @staticmethod
    def _plausible_month(text: str, match: re.Match[str]) -> bool:
        before = text[: match.start()].rstrip().lower()
        word = match.group(0)
        previous = before.rsplit(None, 1)[-1] if before else ""
        prepositions = {"en", "in", "d'", "début", "fin", "mi-", "since", "depuis", "until",
                        "jusqu'en", "late", "early", "mid", "of", "de", "last", "dernier"}
        if previous in prepositions or previous.endswith(("d'", "d’")):
            return True
        return word[0].isupper() and word.lower() != "may"


def date_bounds(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day a date of any precision covers: "2025-10" is October."""
    if not value:
        return None, None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        day = date(parts[0], parts[1], parts[2])
        return day, day
    except ValueError:
        return None, None


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@cache
def load_date_finder(lang: str) -> DateFinder:
    source = resources.files("selon").joinpath(f"lang/{lang}/values.toml")
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
        return DateFinder(data["months"], data["weekdays"], data.get("relative", {}))
    except (OSError, tomllib.TOMLDecodeError, KeyError) as error:
        raise DataError(f"lang/{lang}/values.toml: {error}") from error
