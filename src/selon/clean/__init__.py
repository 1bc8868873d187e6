"""Cleaning: Unicode and whitespace normalisation, then boilerplate lines out."""

from selon.clean.boilerplate import Boilerplate, load_boilerplate
from selon.clean.normalize import content_hash, normalize_text, paragraphs

__all__ = ["Boilerplate", "content_hash", "load_boilerplate", "normalize_text", "paragraphs"]
