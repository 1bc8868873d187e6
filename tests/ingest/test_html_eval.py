"""The bar on real pages (../shared/eval/html): phrases, titles, dates and token F1.

The floors are the issue's: 38 of the 41 pages keep every must_contain phrase and leak no
must_not_contain string, 38 have the right title, 38 the right date, and the mean token F1
against the expected texts is 0.97 at least (plain trafilatura: 27-31 pages, 31 titles).
`selon html-eval ../shared/eval/html -v` prints the same figures page by page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from selon.ingest.html_eval import check_folder, keep_page, summarize, summary_lines, token_f1
from selon.ingest.kept import Keeper
from selon.pipeline import Pipeline

MIN_PAGES = 38
MIN_F1 = 0.97


@pytest.fixture(scope="module")
def html_eval(shared_eval: Path) -> Path:
    folder = shared_eval / "html"
    if not (folder / "manifest.jsonl").is_file():
        pytest.skip(f"real pages not found at {folder}")
    return folder


def test_real_pages_meet_the_bar(html_eval: Path, pipeline: Pipeline,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    keeper = Keeper(pipeline)
    summary = summarize(list(check_folder(html_eval, lambda path: keep_page(path, keeper))))
    with capsys.disabled():
        print("\n" + "\n".join(summary_lines(summary)))
    assert summary.pages == 41
    assert summary.phrases >= MIN_PAGES
    assert summary.titles >= MIN_PAGES
    assert summary.dates >= MIN_PAGES
    assert summary.f1 is not None and summary.f1 >= MIN_F1


@pytest.mark.parametrize(
    ("got", "expected", "f1"),
    [("a b c", "a b c", 1.0), ("A, b!", "a b", 1.0), ("a a b", "a b", 0.8), ("x", "y", 0.0)],
)
def test_token_f1(got: str, expected: str, f1: float) -> None:
    assert token_f1(got, expected) == pytest.approx(f1)
