"""RSS and Atom feeds: each item an article, teasers and feed footers out (fixtures/feeds/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from selon.ingest import read_paths
from selon.ingest.discover import sniff_kind
from selon.ingest.feeds import fragment_text, item_day
from selon.ingest.kept import Keeper
from selon.pipeline import Pipeline
from selon.records import Article, DocumentError


def read(*paths: Path) -> list[Article | DocumentError]:
    return list(read_paths([str(p) for p in paths], max_bytes=1_000_000))


@pytest.fixture(scope="module")
def feeds(fixtures: Path) -> Path:
    return fixtures / "feeds"


def test_rss_items_are_articles_with_title_link_and_date(feeds: Path) -> None:
    first, second, third = read(feeds / "news.rss")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Le Mali et le Niger signent un accord de défense"
    assert first.url == "https://courrier-exemple.example/2025/10/02/mali-niger-accord"
    assert first.outlet == "Le Courrier de l’Exemple"
    assert (first.id, first.origin) == ("courrier-exemple-4411", f"{feeds / 'news.rss'}#1")
    # Published at 00:30 in Paris: the 2nd there, though the 1st in UTC.
    assert first.date == "2025-10-02"
    assert second.date == "2025-10-01"
    assert isinstance(third, DocumentError) and "no text" in third.reason
    assert third.origin.endswith("news.rss#3")


def test_full_content_wins_over_the_summary_and_loses_its_teasers(feeds: Path,
                                                                  pipeline: Pipeline) -> None:
    first = read(feeds / "news.rss")[0]
    assert isinstance(first, Article)
    kept = Keeper(pipeline).keep(first).article
    assert "assistance en cas d’attaque" in kept.text  # the content, not the one-line summary
    assert "juntes resserrent" not in kept.text  # "Lire aussi" teaser
    assert "est apparu en premier" not in kept.text  # WordPress footer
    assert kept.lang == "fr"  # the channel says "en": a hint, not a fact


def test_a_summary_only_item_loses_its_continue_reading_link(feeds: Path) -> None:
    second = read(feeds / "news.rss")[1]
    assert isinstance(second, Article)
    assert second.text.endswith("Qatari officials said.")


def test_atom_entries(feeds: Path) -> None:
    first, second = read(feeds / "news.atom")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Brazil recalls its ambassador from Caracas"  # HTML title, as text
    assert first.date == "2025-10-03"  # published, not updated
    assert "Venezuela’s neighbours" not in first.text
    assert first.text.splitlines() == [
        "Brazil recalled its ambassador from Caracas on Friday after Venezuela expelled two "
        "Brazilian diplomats, the foreign ministry said.",
        "The ministry called the expulsions “unjustified”.",
    ]
    assert second.date == "2025-10-02" and second.url.endswith("ghana-togo-border")


def test_a_legacy_encoded_feed_is_decoded(feeds: Path) -> None:
    [item] = read(feeds / "latin1.rss")
    assert isinstance(item, Article)
    assert item.title == "Le président sénégalais reçu à l'Élysée"


def test_a_folder_of_feeds(feeds: Path) -> None:
    found = read(feeds)
    assert sum(isinstance(i, Article) for i in found) == 5
    assert sum(isinstance(i, DocumentError) for i in found) == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"<rss version='2.0'><channel><title>x</title></channel></rss>", "no items"),
     (b"<rss <<<>>> &&&", "not well-formed"),
     (b"   ", "empty")],
)
def test_a_feed_without_items_is_one_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(content)
    [item] = read(path)
    assert isinstance(item, DocumentError) and reason in item.reason


def test_feeds_are_sniffed_without_their_extension() -> None:
    assert sniff_kind(b'<?xml version="1.0"?>\n<rss version="2.0">') == "feed"
    assert sniff_kind(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff_kind(b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">') == "html"


def test_fragment_text_keeps_one_line_per_paragraph() -> None:
    html = "<p>Un.</p><div>Deux<br>Trois</div><script>x()</script><ul><li>Quatre</li></ul>"
    assert fragment_text(html) == "Un.\nDeux\nTrois\nQuatre"


@pytest.mark.parametrize(
    ("entry", "day"),
    [({"published": "Thu, 02 Oct 2025 00:30:00 +0200"}, "2025-10-02"),
     ({"updated": "2025-10-02T23:10:00-05:00"}, "2025-10-02"),
     ({"published": "not a date"}, None), ({}, None)],
)
def test_item_day(entry: dict[str, str], day: str | None) -> None:
    assert item_day(entry) == day
