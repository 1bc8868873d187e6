"""Quantities ("107.000 barils par jour", "$1.5 billion", "une dizaine de drones"): a number,
what multiplies it, and the currency, unit or counted noun that says what it counts.

The words are data (`lang/<lang>/values.toml`); this module holds only the shape of a quantity:

    [hedge] [currency symbol] NUMBER [multiplier] [link] (currency | unit | [≤2 words] noun) [rate]

A number needs a currency, a unit or a counted noun to be kept, unless a multiplier of a million
or more makes it an amount on its own ("4.7 million"). Years, dates, times of day, ordinals and
numbers inside codes or names ("F-16", "G7", "Mirage 2000") are not quantities.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from selon.errors import DataError
from selon.records import Quantity

_MAX_DIGITS = 18  # a longer run of digits is an identifier, not an amount
_KEEP_BARE = 1_000_000  # "4.7 million" is an amount even with nothing after it
_MAX_WORDS = 12  # number words in one number, at most
_MAX_GAP = 2  # words allowed between a number and its counted noun: "12 Iskander missiles"
# A digit glued after a letter, a hyphen or a slash belongs to a code: "M4", "F-16", "KN-23", "24/7".
_BEFORE_DIGITS = r"(?<![\w.,/\-–])"
_SENTENCE_END = ".!?:;«»\"“”()[]\n—–-"
_NEVER = r"(?!x)x"


@dataclass(frozen=True)
class FoundQuantity:
    start: int  # character offsets in the searched text
    end: int
    quantity: Quantity


@dataclass(frozen=True)
class _Unit:
    name: str
    factor: int = 1


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: Decimal
    article: bool  # "un", "a": one only before a multiplier ("un million"), else no number
    digits: bool


@dataclass(frozen=True)
class _Step:
    end: int
    value: Any
    word: str  # the text matched, as written


def _norm(text: str) -> str:
    """The lookup form of a word or phrase: case-folded, single spaces, straight apostrophes."""
    return " ".join(text.replace("’", "'").casefold().split())


def _alternation(keys: Iterable[str]) -> str:
    """A pattern for any of `keys`, longest first. Spaces match any run of whitespace, an
    apostrophe either form; a key ending in a letter or digit must end a word."""
    patterns = []
    for key in sorted(set(keys), key=len, reverse=True):
        pattern = r"\s+".join(re.escape(part) for part in key.split()).replace("'", "['’]")
        patterns.append(pattern + (r"(?!\w)" if key[-1].isalnum() else ""))
    return "|".join(patterns) or _NEVER


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _table(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise DataError(f"[{name}] is missing or is not a table")
    return table


def _lookup(data: Mapping[str, Any], name: str, kind: type) -> dict[str, Any]:
    """A table whose values are all of `kind`, keyed by the lookup form of its keys."""
    table: dict[str, Any] = {}
    for key, value in _table(data, name).items():
        if not key.strip() or not isinstance(value, kind) or isinstance(value, bool):
            raise DataError(f"[{name}] {key!r} = {value!r}: expected a {kind.__name__}")
        if isinstance(value, int) and value < 0:
            raise DataError(f"[{name}] {key!r} = {value!r}: expected a number not below zero")
        if table.setdefault(_norm(key), value) != value:
            raise DataError(f"[{name}] {key!r} is given two different values")
    return table


def _units(data: Mapping[str, Any]) -> dict[str, _Unit]:
    units: dict[str, _Unit] = {}
    for key, value in _table(data, "units").items():
        if isinstance(value, str):
            units[_norm(key)] = _Unit(value)
        elif (isinstance(value, dict) and isinstance(value.get("unit"), str)
              and isinstance(value.get("factor"), int) and value["factor"] > 0):
            units[_norm(key)] = _Unit(value["unit"], value["factor"])
        else:
            raise DataError(f"[units] {key!r} = {value!r}: expected a unit, or {{ unit, factor }}")
    return units


def _words(settings: Mapping[str, Any], name: str) -> list[str]:
    words = settings.get(name)
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataError(f"[quantities] {name} must be a list of words")
    return words


class QuantityFinder:
    """Finds the quantities of one language, from its `values.toml` tables."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.numbers: dict[str, int] = _lookup(data, "numbers", int)
        self.multipliers: dict[str, int] = _lookup(data, "multipliers", int)
        self.money_multipliers: dict[str, int] = _lookup(data, "money_multipliers", int)
        currencies: dict[str, str] = _lookup(data, "currencies", str)
        self.currencies = {key: _Unit(code) for key, code in currencies.items()}
        self.units = _units(data)
        self.counted = {key: _Unit(name) for key, name in _lookup(data, "counted", str).items()}
        self.rates: dict[str, str] = _lookup(data, "rates", str)
        settings = _table(data, "quantities")
        decimal = settings.get("decimal_mark")
        if not isinstance(decimal, str) or len(decimal) != 1:
            raise DataError("[quantities] decimal_mark must be one character")
        marks = settings.get("thousands_marks", [])
        if not isinstance(marks, list) or any(not isinstance(mark, str) or len(mark) != 1 or mark == decimal
                                              for mark in marks):
            raise DataError("[quantities] thousands_marks must be single characters, not the decimal mark")
        self.decimal = decimal
        self.articles = {_norm(w) for w in _words(settings, "articles")}
        self.joiners = {_norm(w) for w in _words(settings, "joiners")}
        self.breaks = {_norm(w) for w in _words(settings, "breaks")}
        hedges = _words(settings, "hedges")
        months, weekdays = list(_table(data, "months")), list(_table(data, "weekdays"))
        # A capitalised word before a number makes it part of a name ("Mirage 2000"), unless
        # it is one of these.
        self._common = ({_norm(w) for w in [*hedges, *months, *weekdays, *_words(settings, "year_words")]}
                        | self.numbers.keys() | self.articles | self.breaks)

        spaces = "".join(mark for mark in marks if mark.isspace())
        groups = [re.escape(mark) for mark in marks if not mark.isspace()]
        groups += [f"[{spaces}]"] if spaces else []
        fraction = rf"(?:{re.escape(decimal)}[0-9]+)?"
        grouped = "".join(rf"[0-9]{{1,3}}(?:{mark}[0-9]{{3}})+{fraction}|" for mark in groups)
        digits = rf"{_BEFORE_DIGITS}(?:{grouped}[0-9]+{fraction})(?![0-9])"
        word = _alternation([*self.numbers, *self.articles])
        joiner = _alternation(self.joiners)
        # A number in words has a handful of them ("quatre-vingt-dix-sept mille neuf cent…"); the
        # bound keeps a long run of number words from being matched again after each one.
        words = (rf"(?<![\w\-])(?:{word})"
                 rf"(?:(?:-|\s+|\s+(?:{joiner})\s+|-(?:{joiner})-)(?:{word})){{0,{_MAX_WORDS - 1}}}")
        self._number = re.compile(rf"(?P<digits>{digits})|(?P<words>{words})", re.I)
        self._word = re.compile(rf"(?<!\w)(?:{word}|{joiner})", re.I)

        def step(keys: Iterable[str]) -> re.Pattern[str]:
            return re.compile(rf"\s*(?P<key>{_alternation(keys)})", re.I)

        self._multiplier = step(_table(data, "multipliers"))
        self._money_multiplier = step(_table(data, "money_multipliers"))
        self._currency = step(_table(data, "currencies"))
        self._unit = step(_table(data, "units"))
        self._noun = step(_table(data, "counted"))
        self._rate = step(_table(data, "rates"))
        self._link = re.compile(rf"\s*(?:{_alternation(_words(settings, 'links'))})\s*", re.I)
        self._gap = re.compile(r"\s+(?P<key>[^\W\d_]+(?:-[^\W\d_]+)*)(?![\w'’])")
        symbols = [key for key in _table(data, "currencies")
                   if any(not (ch.isalnum() or ch in " .'’") for ch in key)]
        self._symbol_before = re.compile(rf"(?<![^\W\d_])(?P<key>{_alternation(symbols)})\s?\Z", re.I)
        self._hedge_before = re.compile(rf"(?<![\w'’])(?P<key>{_alternation(hedges)})\s+\Z", re.I)
        self._word_before = re.compile(r"(?P<key>[^\W\d_][\w'’-]*)[ \u00a0\u202f]+\Z")
        self._not_quantities = self._date_patterns(settings, months, weekdays)

    @staticmethod
    def _date_patterns(settings: Mapping[str, Any], months: list[str],
                       weekdays: list[str]) -> list[tuple[tuple[str, ...], re.Pattern[str]]]:
        """Dates, years and times of day: their numbers are not quantities. Each pattern
        comes with the words one of which it needs (month or weekday names, in lowercase):
        a text with none of them is not searched with it."""
        month, weekday = _alternation(months), _alternation(weekdays)
        year_word = _alternation(_words(settings, "year_words"))
        clock = _alternation(_words(settings, "clock_words"))
        day = r"(?:1er|[0-3]?[0-9])"
        # "juin 2 000 soldats", "March 3,000 troops": a day is not the start of a larger number.
        alone = r"(?![0-9]|[ \u00a0\u202f.,][0-9]{3}(?![0-9]))"
        start = r"(?<![\w.,])"
        month_names = tuple(sorted({name.lower() for name in months}))
        weekday_names = tuple(sorted({name.lower() for name in weekdays}))
        return [(needs, re.compile(pattern, re.I)) for needs, pattern in (
            (month_names, rf"{start}{day}(?:er|e|st|nd|rd|th)?\s+(?:{month})"),
            (month_names,
             rf"{start}(?:{month})\.?\s+{day}(?:st|nd|rd|th)?{alone}(?:,?\s+[0-9]{{4}}(?![0-9]))?"),
            (month_names, rf"{start}(?:{month})\s+[0-9]{{4}}(?![0-9])"),
            (weekday_names, rf"{start}(?:{weekday})\s+{day}(?:er|st|nd|rd|th)?{alone}"),
            ((), rf"(?<!\w)(?:{year_word})\s+(?:1[89]|20)[0-9]{{2}}(?![0-9])"),
            ((), rf"{start}[0-9]{{1,2}}(?:[:h.][0-9]{{2}})?\s*(?:{clock})"),
            ((), rf"{start}[0-9]{{1,2}}:[0-9]{{2}}(?![0-9])"),
        )]

    def find(self, text: str) -> list[FoundQuantity]:
        """Every quantity in `text`, in order; they do not overlap."""
        found: list[FoundQuantity] = []
        excluded: list[tuple[int, int]] | None = None
        pos = floor = 0
        while (match := self._number.search(text, pos)) is not None:
            number = self._read(text, match)
            if number is None:
                pos = match.start() + 1
                continue
            pos = number.end
            if excluded is None:
                lowered = text.lower()
                excluded = [m.span() for needs, pattern in self._not_quantities
                            if not needs or any(word in lowered for word in needs)
                            for m in pattern.finditer(text)]
            if any(s < number.end and number.start < e for s, e in excluded):
                continue
            quantity = self._quantity(text, number, floor)
            if quantity is not None:
                found.append(quantity)
                pos = floor = quantity.end
        return found

    def _read(self, text: str, match: re.Match[str]) -> _Number | None:
        if match.group("digits") is not None:
            raw = match.group()
            if sum(ch.isdigit() for ch in raw) > _MAX_DIGITS:
                return None
            kept = "".join(ch for ch in raw if ch in "0123456789" or ch == self.decimal)
            return _Number(match.start(), match.end(), Decimal(kept.replace(self.decimal, ".")),
                           article=False, digits=True)
        return self._read_words(text, match.start(), match.end())

    def _read_words(self, text: str, start: int, end: int) -> _Number | None:
        """The value of number words, read as far as they make one number: "deux cent mille",
        "vingt et un", "one hundred and fifty"; "two three" stops after "two"."""
        first, read_end = start, start
        total = current = 0
        last: int | None = None  # value of the previous word
        article = joined = thousands = False
        for token in self._word.finditer(text, start, end):
            word = _norm(token.group())
            if word in self.joiners:
                if last is None or last < 20:  # "vingt et un", "hundred and five", not "deux et trois"
                    break
                joined = True
                continue
            if last is None and word in self.articles:
                first, read_end, last, article = token.start(), token.end(), 1, True
                continue
            value = self.numbers.get(word)
            if value is None:
                break
            if article:
                article = False
                if value not in (100, 1000):  # "a two-state solution": the article stands alone
                    first, last = token.start(), None
            if value == 100:
                if current >= 100 or joined:
                    break
                current = max(current, 1) * 100
            elif value == 1000:
                if thousands or joined:
                    break
                total, current, thousands = total + max(current, 1) * 1000, 0, True
            elif last is not None and value >= last:
                break
            else:
                current += value
            last, read_end, joined = value, token.end(), False
        if read_end == start:
            return None
        return _Number(first, read_end, Decimal(total + current if not article else 1),
                       article=article, digits=False)

    def _step(self, pattern: re.Pattern[str], table: Mapping[str, Any], text: str, pos: int,
              glued: bool) -> _Step | None:
        match = pattern.match(text, pos)
        if match is None or (glued and match.start("key") != pos):
            return None
        value = table.get(_norm(match.group("key")))
        return None if value is None else _Step(match.end(), value, match.group("key"))

    def _counted_noun(self, text: str, pos: int) -> _Step | None:
        """The counted noun right after `pos`, or after up to two other words."""
        for _ in range(_MAX_GAP + 1):
            noun = self._step(self._noun, self.counted, text, pos, False)
            if noun is not None:
                return noun
            gap = self._gap.match(text, pos)
            if gap is None:
                return None
            word = _norm(gap.group("key"))
            if word in self.breaks or word in self.numbers or word in self.articles:
                return None
            pos = gap.end()
        return None

    def _quantity(self, text: str, number: _Number, floor: int) -> FoundQuantity | None:
        pos = number.end
        following = text[pos : pos + 2]
        # "155mm", "$3bn", "155-mm" are read on; "1er", "2e", "16th", "5G", "20-year-old" are not.
        glued = following[:1].isalpha() or (following[:1] == "-" and following[1:].isalpha())
        if glued and following[:1] == "-":
            pos += 1

        symbol = self._symbol_before.search(text, max(floor, number.start - 8), number.start)
        currency: _Unit | None = None
        if symbol is not None and symbol.start() >= floor:
            currency = self.currencies.get(_norm(symbol.group("key")))

        multiplier = 0
        found = self._step(self._multiplier, self.multipliers, text, pos, glued)
        if found is None:
            money = self._step(self._money_multiplier, self.money_multipliers, text, pos, glued)
            if money is not None and (currency is not None
                                      or self._step(self._currency, self.currencies, text, money.end, False)):
                found = money
        if found is not None:
            pos, multiplier, glued = found.end, found.value, False
        if number.article and not multiplier:
            return None

        starts = [pos]
        link = self._link.match(text, pos)
        if link is not None:
            starts.insert(0, link.end())
        unit: _Unit | None = currency
        word = ""
        if unit is None:
            for at in starts:
                kinds = ((self._currency, self.currencies), (self._unit, self.units))
                for pattern, table in kinds:
                    found = self._step(pattern, table, text, at, glued)
                    if found is not None:
                        break
                else:
                    found = None if glued else self._counted_noun(text, at)
                if found is not None:
                    pos, unit, word, glued = found.end, found.value, found.word, False
                    break
        if glued:
            return None

        if unit is not None:
            name = unit.name
            rate = self._step(self._rate, self.rates, text, pos, False)
            if rate is not None and "/" not in name:
                pos, name = rate.end, name + rate.value
        elif multiplier >= _KEEP_BARE:
            name = ""
        else:
            return None

        if number.digits and currency is None and self._in_name(text, number, word):
            return None
        start = symbol.start() if currency is not None and symbol is not None else number.start
        hedge = self._hedge_before.search(text, max(floor, start - 30), start)
        if hedge is not None and hedge.start() >= floor:
            start = hedge.start()
        value = number.value * (multiplier or 1) * (unit.factor if unit is not None else 1)
        return FoundQuantity(start, pos, Quantity(_plain(value), name, text[start:pos]))

    def _in_name(self, text: str, number: _Number, unit_word: str) -> bool:
        """Whether `number` belongs to a name: "Ground Master 200 radars", "Leopard 2 tanks".
        A capitalised word right before a plain integer says so, unless that word opens the
        sentence or is a possessive ("Russia's 300 drones"), or the unit is capitalised too
        ("Russia Fires 300 Drones" is a headline)."""
        if not text[number.start : number.end].isdigit():  # "150,000", "2.5": amounts, not models
            return False
        before = text[max(0, number.start - 80) : number.start]
        previous = self._word_before.search(before)
        if previous is None:
            return False
        word = previous.group("key")
        if (not word[0].isupper() or _norm(word) in self._common
                or _norm(word).endswith(("'s", "s'", "'"))):
            return False
        head = before[: previous.start()].rstrip()
        if not head or head[-1] in _SENTENCE_END:
            return False
        return not unit_word[:1].isupper()


@cache
def load_quantity_finder(lang: str) -> QuantityFinder:
    source = resources.files("selon").joinpath(f"lang/{lang}/values.toml")
    try:
        return QuantityFinder(tomllib.loads(source.read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError, DataError) as error:
        raise DataError(f"lang/{lang}/values.toml: {error}") from error
