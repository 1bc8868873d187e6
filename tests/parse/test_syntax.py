"""What the stages read of a parse once per Doc gives what spaCy gives at each asking."""

from __future__ import annotations

import pytest

from selon.config import load_settings
from selon.parse.models import load_model
from selon.parse.syntax import dependents, morph, words_of

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
