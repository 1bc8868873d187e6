"""`selon eval-sentences`: code an event test set of written sentences and score it."""

from __future__ import annotations

from pathlib import Path

import typer

from selon.cli.common import fail, stdout
from selon.events.testset import SentenceReport, read_sentences, triples
from selon.pipeline import Coded, Pipeline


def eval_sentences(
    files: list[Path] = typer.Argument(..., help="Sentence test sets (see selon.events.testset)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every missed or extra event."),
) -> None:
    """Code each sentence of an event test set and print precision, recall and F1 per file, and
    recall per type.

    Example: selon eval-sentences tests/fixtures/events/sentences.fr.jsonl -v
    """
    pipeline = Pipeline()
    for file in files:
        if not file.is_file():
            raise fail(f"no such test set: {file}")
        sentences = read_sentences(file)
        coded = {o.article.id: o.events for o in pipeline.run(s.article() for s in sentences)
                 if isinstance(o, Coded)}
        report = SentenceReport()
        for sentence in sentences:
            report.add(sentence, triples(coded.get(sentence.id, ())))
        if verbose:
            for sentence, missing, extra in report.misses:
                stdout.print(f"{sentence.id} missing {missing} extra {extra} | {sentence.text}",
                             soft_wrap=True, markup=False)
        stdout.print(f"== {file} ({len(sentences)} sentences)", markup=False)
        recall = "  ".join(f"{t} {report.found_by_type[t]}/{n}"
                           for t, n in sorted(report.expected_by_type.items()))
        stdout.print(f"recall by type: {recall}", soft_wrap=True)
        stdout.print(f"precision {report.precision:.3f}  recall {report.recall:.3f}  "
                     f"f1 {report.f1:.3f}")
