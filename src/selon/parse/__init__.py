"""Parsing: one spaCy pipeline per language, loaded once, fed paragraph by paragraph."""

from selon.parse.models import Paragraph, ParsedArticle, Parsers

__all__ = ["Paragraph", "ParsedArticle", "Parsers"]
