"""HTML pages: main text without teasers, standfirsts kept, headline, date, site, language.

The pages are written here, in the shapes news sites use; none is copied from a real site.
"""

from __future__ import annotations

import json

import pytest

from selon.errors import ReadError
from selon.ingest.html import read_html
from selon.ingest.kept import Keeper
from selon.pipeline import Pipeline
from selon.records import Article

BODY = [
    "Le gouvernement malien a annoncé mardi la suspension de sa coopération militaire avec "
    "la France, accusant Paris d’ingérence dans les affaires intérieures du pays.",
    "Le porte-parole du gouvernement a lu un communiqué à la télévision nationale, précisant "
    "que la décision prenait effet immédiatement et sans préavis.",
    "À Paris, le ministère des Affaires étrangères a dit « prendre acte » de cette décision et "
    "a rappelé que les troupes françaises avaient déjà quitté le territoire malien.",
    "Plusieurs partis de l’opposition malienne ont dénoncé une décision prise sans consultation "
    "de l’Assemblée, selon des déclarations recueillies par la presse locale.",
]


def page(*, head: str = "", before: str = "", paragraphs: list[str] | None = None,
         inside: str = "", after: str = "", lang: str = "fr") -> bytes:
    """A news page: head, header, article (h1, paragraphs, extra markup), related links."""
    body = "".join(f"<p>{p}</p>" for p in (paragraphs if paragraphs is not None else BODY))
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>
<body><header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav></header>
<main><article>{before}{body}{inside}</article>{after}</main>
<footer><a href="/mentions">Mentions légales</a></footer></body></html>""".encode()


def read(data: bytes) -> Article:
    return read_html(data, "page.html")


@pytest.mark.parametrize(
    "teaser",
    [
        '<p><strong>LIRE AUSSI</strong> <a href="/x">Au Sahel, les juntes resserrent leurs liens</a></p>',
        '<p>Lire aussi : <a href="/x">Au Sahel, les juntes resserrent leurs liens</a></p>',
        '<p>[Read: <a href="/x">Au Sahel, les juntes resserrent leurs liens</a>]</p>',
        '<div class="box"><span>Also on example.com</span> <a href="/x">Au Sahel, les juntes '
        'resserrent leurs liens</a></div>',
        '<p><strong>Lire aussi sur exemple.fr</strong><br>&gt;&gt; <a href="/x">Au Sahel, les '
        'juntes resserrent leurs liens</a></p>',
    ],
)
def test_an_inline_teaser_goes_with_its_headline(teaser: str) -> None:
    text = read(page(paragraphs=[*BODY[:2], teaser, *BODY[2:]])).text
    assert "juntes resserrent" not in text
    assert all(p in text for p in BODY)


def test_a_paragraph_that_starts_like_a_label_is_kept() -> None:
    prose = ("Also on Tuesday, the interior ministry said that forty people had been arrested "
             "in the capital after the protests, according to a statement.")
    article = read(page(paragraphs=[*BODY[:2], prose, *BODY[2:]]))
    assert prose in article.text


def test_a_standfirst_shown_above_the_article_is_kept() -> None:
    lead = ("Bamako reproche à Paris son ingérence et suspend une coopération vieille de dix "
            "ans, au moment où la junte se rapproche de Moscou.")
    data = page(head=f'<meta property="og:description" content="{lead}">',
                before=f'<div class="chapo">{lead}</div>')
    text = read(data).text
    assert text.startswith(lead)
    assert text.count(lead) == 1


def test_a_standfirst_named_by_its_markup_is_kept_and_a_lead_picture_is_not() -> None:
    lead = ("Bamako reproche à Paris son ingérence et suspend une coopération vieille de dix "
            "ans, au moment où la junte se rapproche de Moscou.")
    caption = "Le colonel Assimi Goïta lors d’une cérémonie militaire à Bamako, en juin 2024."
    data = page(before=f'<p class="article-lead">{lead}</p>'
                       f'<div class="lead-asset"><img src="x.jpg"><span>{caption}</span></div>')
    text = read(data).text
    assert text.startswith(lead) and caption not in text


def test_a_description_in_a_promotion_box_is_no_standfirst() -> None:
    lead = ("Bamako reproche à Paris son ingérence et suspend une coopération vieille de dix "
            "ans, au moment où la junte se rapproche de Moscou.")
    data = page(head=f'<meta property="og:description" content="{lead}">',
                after=f'<aside><a href="/self"><p>{lead}</p></a></aside>')
    assert lead not in read(data).text


def test_the_visible_headline_wins_over_a_shortened_meta_title() -> None:
    data = page(
        head='<meta property="og:title" content="Mali suspends cooperation with France">'
             "<title>Mali suspends cooperation with France - Le Journal</title>",
        before="<h1>Le Mali suspend sa coopération militaire avec la France</h1>",
    )
    # The <h1> shares too little with the English meta title: it is not taken.
    assert read(data).title == "Mali suspends cooperation with France"
    data = page(
        head='<meta property="og:title" content="Mali suspends cooperation with France">',
        before="<h1>Mali: the junta suspends military cooperation with France</h1>",
    )
    assert read(data).title == "Mali: the junta suspends military cooperation with France"


@pytest.mark.parametrize(
    ("head", "logo", "title"),
    [
        ("<title>Le Mali suspend sa coopération | Le Journal | Monde</title>", "",
         "Le Mali suspend sa coopération"),
        ('<meta property="og:title" content="Le Mali suspend sa coopération - Le Journal">',
         '<h1 class="logo">lejournal.fr</h1>', "Le Mali suspend sa coopération"),
        ('<meta property="og:site_name" content="Le Journal de l’Exemple">'
         "<title>Le Journal de l’Exemple | Le Mali suspend sa coopération</title>", "",
         "Le Mali suspend sa coopération"),
        ("<title>Affaire Wagner : un juge se récuse</title>", "", "Affaire Wagner : un juge se récuse"),
    ],
)
def test_the_site_name_is_cut_from_a_title(head: str, logo: str, title: str) -> None:
    assert read(page(head=head, before=logo)).title == title


def test_a_headline_repeated_as_the_first_line_is_not_text() -> None:
    data = page(head='<meta property="og:title" content="Le Mali suspend sa coopération">',
                paragraphs=["Le Mali suspend sa coopération", *BODY])
    article = read(data)
    assert article.title == "Le Mali suspend sa coopération"
    assert article.text.startswith(BODY[0])


@pytest.mark.parametrize(
    ("head", "byline", "date"),
    [
        ('<meta property="article:published_time" content="2025-03-04T23:30:00+01:00">'
         '<meta property="article:modified_time" content="2025-03-06T10:00:00+01:00">', "",
         "2025-03-04"),
        ('<script type="application/ld+json">'
         + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                       "headline": "Le Mali", "datePublished": "2025-03-04T08:00:00Z"})
         + "</script>", "", "2025-03-04"),
        ('<meta value="2025-03-04" name="pubdate">', "", "2025-03-04"),  # re-serialised page
        ("", '<span class="byline">Par Awa Diallo | 4 mars 2025</span>', "2025-03-04"),
        ("", '<div class="author">By Jane Roe</div><span class="date">March 4, 2025</span>',
         "2025-03-04"),
    ],
)
def test_the_publication_date_the_page_states(head: str, byline: str, date: str) -> None:
    assert read(page(head=head, before=byline)).date == date


def test_reader_comments_do_not_date_the_article() -> None:
    comments = ('<section id="comments"><div class="comment-author">Jean</div>'
                '<abbr class="date" title="2025-02-11T10:00:00Z">11 février 2025</abbr></section>')
    byline = '<p class="signature">Par <a rel="author">Awa Diallo</a> | 4 mars 2025</p>'
    data = page(before=byline, after=comments)
    assert read(data).date == "2025-03-04"


def test_a_bare_copyright_year_is_no_publication_date() -> None:
    # htmldate falls back to the footer's year and pads it to 1 January.
    data = page(after="<div class='copyright'>© 2024 Le Journal de l’Exemple</div>")
    assert read(data).date is None


def test_site_and_url_come_from_the_page() -> None:
    data = page(head='<meta property="og:site_name" content="Le Journal de l’Exemple">'
                     '<link rel="canonical" href="https://journal.example/mali">')
    article = read(data)
    assert (article.outlet, article.url) == ("Le Journal de l’Exemple", "https://journal.example/mali")
    assert read_html(data, "x", url="https://archive.example/mali").url == "https://archive.example/mali"


def test_a_page_with_menus_only_is_refused() -> None:
    with pytest.raises(ReadError, match="no article text"):
        read(page(paragraphs=["Accueil", "Monde"]))


def test_a_declared_html_lang_is_only_a_hint(pipeline: Pipeline) -> None:
    article = read(page(lang="en"))
    assert article.lang is None  # the reader does not trust <html lang>
    assert Keeper(pipeline).keep(article).article.lang == "fr"
