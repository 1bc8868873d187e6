"""spaCy pipelines, loaded lazily, one per language; articles parsed in batches.

Each paragraph is parsed as its own Doc: spaCy's parser alone would run a headline or a short
first paragraph into the next one, and no sentence may cross a paragraph break.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from selon.clean import paragraphs
from selon.config import Settings
from selon.errors import ModelMissing
from selon.parse.hyphens import add_merger
from selon.parse.repairs import add_repairer
from selon.records import Article


@dataclass(frozen=True)
class Paragraph:
    start: int  # offset of the paragraph in the article text
    doc: Doc
    text: str  # the paragraph's text, as parsed (what `doc.text` rebuilds token by token)


@dataclass(frozen=True)
class ParsedArticle:
    article: Article
    lang: str
    paragraphs: tuple[Paragraph, ...]

    def sentences(self) -> Iterator[tuple[int, Paragraph, Span]]:
        """(paragraph index, paragraph, sentence) in reading order."""
        for index, paragraph in enumerate(self.paragraphs):
            for sentence in paragraph.doc.sents:
                yield index, paragraph, sentence


@cache
def load_model(name: str, lang: str) -> Language:
    """A spaCy pipeline, loaded once per process: pipelines in one process share it (it is only
    read while parsing)."""
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelMissing(
            f"spaCy model {name!r} for {lang!r} is not installed: run `make install` "
            f"(it installs requirements/models.txt) or `pip install` the model package"
        ) from error
    add_merger(nlp, lang)
    add_repairer(nlp, lang)
    return nlp


class Parsers:
    """The spaCy pipelines by language; each is loaded on first use, then kept."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._loaded: dict[str, Language] = {}

    def nlp(self, lang: str) -> Language:
        if lang not in self._loaded:
            self._loaded[lang] = load_model(self.settings.model_for(lang), lang)
        return self._loaded[lang]

    def parse(self, articles: Sequence[tuple[Article, str]]) -> list[ParsedArticle]:
        """Parse (article, lang) pairs; paragraphs of one language go through one nlp.pipe."""
        pieces: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        for position, (article, lang) in enumerate(articles):
            for start, text in paragraphs(article.text):
                pieces.setdefault(lang, []).append((text, (position, start)))
        found: list[list[Paragraph]] = [[] for _ in articles]
        texts = {where: text for items in pieces.values() for text, where in items}
        for lang, items in pieces.items():
            nlp = self.nlp(lang)
            for doc, (position, start) in nlp.pipe(
                items, as_tuples=True, batch_size=max(8, self.settings.batch_size * 8)
            ):
                found[position].append(Paragraph(start, doc, texts[(position, start)]))
        return [
            ParsedArticle(article, lang, tuple(sorted(found[i], key=lambda p: p.start)))
            for i, (article, lang) in enumerate(articles)
        ]
