"""Certainty and attribution chain of one event, read from the cues around its trigger.

The chain is outermost first: an inverted incise ("…, avance le Washington Post") wraps a
speech verb that governs the trigger ("X a déclaré que…"), which wraps a source marker in the
clause ("selon des documents américains"). Certainty, strongest cue first: denied (negation,
denial verb), alleged (conditional mood, hedge), hypothetical (intention, modal, "if"),
reported (a named source), asserted (the outlet's own statement).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from selon.attribution.cues import Cues
from selon.parse.syntax import noun_phrase, phrase_text

# What a governing verb's clause is to the trigger: only these pass modality down.
# Adjuncts ("malgré un renforcement militaire") and modifiers do not take the modality of
# the verb they hang from; complements ("n'envisageait pas de frappes") do.
_GOVERNING = frozenset({"xcomp", "ccomp", "obj", "dobj", "pcomp", "obl:arg", "nsubj:pass",
                        "nsubjpass"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})


@dataclass(frozen=True)
class Claim:
    certainty: str
    attributed_to: tuple[str, ...]
    cues: tuple[str, ...]  # what was seen, for `selon explain`


def _lower(token: Token) -> str:
    return token.lower_.replace("’", "'")


class AttributionReader:
    """Reads certainty and sources for triggers of one language."""

    def __init__(self, cues: Cues, name_of: Callable[[Token], str | None]) -> None:
        self.cues = cues
        # Gives a canonical name for a source phrase (the gazetteer's), or None.
        self.name_of = name_of

    # --- sources ---------------------------------------------------------------------------
    def source_text(self, head: Token) -> str:
        canonical = self.name_of(head)
        if canonical:
            return canonical
        phrase = [t for t in noun_phrase(head) if t.dep_ not in ("appos", "acl", "acl:relcl")]
        # Stop at the first comma: "le quotidien, qui…" or an apposition.
        cut: list[Token] = []
        for token in phrase:
            if token.i > head.i and token.is_punct:
                break
            cut.append(token)
        return phrase_text(cut)

    def marked_sources(self, sentence: Span) -> list[tuple[int, Token]]:
        """(position, head) of each source introduced by a marker ("selon X", "according to X")."""
        words = [_lower(t) for t in sentence]
        found: list[tuple[int, Token]] = []
        for marker in self.cues.source_markers:
            size = len(marker)
            for start in range(len(words) - size + 1):
                if tuple(w.rstrip() for w in words[start : start + size]) != marker:
                    continue
                for token in sentence[start + size : start + size + 6]:
                    if token.pos_ in ("NOUN", "PROPN", "PRON"):
                        found.append((sentence[start].i, token))
                        break
        return sorted(found, key=lambda pair: pair[0])

    def speaker_of(self, verb: Token) -> Token | None:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects[0]
        # An inverted incise has its subject after the verb, sometimes parsed as an object.
        after = [c for c in verb.rights if c.pos_ in ("PROPN", "NOUN") and c.dep_ in ("obj", "dobj")]
        return after[0] if after else None

    def is_demonstrative(self, head: Token) -> bool:
        return any(c.dep_ in ("det", "amod") and c.lower_ in self.cues.demonstratives
                   for c in head.children)

    # --- certainty -------------------------------------------------------------------------
    def negated(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "neg" or (
                child.dep_ in ("advmod", "det") and _lower(child) in self.cues.negations
            ):
                return True
        return False

    def conditional(self, token: Token) -> bool:
        tokens = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
        return any("Cnd" in t.morph.get("Mood", []) for t in tokens)

    def future(self, token: Token) -> bool:
        tokens = [token, *(c for c in token.children if c.dep_.startswith("aux"))]
        return any("Fut" in t.morph.get("Tense", []) for t in tokens)

    def modal(self, token: Token) -> bool:
        return any(c.dep_.startswith("aux") and _lower(c) in self.cues.modal_auxiliaries
                   for c in token.children)

    def hedged(self, token: Token) -> bool:
        return any(c.dep_ in ("advmod", "amod") and _lower(c) in self.cues.hedges
                   for c in token.children)

    def conditional_clause(self, token: Token) -> bool:
        return any(c.dep_ == "mark" and _lower(c) in self.cues.conditional_marks
                   for c in token.children)

    def claim(self, trigger: Token, sentence: Span, sources: list[tuple[int, Token]],
              previous_chain: tuple[str, ...]) -> Claim:
        """`sources`: the sentence's `marked_sources`, found once for all its events."""
        cues: list[str] = []
        denied = alleged = hypothetical = False
        speakers: list[str] = []
        # The trigger and the verbs that govern it, up to the first speech or denial verb.
        chain_of_governors: list[Token] = [trigger]
        current = trigger
        while current.head is not current and current.dep_ in _GOVERNING:
            current = current.head
            chain_of_governors.append(current)
            if current.lemma_.lower() in self.cues.speech_verbs | self.cues.denial_verbs:
                break
        for level, token in enumerate(chain_of_governors):
            lemma = token.lemma_.lower()
            is_reporting = lemma in self.cues.speech_verbs or lemma in self.cues.denial_verbs
            if level == 1 and lemma in self.cues.speech_verbs and trigger.pos_ == "NOUN" and (
                trigger.dep_ in ("obj", "dobj")
            ):
                # "Le Trésor a annoncé des sanctions": whoever announces an act as its object
                # performs it; it is no report of someone else's act.
                continue
            if level > 0 and is_reporting:
                speaker = self.speaker_of(token)
                if speaker is not None:
                    speakers.append(self.source_text(speaker))
                if lemma in self.cues.denial_verbs:
                    denied = True
                    cues.append(f"denial verb {token.text!r}")
                continue
            if self.negated(token):
                denied = True
                cues.append(f"negation on {token.text!r}")
            if self.hedged(token):
                alleged = True
                cues.append(f"hedge on {token.text!r}")
            if level > 0 and lemma in self.cues.intention_verbs:
                hypothetical = True
                cues.append(f"intention {token.text!r}")
            if self.modal(token) or self.conditional_clause(token):
                hypothetical = True
                cues.append(f"modal or condition on {token.text!r}")
            if self.conditional(token):
                if lemma in self.cues.intention_verbs:
                    hypothetical = True
                else:
                    alleged = True
                cues.append(f"conditional mood on {token.text!r}")
            elif self.future(token):
                hypothetical = True
                cues.append(f"future tense on {token.text!r}")
        chain = self._chain(trigger, sentence, sources, speakers, previous_chain, cues)
        if denied:
            certainty = "denied"
        elif alleged:
            certainty = "alleged"
        elif hypothetical:
            certainty = "hypothetical"
        elif chain:
            certainty = "reported"
        else:
            certainty = "asserted"
        return Claim(certainty, chain, tuple(cues))

    def _chain(self, trigger: Token, sentence: Span, sources: list[tuple[int, Token]],
               speakers: list[str],
               previous_chain: tuple[str, ...], cues: list[str]) -> tuple[str, ...]:
        outer: list[str] = []
        governors = {t.i for t in trigger.ancestors}
        # An incise: a speech verb that neither governs nor is governed by the trigger.
        for token in sentence:
            if (token.lemma_.lower() in self.cues.speech_verbs and token.i not in governors
                    and token.i > trigger.i and token is not trigger
                    and (token.dep_ == "parataxis"
                         or (token.dep_ == "ROOT" and trigger not in token.subtree))):
                speaker = self.speaker_of(token)
                if speaker is not None and speaker.i > token.i:
                    outer.append(self.source_text(speaker))
                    cues.append(f"incise {token.text!r}")
        marked: list[str] = []
        for _, head in sources:
            if self.is_demonstrative(head) and previous_chain:
                marked.extend(previous_chain)
                cues.append("source named before")
            else:
                marked.append(self.source_text(head))
                cues.append(f"source marker before {head.text!r}")
        chain = [s for s in (*outer, *reversed(speakers), *marked) if s]
        return tuple(dict.fromkeys(chain))
