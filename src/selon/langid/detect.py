"""lingua over a short list of languages: the supported ones and the commonest others."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from selon.errors import SelonError, UnsupportedLanguage


def _language(code: str) -> Language:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except AttributeError:
        raise SelonError(f"unknown ISO 639-1 language code {code!r}") from None


class LanguageDetector:
    """Detects the language of an article; refuses those selon has no models for."""

    def __init__(self, supported: tuple[str, ...], detect_among: tuple[str, ...]) -> None:
        self.supported = supported
        self.candidates = tuple(dict.fromkeys((*supported, *detect_among)))

    @cached_property
    def _detector(self) -> Any:
        languages = [_language(code) for code in self.candidates]
        return LanguageDetectorBuilder.from_languages(*languages).build()

    def refuse(self, lang: str) -> UnsupportedLanguage:
        return UnsupportedLanguage(
            f"language {lang!r} is not supported (supported: {', '.join(self.supported)})"
        )

    def detect(self, text: str, declared: str | None = None) -> str:
        """The article's language code; a declared `lang` wins over detection."""
        if declared:
            lang = declared.lower().split("-")[0]
        else:
            found = self._detector.detect_language_of(text[:5000])
            if found is None:
                raise UnsupportedLanguage("language could not be identified")
            lang = found.iso_code_639_1.name.lower()
        if lang not in self.supported:
            raise self.refuse(lang)
        return lang
