"""Open questions and the resolved actors of attribution chains, from the pipeline to the
store and `selon show`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli.main import app
from selon.pipeline import Coded, Pipeline
from selon.records import Article
from selon.store import Store

FR = ("Selon des documents américains, le Venezuela a demandé des missiles à la Russie, avance "
      "le Washington Post. Les documents ne précisent toutefois pas la réponse de Moscou.\n\n"
      "La Chine a imposé des sanctions au Japon.")
EN = ("Officials said Russia delivered drones to Venezuela. It was not clear whether Caracas had "
      "paid for them.\n\nJapan imposed sanctions on North Korea. Officials did not say how long "
      "the Japanese sanctions would last.")
ASSERTED = ("La Russie a livré des drones au Venezuela. Les deux pays ont signé un accord de "
            "défense.")


def readme_queries() -> list[str]:
    """The README's SQL on attribution, statement by statement."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("rests only on the Washington Post", 1)[1].split("```sql", 1)[1]
    block = block.split("```", 1)[0]
    return [sql for sql in block.split(";") if sql.strip()]


def coded(pipeline: Pipeline, text: str, lang: str, key: str = "q") -> Coded:
    [outcome] = list(pipeline.run([Article(id=key, text=text, date="2025-11-24", lang=lang)]))
    assert isinstance(outcome, Coded), outcome
    return outcome


@pytest.mark.parametrize(("text", "lang", "cue", "linked"), [
    (FR, "fr", "ne précisent ~ pas", {("REQUEST", "VEN", "RUS")}),
    (EN, "en", "it was not clear", {("AID", "RUS", "VEN")}),
])
def test_an_unknown_is_an_open_question_linked_to_its_events(
        pipeline: Pipeline, text: str, lang: str, cue: str,
        linked: set[tuple[str, str, str]]) -> None:
    found = coded(pipeline, text, lang)
    first = found.questions[0]
    assert first.cue == cue
    assert text[first.sentence_start:first.sentence_end].strip() == first.sentence
    sides = {(found.events[n].type, found.events[n].source.country,  # type: ignore[union-attr]
              found.events[n].target.country) for n in first.events}  # type: ignore[union-attr]
    assert sides == linked


def test_a_question_links_by_the_actors_it_names(pipeline: Pipeline) -> None:
    found = coded(pipeline, EN, "en")
    last = found.questions[-1]
    assert last.cue == "did not say"
    assert {found.events[n].type for n in last.events} == {"SANCTION"}


def test_statements_are_no_questions(pipeline: Pipeline) -> None:
    assert coded(pipeline, ASSERTED, "fr").questions == ()


def test_the_store_keeps_questions_and_the_actors_of_the_chain(
        pipeline: Pipeline, tmp_path: Path) -> None:
    db = tmp_path / "q.duckdb"
    fr, en = coded(pipeline, FR, "fr", "fr-q"), coded(pipeline, EN, "en", "en-q")
    with Store(db) as store:
        store.write([fr, en])
        rows = store.query("SELECT * FROM open_questions ORDER BY article_id, sentence_start")
        assert len(rows) == 3 and all(row["event_ids"] for row in rows)
        # Every event that rests only on the Washington Post, by its resolved actor or its text.
        only_post = store.query("""
            SELECT e.id FROM events e
            WHERE EXISTS (SELECT 1 FROM attributions r WHERE r.event_id = e.id
                          AND r.position = 0 AND r.source_text ILIKE '%washington post%')""")
        assert len(only_post) == 1
        with_actor = store.query("""
            SELECT r.source_text, s.sector FROM attributions r JOIN actors s ON s.id = r.actor_id""")
        assert ("Washington Post", "JRN") in {(r["source_text"], r["sector"]) for r in with_actor}
        for sql in readme_queries():
            store.query(sql)
    result = CliRunner().invoke(app, ["show", "fr-q", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "open questions" in result.output and "#1" in result.output
