"""What the stages read of a parse once per Doc gives what spaCy gives at each asking."""

from __future__ import annotations

import gc
import weakref

import pytest

from selon.config import load_settings
from selon.parse.models import load_model
from selon.parse.syntax import dependents, forget, morph, words_of

pytestmark = pytest.mark.models

FIELDS = ("Mood", "Tense", "VerbForm", "Definite", "Number", "PronType", "Person", "Gender")
TEXTS = [
    ("fr", "Selon le quotidien, le président aurait demandé des drones à la Russie, qui n'a pas "
           "répondu."),
    ("en", "Officials said the ministers would meet on Tuesday; they had not been told why."),
]


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_read_once_values_equal_spacys(lang: str, text: str) -> None:
    doc = load_model(load_settings().model_for(lang), lang)(text)
    for _ in range(2):  # the second reading comes from the Doc's cache
        for token in doc:
            for field in FIELDS:
                assert morph(token, field) == token.morph.get(field, [])
            assert [(dep, child.i) for dep, child in dependents(token)] == [
                (child.dep_, child.i) for child in token.children]
        assert words_of(doc) == [(t.pos, t.lemma_, t.lower_) for t in doc]


def test_a_forgotten_doc_is_freed_with_its_last_reference() -> None:
    """The Doc's tables hold its Tokens, which hold the Doc: once forgotten, the Doc goes when
    the stage lets it go, not at the garbage collector's next full collection."""
    nlp = load_model(load_settings().model_for("en"), "en")
    gc.disable()
    try:
        doc = nlp(TEXTS[1][1])
        for token in doc:
            dependents(token), morph(token, "Mood")
        words_of(doc)
        kept = weakref.ref(doc)
        forget(doc)
        del doc, token
        assert kept() is None
    finally:
        gc.enable()
