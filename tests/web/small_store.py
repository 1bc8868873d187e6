"""A small store written by hand (no models needed): three articles we wrote, with events
whose spans, chains and certainties are known, a hostile `<script>` in a text and in an actor
name, and a character outside the Basic Multilingual Plane before a sentence. The web and
export tests share it."""

from __future__ import annotations

from pathlib import Path

from selon.clean.normalize import content_hash
from selon.pipeline import Coded
from selon.records import Actor, Article, Event, Provenance
from selon.store import Store

HOSTILE = "<script>document.title='pwned'</script>"
VEN = Actor("VEN", "GOV")
RUS = Actor("RUS", "GOV")


def _event(article: Article, sentence: str, trigger: str, type: str, source: Actor | None,
           target: Actor | None, **fields: object) -> Event:
    start = article.text.index(sentence)
    at = article.text.index(trigger, start)
    return Event(
        article_id=article.id, type=type, source=source, target=target, sentence=sentence,
        provenance=Provenance(start, start + len(sentence), trigger, at, at + len(trigger),
                              f"test:{trigger}:{type}", article.content_hash),
        **fields,
    )


def _article(identifier: str, text: str, **fields: str) -> Article:
    return Article(id=identifier, text=text, content_hash=content_hash(text), origin="test",
                   **fields)


def small_store_articles() -> list[Coded]:
    fr = _article(
        "test-fr-01",
        "Selon le Washington Post, citant des documents américains, le Venezuela aurait demandé "
        "des radars à la Russie.\nLa Russie a livré des drones au Venezuela.\n"
        "Moscou a démenti avoir déployé des troupes.",
        title="Radars et drones", outlet="La Gazette de Test", date="2025-10-07", lang="fr",
    )
    en = _article(
        "test-en-01",
        f"Ukraine asked NATO for air defence systems on Monday, officials said.\n"
        f"Protesters {HOSTILE} marched against the government in Tbilisi.",
        title=f"Kyiv asks {HOSTILE} for help", outlet="The Test Herald", date="2025-10-20",
        lang="en", url="javascript:alert(1)",
    )
    astral = _article(
        "test-en-02",
        "\U0001F1FA\U0001F1E6 Kyiv\nUkraine accused Russia of striking a hospital.",
        title="Accusation", outlet="The Test Herald", date="2025-11-03", lang="en",
    )
    return [
        Coded(fr, (
            _event(fr, "Selon le Washington Post, citant des documents américains, le Venezuela "
                   "aurait demandé des radars à la Russie.", "demandé", "REQUEST", VEN, RUS,
                   certainty="alleged", attributed_to=("Washington Post", "documents américains"),
                   date="2025-10", objects=("radars",)),
            _event(fr, "La Russie a livré des drones au Venezuela.", "livré", "AID", RUS, VEN,
                   date="2025-10-01", objects=("drones",)),
            _event(fr, "Moscou a démenti avoir déployé des troupes.", "déployé", "MOBILIZE",
                   Actor("RUS", "MIL"), None, certainty="denied", attributed_to=("Moscou",)),
        )),
        Coded(en, (
            _event(en, "Ukraine asked NATO for air defence systems on Monday, officials said.",
                   "asked", "REQUEST", Actor("UKR", "GOV"), Actor(None, "IGO", "NATO", "NATO"),
                   certainty="reported", attributed_to=("officials",), date="2025-10-20"),
            _event(en, f"Protesters {HOSTILE} marched against the government in Tbilisi.",
                   "marched", "PROTEST", Actor("GEO", "CVL", f"{HOSTILE} Front"),
                   Actor("GEO", "GOV"), location="Tbilisi"),
        )),
        Coded(astral, (
            _event(astral, "Ukraine accused Russia of striking a hospital.", "accused", "ACCUSE",
                   Actor("UKR", "GOV"), RUS, date="2025-11-03"),
        )),
    ]


def build_small_store(path: Path) -> Path:
    with Store(path) as store:
        store.write(small_store_articles())
    return path
