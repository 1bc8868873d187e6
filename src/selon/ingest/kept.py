"""What selon keeps of a document: the article as read, after the clean stage.

This is the text the parser would see, with the metadata the store would hold. A document in
a language selon cannot code is still shown, with the language detected and the reason it
would be skipped, so that a user can see why no event came out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from selon.errors import SelonError, UnsupportedLanguage
from selon.langid import LanguageDetector
from selon.records import Article, DocumentError

if TYPE_CHECKING:  # the pipeline reads documents through this package: no import at run time
    from selon.pipeline import Pipeline


@dataclass(frozen=True)
class Kept:
    article: Article  # cleaned text, metadata, detected language
    skipped_because: str | None = None  # why the pipeline would not code it


class Keeper:
    """Runs the stages before the parse, as `selon extract` does, and keeps what they give."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self._any_language: LanguageDetector | None = None

    def detect_any(self, text: str) -> str | None:
        """The language among all the detector knows, supported or not."""
        if self._any_language is None:
            settings = self.pipeline.settings
            known = tuple(dict.fromkeys((*settings.languages, *settings.detect_among)))
            self._any_language = LanguageDetector(known, ())
        try:
            return self._any_language.detect(text)
        except UnsupportedLanguage:
            return None

    def keep(self, article: Article) -> Kept:
        """Raises SelonError for a document with no text left after cleaning."""
        try:
            return Kept(self.pipeline.prepare(article))
        except UnsupportedLanguage as refusal:
            # Cleaning does not depend on the language: clean it as a supported one to show
            # the text, then say which language it is.
            supported = replace(article, lang=self.pipeline.settings.languages[0])
            cleaned = self.pipeline.prepare(supported)
            return Kept(replace(cleaned, lang=self.detect_any(cleaned.text)), str(refusal))


def keep_all(items: Iterable[Article | DocumentError],
             keeper: Keeper) -> Iterator[Kept | DocumentError]:
    """Each document kept, or the reason it could not be: the others go on."""
    for item in items:
        if isinstance(item, DocumentError):
            yield item
            continue
        try:
            yield keeper.keep(item)
        except SelonError as error:
            yield DocumentError(item.origin or item.id, str(error))
