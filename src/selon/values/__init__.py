"""Values read from text: dates (and, later, numbers, money and quantities)."""

from selon.values.dates import DateFinder, TimeExpression, load_date_finder

__all__ = ["DateFinder", "TimeExpression", "load_date_finder"]
