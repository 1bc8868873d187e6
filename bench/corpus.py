"""A benchmark corpus made from the bundled sample articles: French and English articles of
about 400 words, each two samples' paragraphs with their numbers changed, so that every
content hash differs; one in twenty is a wire copy of an earlier one (small edits, another
outlet), as a day of news has."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

OUTLETS = ("Agence Exemple", "La Dépêche du Monde (exemple)", "Le Quotidien de l'Exemple",
           "Selon Sample Wire", "The Example Herald", "Global Sample Press", "Daily Example")
_NUMBER = re.compile(r"\d+")
COPY_EVERY = 20


@dataclass(frozen=True)
class Sample:
    lang: str
    title: str
    paragraphs: tuple[str, ...]


def load_samples() -> list[Sample]:
    text = resources.files("selon").joinpath("samples/articles.jsonl").read_text("utf-8")
    samples = []
    for line in text.splitlines():
        if line.strip():
            obj = json.loads(line)
            paragraphs = tuple(p for p in obj["text"].split("\n\n") if p.strip())
            samples.append(Sample(obj["lang"], obj.get("title") or "", paragraphs))
    return samples


def _renumber(text: str, rng: random.Random) -> str:
    # Keep the number of digits: "2025" stays a year-like number, "12" a small count.
    return _NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m[0]) - 1), 10 ** len(m[0]) - 1)), text)


def _wire_copy(original: dict[str, Any], rng: random.Random, number: int) -> dict[str, Any]:
    paragraphs = original["text"].split("\n\n")
    words = paragraphs[0].split()
    if len(words) > 6:  # an agency copy edits its lead a little
        words[rng.randrange(len(words))] = rng.choice(("notamment", "indeed", "également", "also"))
    edited = "\n\n".join([" ".join(words), *paragraphs[1:]])
    outlet = rng.choice([o for o in OUTLETS if o != original["outlet"]])
    return {**original, "id": f"bench-{number:05d}", "outlet": outlet, "text": edited}


def generate(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """`count` articles in the JSON Lines article format, French and English alternately."""
    rng = random.Random(seed)
    by_lang: dict[str, list[Sample]] = {}
    for sample in load_samples():
        by_lang.setdefault(sample.lang, []).append(sample)
    langs = sorted(by_lang)
    articles: list[dict[str, Any]] = []
    texts: set[str] = set()
    while len(articles) < count:
        number = len(articles)
        if articles and number % COPY_EVERY == COPY_EVERY - 1:
            articles.append(_wire_copy(rng.choice(articles[-COPY_EVERY:]), rng, number))
            continue
        lang = langs[number % len(langs)]
        first, second = rng.sample(by_lang[lang], 2)
        text = _renumber("\n\n".join(first.paragraphs + second.paragraphs), rng)
        if text in texts:
            continue
        texts.add(text)
        articles.append({
            "id": f"bench-{number:05d}", "lang": lang,
            "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "title": first.title, "outlet": rng.choice(OUTLETS), "text": text,
        })
    return articles


def write_corpus(path: Path, count: int, seed: int = 7) -> list[dict[str, Any]]:
    articles = generate(count, seed)
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return articles
