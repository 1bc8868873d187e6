"""Words that point back: "ce dernier", "the latter", "les deux dirigeants", "the court",
subject and object pronouns. Sentences we wrote; the expected actor is the antecedent."""

from __future__ import annotations

import pytest

from selon.pipeline import Pipeline
from selon.records import Actor, Article

DATE = "2025-06-02"


def actor_of(pipeline: Pipeline, lang: str, text: str, mention: str,
             occurrence: int = 1) -> Actor | None:
    article = pipeline.prepare(Article(id="t", text=text, date=DATE, lang=lang))
    start = -1
    for _ in range(occurrence):
        start = article.text.index(mention, start + 1)
    [parsed] = pipeline.parsers.parse([(article, lang)])
    return pipeline.actor_at(parsed, start, start + len(mention))


CASES = [
    ("fr", "Emmanuel Macron a reçu Volodymyr Zelensky à l'Élysée. Ce dernier a demandé des "
           "avions de combat.", "Ce dernier", ("UKR", "GOV", "Volodymyr Zelensky")),
    ("en", "Narendra Modi met Anthony Albanese in Delhi. The latter praised the trade deal.",
     "The latter", ("AUS", "GOV", "Anthony Albanese")),
    ("en", "The International Court of Justice heard Guyana's case. Venezuela said the court "
           "had no jurisdiction.", "the court", (None, "IGO", "International Court of Justice")),
    ("fr", "Le Hezbollah a tiré des roquettes sur Israël. Le groupe a revendiqué l'attaque.",
     "Le groupe", ("LBN", "REB", "Hezbollah")),
    ("fr", "Vladimir Poutine a appelé Recep Tayyip Erdoğan mardi. Il a dénoncé les sanctions.",
     "Il", ("RUS", "GOV", "Vladimir Putin")),
]


@pytest.mark.parametrize(("lang", "text", "mention", "expected"), CASES)
def test_a_reference_is_its_antecedent(pipeline: Pipeline, lang: str, text: str, mention: str,
                                       expected: tuple[str | None, str, str]) -> None:
    actor = actor_of(pipeline, lang, text, mention)
    assert actor is not None
    assert (actor.country, actor.sector, actor.name) == expected


def test_the_two_leaders_are_the_last_two_people_named(pipeline: Pipeline) -> None:
    text = ("Ilham Aliyev and Nikol Pashinyan met in Washington. The two leaders asked for "
            "guarantees from the United States.")
    [outcome] = list(pipeline.run([Article(id="t", text=text, date=DATE, lang="en")]))
    requests = [e for e in outcome.events if e.type == "REQUEST"]  # type: ignore[union-attr]
    assert {e.source.country for e in requests if e.source} == {"AZE", "ARM"}


def test_a_bare_court_with_no_court_named_before_is_a_role(pipeline: Pipeline) -> None:
    actor = actor_of(pipeline, "en", "In Lima, the court ordered the release of the protesters.",
                     "the court")
    assert actor is not None and (actor.sector, actor.name) == ("JUD", None)


def test_two_soldiers_are_not_a_reference(pipeline: Pipeline) -> None:
    text = "Donald Trump met Keir Starmer. Two soldiers were wounded near the border."
    actor = actor_of(pipeline, "en", text, "Two soldiers")
    assert actor is None or actor.name is None


def test_a_paper_described_again_is_the_paper_named_before(pipeline: Pipeline) -> None:
    text = ("Selon le Washington Post, Moscou a livré des drones à Caracas. Selon le quotidien "
            "américain, Moscou a aussi livré des missiles au Nicaragua.")
    [outcome] = list(pipeline.run([Article(id="t", text=text, date=DATE, lang="fr")]))
    chains = {e.attributed_to for e in outcome.events}  # type: ignore[union-attr]
    assert chains == {("Washington Post",)}


def test_a_surname_alone_is_the_person_named_in_full_before(pipeline: Pipeline) -> None:
    text = ("The Kenyan police chief, Joseph Kamau Otieno, accused Uganda of arming raiders. "
            "Otieno asked Uganda to close the border.")
    [outcome] = list(pipeline.run([Article(id="t", text=text, date=DATE, lang="en")]))
    sources = {(e.source.country, e.source.sector, e.source.name)  # type: ignore[union-attr]
               for e in outcome.events if e.source}  # type: ignore[union-attr]
    assert sources == {("KEN", "COP", "Joseph Kamau Otieno")}


def test_the_two_companies_are_the_last_two_companies(pipeline: Pipeline) -> None:
    text = ("Gazprom and China's CNPC signed a memorandum on Tuesday. The two companies also agreed "
            "to raise deliveries through the pipeline.")
    [outcome] = list(pipeline.run([Article(id="t", text=text, date=DATE, lang="en")]))
    agreed = [e for e in outcome.events if e.type == "AGREE"]  # type: ignore[union-attr]
    assert {(e.source.sector, e.target.sector) for e in agreed if e.source and e.target} == {("BUS", "BUS")}
