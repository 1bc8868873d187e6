"""Gazetteer aliases matched over tokens with spaCy's PhraseMatcher, one per language.

Case is given by the data: an alias with a capital letter matches as written (so "US" never
matches "us", nor "Turkey" the bird), an all-lowercase alias (French adjectives) matches in
any case. Accent-free and apostrophe variants are added here, not written in the data.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from selon.actors.gazetteer import PLACE_KINDS, Alias, Gazetteer
from selon.parse.hyphens import COMPONENT

# NER labels of the two models for people and organisations not in the gazetteer.
PERSON_LABELS = frozenset({"PER", "PERSON"})
ORG_LABELS = frozenset({"ORG"})


@dataclass(frozen=True)
class Mention:
    """A stretch of tokens naming an actor: a gazetteer alias, or a name spaCy found."""

    start: int  # token indices in the paragraph's Doc
    end: int
    text: str
    kind: str  # alias kind (name, adjective, capital, seat, acronym, surname, city, region) or "unknown"
    entity_id: str | None  # None for a person or organisation not in the gazetteer
    label: str | None = None  # the NER label of an unknown name


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def variants(text: str) -> set[str]:
    forms = {text, strip_accents(text)}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return forms


class ActorMatcher:
    """Finds gazetteer mentions (and unknown named people and organisations) in a Doc."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, lang: str) -> None:
        self.gazetteer = gazetteer
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._keys: dict[str, Alias] = {}
        exact: dict[str, list[str]] = {}
        folded: dict[str, list[str]] = {}
        for alias in gazetteer.aliases.get(lang, ()):
            key = f"{alias.entity_id}|{alias.kind}"
            self._keys[key] = alias
            target = folded if alias.text == alias.text.lower() else exact
            target.setdefault(key, []).extend(sorted(variants(alias.text)))
        merger = nlp.get_pipe(COMPONENT) if COMPONENT in nlp.pipe_names else None
        for matcher, forms in ((self._exact, exact), (self._folded, folded)):
            # Tens of thousands of aliases (cities): tokenise them in one stream, then as the
            # pipeline will ("Royaume-Uni" one token in French).
            tokenizer: Tokenizer = nlp.tokenizer
            docs = iter(tokenizer.pipe(f for group in forms.values() for f in group))
            for key, group in forms.items():
                matcher.add(key, [merger(next(docs)) if merger else next(docs) for _ in group])

    def _is_place(self, span: Span) -> bool:
        return self._keys[span.label_].kind in PLACE_KINDS

    def mentions(self, doc: Doc) -> list[Mention]:
        spans: list[Span] = []
        for matcher in (self._exact, self._folded):
            for match_id, start, end in matcher(doc):
                spans.append(Span(doc, start, end, label=match_id))
        for ent in doc.ents:
            if ent.label_ not in PERSON_LABELS | ORG_LABELS:
                continue
            overlapping = [s for s in spans if s.start < ent.end and ent.start < s.end]
            # A person spaCy found beats a city or region inside their name ("Carla Mendoza");
            # otherwise a name counts only where no alias matched: "Conseil de sécurité de
            # l'ONU" as one ORG would hide the UN.
            if ent.label_ in PERSON_LABELS and overlapping and all(
                self._is_place(s) and len(s) < len(ent) for s in overlapping
            ):
                spans = [s for s in spans if s not in overlapping]
                overlapping = []
            if not overlapping:
                spans.append(Span(doc, ent.start, ent.end, label=f"?{ent.label_}"))
        found: list[Mention] = []
        for span in filter_spans(spans):
            label = span.label_
            if label.startswith("?"):
                found.append(Mention(span.start, span.end, span.text, "unknown", None, label[1:]))
                continue
            alias = self._keys[label]
            found.append(Mention(span.start, span.end, span.text, alias.kind, alias.entity_id))
        return found
