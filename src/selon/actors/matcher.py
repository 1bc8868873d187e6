"""Gazetteer aliases matched over a Doc's text at token boundaries, one table per language.

Case is given by the data: an alias with a capital letter matches as written (so "US" never
matches "us", nor "Turkey" the bird), an all-lowercase alias (French adjectives) matches in
any case. Accent-free and apostrophe variants are added here, not written in the data.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from selon.actors.gazetteer import PLACE_KINDS, Alias, Gazetteer

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
    if text.isascii():
        return text  # (nothing to strip: most aliases and words; each worker reads 100,000)
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def variants(text: str) -> set[str]:
    forms = {text, strip_accents(text)}
    forms |= {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}
    return forms


class AliasTable:
    """Alias texts matched over a Doc's text at token boundaries.

    Matching the text, not token sequences, spares tokenising some seventy thousand alias forms
    per language (ten seconds in every worker, and as many new entries in the model's
    vocabulary), and finds what spaCy's PhraseMatcher found: an alias matches where its text
    starts at a token's start and ends at a token's end, so "Royaume-Uni", one token after the
    hyphen merger, is found, and "Congo" is not found inside "Congo-Kinshasa".
    """

    PREFIX = 3  # an alias is first looked up by its first characters, this many at most

    def __init__(self, forms: dict[str, str], folded: bool) -> None:
        self.forms = forms  # text (lowercase when folded) -> key
        self.folded = folded
        # How far a match may reach from its first characters: the longest alias they begin.
        self._reach: dict[str, int] = {}
        for text in forms:
            prefix = text[:self.PREFIX]
            self._reach[prefix] = max(self._reach.get(prefix, 0), len(text))
        # Aliases shorter than the prefix ("UE") are looked up wherever a token is that short.
        self._short = max((len(text) for text in forms if len(text) < self.PREFIX), default=0)

    def find(self, text: str, starts: list[int], ends: list[int]) -> list[tuple[str, int, int]]:
        """(key, first token, token after the last) of every alias in `text`, in order of start;
        `starts` and `ends` are the character offsets of the tokens."""
        if self.folded:
            text = text.lower()
        forms, reach, size, short = self.forms, self._reach, self.PREFIX, self._short
        found: list[tuple[str, int, int]] = []
        count = len(starts)
        for first, begin in enumerate(starts):
            longest = reach.get(text[begin:begin + size], 0)
            if longest < short:
                longest = short
            elif not longest:
                continue
            limit = begin + longest
            last = first
            while last < count and ends[last] <= limit:
                key = forms.get(text[begin:ends[last]])
                if key is not None:
                    found.append((key, first, last + 1))
                last += 1
        return found


class ActorMatcher:
    """Finds gazetteer mentions (and unknown named people and organisations) in a Doc."""

    def __init__(self, gazetteer: Gazetteer, lang: str) -> None:
        self.gazetteer = gazetteer
        self._keys: dict[str, Alias] = {}
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        entries: list[tuple[dict[str, str], str, str]] = []
        for alias in gazetteer.aliases.get(lang, ()):
            key = f"{alias.entity_id}|{alias.kind}"
            self._keys[key] = alias
            # Case is the data's: an all-lowercase alias matches in any case.
            entries.append((folded if alias.text == alias.text.lower() else exact, alias.text, key))
        # An alias as written wins over another's accent-free or apostrophe variant: "Bush"
        # the surname, not the town of Būsh.
        for forms, text, key in entries:
            forms.setdefault(text, key)
        for forms, text, key in entries:
            for form in sorted(variants(text)):
                forms.setdefault(form, key)
        # Role words that stand before a person's name ("President", "ministre").
        self._titles = frozenset(gazetteer.roles.get(lang, {}))
        # Where an alias matches as written and another in any case, the first wins.
        self._tables = (AliasTable(exact, folded=False), AliasTable(folded, folded=True))

    def _is_place(self, key: str) -> bool:
        return self._keys[key].kind in PLACE_KINDS

    def mentions(self, doc: Doc, text: str | None = None) -> list[Mention]:
        """The mentions in `doc`; `text` is its text where the caller has it (`doc.text` builds
        it again, token by token)."""
        text = doc.text if text is None else text
        offsets = doc.to_array([IDX, LENGTH]).tolist()
        starts = [start for start, _ in offsets]
        ends = [start + length for start, length in offsets]
        # (first token, token after the last, alias key or "?" and the NER label)
        spans = [(start, end, key) for table in self._tables
                 for key, start, end in table.find(text, starts, ends)]
        for ent in doc.ents:
            label = ent.label_
            if label not in PERSON_LABELS | ORG_LABELS:
                continue
            overlapping = [s for s in spans if s[0] < ent.end and ent.start < s[1]]
            # A person spaCy found beats a city or region inside their name ("Carla Mendoza"),
            # or named alike after a title ("President Bush", not the town of Bush);
            # otherwise a name counts only where no alias matched: "Conseil de sécurité de
            # l'ONU" as one ORG would hide the UN.
            titled = ent.start > 0 and doc[ent.start - 1].lower_ in self._titles
            if label in PERSON_LABELS and overlapping and all(
                self._is_place(key) and (end - start < len(ent) or titled)
                for start, end, key in overlapping
            ):
                spans = [s for s in spans if s not in overlapping]
                overlapping = []
            if not overlapping:
                spans.append((ent.start, ent.end, f"?{label}"))
        found: list[Mention] = []
        for start, end, key in longest_first(spans):
            written = text[starts[start]:ends[end - 1]]
            if key.startswith("?"):
                found.append(Mention(start, end, written, "unknown", None, key[1:]))
                continue
            alias = self._keys[key]
            found.append(Mention(start, end, written, alias.kind, alias.entity_id))
        return found


def longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans (start, end, label) that do not overlap, in order: of overlapping ones the
    longest, then the first (spaCy's `filter_spans`, on tuples: a Span per alias found costs
    more than finding it)."""
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if span[0] not in taken and span[1] - 1 not in taken:
            kept.append(span)
            taken.update(range(span[0], span[1]))
    return sorted(kept, key=lambda s: s[0])
