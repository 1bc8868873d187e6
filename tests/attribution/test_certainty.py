"""Certainty and attribution chains on sentences we wrote."""

from __future__ import annotations

import pytest

from selon.pipeline import Pipeline
from selon.records import Article, Event


def first_event(pipeline: Pipeline, text: str, lang: str, kind: str) -> Event:
    [outcome] = list(pipeline.run([Article(id="t", text=text, date="2025-11-24", lang=lang)]))
    events = [e for e in outcome.events if e.type == kind]  # type: ignore[union-attr]
    assert events, f"no {kind} in {text!r}: {outcome}"
    return events[0]


CASES = [
    ("fr", "La Turquie a livré des drones à l'Éthiopie.", "AID", "asserted", ()),
    ("fr", "Selon Reuters, la Turquie a livré des drones à l'Éthiopie.", "AID", "reported",
     ("Reuters",)),
    ("fr", "D'après des sources diplomatiques, la Turquie a livré des drones à l'Éthiopie.", "AID",
     "reported", ("sources diplomatiques",)),
    ("fr", "La Turquie aurait livré des drones à l'Éthiopie.", "AID", "alleged", ()),
    ("fr", "La Turquie n'a pas livré de drones à l'Éthiopie.", "AID", "denied", ()),
    ("fr", "Ankara a démenti avoir livré des drones à l'Éthiopie.", "AID", "denied", ("Ankara",)),
    ("fr", "La Turquie prévoit de livrer des drones à l'Éthiopie.", "AID", "hypothetical", ()),
    ("fr", "Le ministre turc a déclaré que la Turquie avait livré des drones à l'Éthiopie.", "AID",
     "reported", ("ministre turc",)),
    ("en", "Turkey delivered drones to Ethiopia.", "AID", "asserted", ()),
    ("en", "According to Reuters, Turkey delivered drones to Ethiopia.", "AID", "reported",
     ("Reuters",)),
    ("en", "Turkey reportedly delivered drones to Ethiopia.", "AID", "alleged", ()),
    ("en", "Turkey did not deliver drones to Ethiopia.", "AID", "denied", ()),
    ("en", "Turkey denied delivering drones to Ethiopia.", "AID", "denied", ("Turkey",)),
    ("en", "Turkey plans to deliver drones to Ethiopia.", "AID", "hypothetical", ()),
    ("en", "Turkey will deliver drones to Ethiopia.", "AID", "hypothetical", ()),
    ("en", "UN experts said Turkey delivered drones to Ethiopia.", "AID", "reported",
     ("UN experts",)),
]


@pytest.mark.parametrize(("lang", "text", "kind", "certainty", "chain"), CASES,
                         ids=[c[1][:45] for c in CASES])
def test_certainty_and_chain(pipeline: Pipeline, lang: str, text: str, kind: str,
                             certainty: str, chain: tuple[str, ...]) -> None:
    event = first_event(pipeline, text, lang, kind)
    assert (event.certainty, event.attributed_to) == (certainty, chain)


def test_an_incise_is_the_outermost_source(pipeline: Pipeline) -> None:
    text = ("Selon des documents américains, le Mali a sollicité l'aide de la Russie, "
            "avance le Washington Post.")
    event = first_event(pipeline, text, "fr", "REQUEST")
    assert event.attributed_to[0].endswith("Washington Post")
    assert event.attributed_to[1] == "documents américains"
