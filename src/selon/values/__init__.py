"""Values read from text: dates, and numbers with their units (money, rates, counted things)."""

from selon.values.dates import DateFinder, TimeExpression, load_date_finder
from selon.values.quantities import FoundQuantity, QuantityFinder, load_quantity_finder

__all__ = ["DateFinder", "FoundQuantity", "QuantityFinder", "TimeExpression", "load_date_finder",
           "load_quantity_finder"]
