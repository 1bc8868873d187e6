"""Certainty and attribution chain of one event, read from the cues around its trigger.

The chain is outermost first: an incise ("…, avance le Washington Post") wraps what the
sentence says; then, from the highest governing verb down, the sources marked on that verb's
clause ("D'après Reuters, des diplomates affirment…") wrap the verb's speaker, who wraps what
is below. A cited source ("citing two diplomatic sources") follows the one that cites it.
Certainty, strongest cue first: denied (negation, denial verb, a rejected report), alleged
(conditional mood, hedge, "is said to", an unconfirmed source), hypothetical (intention,
modal, "if"), reported (a named source), asserted (the outlet's own statement).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from selon.attribution.cues import Cues
from selon.parse.syntax import (
    children,
    dependents,
    is_passive,
    morph,
    noun_phrase,
    phrase_text,
    preposition_object,
    verbs_among,
    words_of,
)
from selon.records import Actor

# What a governing verb's clause is to the trigger: only these pass modality down.
# Adjuncts ("malgré un renforcement militaire") and modifiers do not take the modality of
# the verb they hang from; complements ("n'envisageait pas de frappes") do.
_GOVERNING = frozenset({"xcomp", "ccomp", "obj", "dobj", "pcomp", "obl:arg", "nsubj:pass",
                        "nsubjpass"})
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass"})
_OBJECTS = frozenset({"obj", "dobj", "pobj", "obl:arg"})
# A clause that completes a noun: "les informations selon lesquelles…", "reports that…".
_NOUN_CLAUSES = frozenset({"acl", "acl:relcl", "relcl", "ccomp"})
# The roles a governor of the trigger can play.
ACT, SPEECH, DENIAL, REPORT_NOUN, INTENTION_NOUN = "act", "speech", "denial", "report", "intention"
SUBJECT_OF, SCOPE = "subject of", "scope"  # the verb a noun act is subject of; a distant speaker


@dataclass(frozen=True)
class Claim:
    certainty: str
    attributed_to: tuple[str, ...]
    cues: tuple[str, ...]  # what was seen, for `selon explain`
    actors: tuple[Actor | None, ...] = ()  # the known actor each source names, if any


@dataclass(frozen=True)
class MarkedSource:
    """A source introduced by a marker: "selon X" (outer) or "citing X" (cited)."""

    position: int  # the marker's first token
    head: Token
    cited: bool = False


def _with_auxiliaries(token: Token) -> list[Token]:
    return [token, *(c for dep, c in dependents(token) if dep.startswith("aux"))]


def _lower(token: Token) -> str:
    return token.lower_.replace("’", "'")


def _words(text: str) -> str:
    return f" {' '.join(text.lower().replace('’', chr(39)).split())} "


class AttributionReader:
    """Reads certainty and sources for triggers of one language."""

    def __init__(self, cues: Cues, name_of: Callable[[Token], str | None],
                 actor_of: Callable[[Token], Actor | None] | None = None) -> None:
        self.cues = cues
        # Gives a canonical name for a source phrase (the gazetteer's), or None.
        self.name_of = name_of
        # Gives the known actor a source phrase names, or None.
        self.actor_of = actor_of
        self.actors: dict[str, Actor] = {}  # source text -> the actor it was read from
        # (marker words, whether it cites): "selon", "according to"; "citing"
        self._markers = [(m, False) for m in cues.source_markers] + [
            (m, True) for m in cues.citing_markers]

    # --- sources ---------------------------------------------------------------------------
    def source_text(self, head: Token) -> str:
        text = self._source_text(head)
        actor = self.actor_of(head) if self.actor_of is not None else None
        if actor is not None and text:
            self.actors[text] = actor
        return text

    def _source_text(self, head: Token) -> str:
        canonical = self.name_of(head)
        if canonical:
            return canonical
        named = self._named_in_apposition(head)
        if named is not None:
            # "le ministre sud-coréen de la Défense, Shin Won-sik": the person named.
            return self.name_of(named) or phrase_text(noun_phrase(named))
        phrase = [t for t in noun_phrase(head) if t.dep_ not in ("appos", "acl", "acl:relcl")]
        # Stop at the first comma: "le quotidien, qui…" or an apposition.
        cut: list[Token] = []
        for token in phrase:
            if token.i > head.i and token.is_punct:
                break
            cut.append(token)
        return phrase_text(cut)

    @staticmethod
    def _named_in_apposition(head: Token) -> Token | None:
        for token in noun_phrase(head):
            for dep, child in dependents(token):
                if dep == "appos" and child.pos_ == "PROPN" and child.i > head.i and (
                        child.doc[child.left_edge.i - 1].text == ","):
                    return child
        return None

    def marked_sources(self, sentence: Span) -> list[MarkedSource]:
        """Each source introduced by a marker ("selon X", "according to X", "citing X"),
        in the order of the text. A marker that ends in its own noun ("de source
        diplomatique") is the source; a relative pronoun ("selon lesquelles") is none."""
        # (the Doc's lowercase forms, read once for all its sentences: see `words_of`)
        words = [form.replace("’", "'").rstrip()
                 for _, _, form in words_of(sentence.doc)[sentence.start:sentence.end]]
        starts: dict[str, list[int]] = {}
        for position, word in enumerate(words):
            starts.setdefault(word, []).append(position)
        found: list[MarkedSource] = []
        for marker, cited in self._markers:
            size = len(marker)
            for start in starts.get(marker[0], ()):
                if tuple(words[start : start + size]) != marker:
                    continue
                last = sentence[start + size - 1]
                if last.pos_ in ("NOUN", "PROPN"):
                    found.append(MarkedSource(sentence[start].i, last, cited))
                    continue
                for token in sentence[start + size : start + size + 6]:
                    if token.pos_ in ("NOUN", "PROPN", "PRON"):
                        if "Rel" not in morph(token, "PronType"):
                            found.append(MarkedSource(sentence[start].i, token, cited))
                        break
        return sorted(found, key=lambda source: source.position)

    def speaker_of(self, verb: Token) -> Token | None:
        if is_passive(verb):
            # "was reported by Reuters": the agent; "is said to": nobody.
            for dep, child in dependents(verb):
                if dep == "agent":
                    return preposition_object(child)
                if dep == "obl:agent":
                    return child
            return None
        subjects = children(verb, _SUBJECTS)
        if subjects:
            return subjects[0]
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i != verb.i:
            # "has rejected the accusations and insists that…": the first verb's subject.
            return self.speaker_of(verb.head)
        # An inverted incise has its subject after the verb, sometimes parsed as an object;
        # "…, The New York Times reported" hangs the verb on its subject.
        after = [c for c in verb.rights if c.pos_ in ("PROPN", "NOUN") and c.dep_ in ("obj", "dobj")]
        if after:
            return after[0]
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("PROPN", "NOUN") and (
                verb.head.i < verb.i):
            return verb.head
        return None

    def is_demonstrative(self, head: Token) -> bool:
        return any(dep in ("det", "amod") and c.lower_ in self.cues.demonstratives
                   for dep, c in dependents(head))

    def refers_back(self, head: Token, previous_chain: tuple[str, ...]) -> bool:
        """"ces documents", "the same documents", or a definite noun that repeats a source
        named before ("Les documents précisent…", "The report also said")."""
        if not previous_chain:
            return False
        if self.is_demonstrative(head):
            return True
        definite = any(dep == "det" and "Def" in morph(c, "Definite")
                       for dep, c in dependents(head))
        if not definite or head.pos_ != "NOUN":
            return False
        said = {w for source in previous_chain for w in _words(source).split()}
        return _lower(head) in said or head.lemma_.lower() in said

    def hedged_source(self, head: Token) -> bool:
        """"des informations non confirmées", "unconfirmed reports": the source itself is a
        hedge."""
        # The participle of "non confirmées" is parsed as a clause: read the head's subtree
        # up to the first comma.
        tokens = [t for t in head.subtree if t.i >= head.i]
        cut = next((n for n, t in enumerate(tokens) if t.is_punct), len(tokens))
        phrase = _words(" ".join(t.text for t in [*noun_phrase(head), *tokens[:cut]]))
        return any(_words(hedge) in phrase for hedge in self.cues.hedges)

    # --- certainty -------------------------------------------------------------------------
    def negated(self, token: Token) -> bool:
        for dep, child in dependents(token):
            if dep == "neg" or (
                dep in ("advmod", "det") and _lower(child) in self.cues.negations
            ):
                return True
            # "n'a livré aucun drone", "delivered no drones": a negated object.
            if dep in _OBJECTS and any(
                    d == "det" and _lower(c) in self.cues.negations for d, c in dependents(child)):
                return True
        return False

    def conditional(self, token: Token) -> bool:
        return any("Cnd" in morph(t, "Mood") for t in _with_auxiliaries(token))

    def future(self, token: Token) -> bool:
        return any("Fut" in morph(t, "Tense") for t in _with_auxiliaries(token))

    def own_future(self, token: Token) -> bool:
        """What the subject will or would do: a future or conditional ("attaquera",
        "livrerait"), or a future auxiliary ("will attack", "would not provide")."""
        return self.future(token) or self.conditional(token) or any(
            dep.startswith("aux") and _lower(c) in self.cues.future_auxiliaries
            for dep, c in dependents(token))

    def own_intention(self, token: Token) -> bool:
        """"Obama wants to attack": the infinitive of an intention verb, the wanter's own act;
        not "wants Putin to attack" (the intention verb has an object: someone else acts)."""
        head = token.head
        return (token.dep_ == "xcomp" and head.i != token.i
                and head.lemma_.lower() in self.cues.intention_verbs
                and not children(head, ("obj", "dobj"))
                and not any(dep.startswith("nsubj") for dep, _ in dependents(token)))

    def past(self, token: Token) -> bool:
        """A past tense, simple or compound ("a menacé", "threatened")."""
        return "Past" in morph(token, "Tense") or any(
            dep == "aux:tense" for dep, _ in dependents(token))

    def modal(self, token: Token) -> bool:
        return any(dep.startswith("aux") and _lower(c) in self.cues.modal_auxiliaries
                   for dep, c in dependents(token))

    def hedged(self, token: Token) -> bool:
        # "la livraison présumée": the participle may be parsed as a clause on the noun.
        return any((dep in ("advmod", "amod") and _lower(c) in self.cues.hedges)
                   or (dep == "acl" and c.lemma_.lower() in self.cues.hedges)
                   for dep, c in dependents(token))

    def conditional_clause(self, token: Token) -> bool:
        return any(dep == "mark" and _lower(c) in self.cues.conditional_marks
                   for dep, c in dependents(token))

    def on_condition(self, token: Token) -> bool:
        """"…livrerait des drones si Caracas le demandait": a clause of condition on it."""
        return any(dep == "advcl" and self.conditional_clause(c) for dep, c in dependents(token))

    def future_in_past(self, token: Token, governors: list[tuple[Token, str]]) -> bool:
        """"Trump a annoncé qu'il rencontrerait…": a simple conditional under a speech verb is
        the future seen from the past, not a hedge ("aurait rencontré" stays one)."""
        simple = "Cnd" in morph(token, "Mood") and not any(
            dep.startswith("aux") for dep, _ in dependents(token))
        return simple and any(role == SPEECH for _, role in governors)

    def passive_hedge(self, token: Token) -> bool:
        """"is said to", "is believed to", "est soupçonné de": a passive with no agent."""
        return token.lemma_.lower() in self.cues.hedging_passives and is_passive(token) and (
            self.speaker_of(token) is None)

    def governors(self, trigger: Token) -> list[tuple[Token, str]]:
        """The trigger and the words that govern it, each with its role, up to the first
        speech or denial verb."""
        found: list[tuple[Token, str]] = [(trigger, ACT)]
        current = trigger
        while current.head.i != current.i:
            head = current.head
            if current.dep_ in _NOUN_CLAUSES and head.pos_ == "NOUN":
                # "rejette les informations selon lesquelles…", "has no plans to…"
                lemma = head.lemma_.lower()
                if lemma in self.cues.report_nouns:
                    found.append((head, REPORT_NOUN))
                    verb = head.head
                    if head.dep_ in _OBJECTS and verb.i != head.i:
                        if verb.lemma_.lower() in self.cues.rejection_verbs | self.cues.denial_verbs:
                            found.append((verb, DENIAL))
                        elif verb.lemma_.lower() in self.cues.speech_verbs:
                            found.append((verb, SPEECH))
                    break
                if lemma in self.cues.intention_nouns:
                    found.append((head, INTENTION_NOUN))
                    current = head
                    if head.dep_ in _OBJECTS and head.head.i != head.i:
                        current = head.head
                        found.append((current, ACT))
                    continue
                break
            if current.dep_ not in _GOVERNING:
                break
            current = head
            lemma = current.lemma_.lower()
            if lemma in self.cues.denial_verbs:
                found.append((current, DENIAL))
                break
            if lemma in self.cues.speech_verbs and not self.passive_hedge(current):
                found.append((current, SPEECH))
                break
            found.append((current, ACT))
        if trigger.pos_ == "NOUN" and trigger.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS and (
                len(found) == 1 and trigger.head.i != trigger.i):
            # "Un cycle de discussions doit se tenir dimanche": the verb the act is the
            # subject of says whether it is planned or alleged (not whether it is denied).
            found.append((trigger.head, SUBJECT_OF))
        if not any(role in (SPEECH, DENIAL, REPORT_NOUN) for _, role in found):
            speech = self._reporting_above(found[-1][0])
            if speech is not None:
                found.append((speech, SCOPE))
        return found

    def _reporting_above(self, token: Token) -> Token | None:
        """A speech verb whose complement holds the token through adjuncts ("Kiev affirme
        avoir identifié les débris après une frappe russe"): the speaker reports it too."""
        current = token
        while current.head.i != current.i:  # spaCy makes a new Token object on each access
            head = current.head
            if head.pos_ == "VERB" and head.lemma_.lower() in self.cues.speech_verbs:
                return head if current.dep_ in _GOVERNING else None
            current = head
        return None

    def claim(self, trigger: Token, sentence: Span, sources: list[MarkedSource],
              previous_chain: tuple[str, ...]) -> Claim:
        """`sources`: the sentence's `marked_sources`, found once for all its events."""
        cues: list[str] = []
        denied = alleged = hypothetical = False
        # (level, position, sources) of each speaker, the trigger's clause being level 0.
        speakers: list[tuple[int, int, tuple[str, ...]]] = []
        governors = self.governors(trigger)
        for level, (token, role) in enumerate(governors):
            lemma = token.lemma_.lower()
            if level == 1 and role == SPEECH and trigger.pos_ == "NOUN" and (
                trigger.dep_ in ("obj", "dobj")
            ):
                # "Le Trésor a annoncé des sanctions": whoever announces an act as its object
                # performs it; it is no report of someone else's act.
                continue
            if role == SCOPE:
                speaker = self.speaker_of(token)
                if speaker is not None:
                    speakers.append((level, speaker.i,
                                     self._source(speaker, previous_chain, cues)))
                    cues.append(f"in what {token.text!r} reports")
                continue
            if role in (SPEECH, DENIAL):
                speaker = self.speaker_of(token)
                if speaker is not None:
                    speakers.append((level, speaker.i,
                                     self._source(speaker, previous_chain, cues)))
                    if self.hedged_source(speaker):
                        alleged = True
                        cues.append(f"hedged source {speaker.text!r}")
                if role == DENIAL:
                    denied = True
                    cues.append(f"denial verb {token.text!r}")
                if self.negated(token):
                    # "X n'a pas dit que…" leaves the claim open; "X did not deny" confirms it.
                    cues.append(f"negated report {token.text!r}")
                continue
            if role == REPORT_NOUN:
                continue
            if role == INTENTION_NOUN:
                if self.negated(token):
                    denied = True
                    cues.append(f"negated intention {token.text!r}")
                else:
                    hypothetical = True
                    cues.append(f"intention {token.text!r}")
                continue
            if self.negated(token) and role != SUBJECT_OF:
                denied = True
                cues.append(f"negation on {token.text!r}")
            if self.hedged(token) or (level > 0 and self.passive_hedge(token)):
                alleged = True
                cues.append(f"hedge on {token.text!r}")
            below = governors[level - 1][0] if level > 0 else None
            if below is not None and lemma in self.cues.intention_verbs and (
                    # "are to withdraw", not "the problem is that…": a copula by its infinitive.
                    (token.pos_ != "AUX" and lemma not in ("be", "être")) or below.dep_ == "xcomp"):
                hypothetical = True
                cues.append(f"intention {token.text!r}")
            # "threatened Russia with consequences if Putin refused": the threat is made;
            # only a conditional mood with its condition ("livrerait … si") is hypothetical.
            conditioned = self.on_condition(token)
            if self.modal(token) or self.conditional_clause(token) or (
                    conditioned and not self.past(token)):
                hypothetical = True
                cues.append(f"modal or condition on {token.text!r}")
            if self.conditional(token):
                if lemma in self.cues.intention_verbs or conditioned or self.future_in_past(
                        token, governors):
                    hypothetical = True
                else:
                    alleged = True
                cues.append(f"conditional mood on {token.text!r}")
            elif self.future(token):
                hypothetical = True
                cues.append(f"future tense on {token.text!r}")
        for source in sources:
            if self.hedged_source(source.head):
                alleged = True
                cues.append(f"hedged source {source.head.text!r}")
        chain = self._chain(trigger, sentence, sources, governors, speakers, previous_chain,
                            cues)
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
        return Claim(certainty, chain, tuple(cues), tuple(self.actors.get(s) for s in chain))

    def _source(self, head: Token, previous_chain: tuple[str, ...],
                cues: list[str]) -> tuple[str, ...]:
        if self.refers_back(head, previous_chain):
            cues.append(f"source named before ({head.text!r})")
            return previous_chain
        return (self.source_text(head),)

    def incises(self, trigger: Token, sentence: Span) -> list[Token]:
        """Speech verbs after the trigger in a clause of their own set off by a comma or a
        closing quote ("…, a indiqué le ministère", "…, the ministry said"), however the
        parser hung them; a verb with its own "que"/"that" clause states something else."""
        found: list[Token] = []
        after = verbs_among(sentence.doc, max(trigger.i + 1, sentence.start), sentence.end,
                            self.cues.speech_verbs)
        if not after:
            return found
        ancestors = {t.i for t in trigger.ancestors}
        for token in after:
            if ("Inf" in morph(token, "VerbForm")
                    or "Ger" in morph(token, "VerbForm")
                    or any(dep in ("ccomp", "xcomp") and c.i > token.i
                           for dep, c in dependents(token))):
                continue
            if token.i in ancestors and token.dep_ != "ROOT":
                continue
            start = min([token.i, *(c.left_edge.i for dep, c in dependents(token)
                                    if dep.startswith("aux") or dep in _SUBJECTS)])
            if token.dep_ in ("acl", "relcl") and token.head.i < token.i:
                start = min(start, token.head.left_edge.i)
            before = token.doc[start - 1] if start > 0 else None
            if before is None or before.i <= trigger.i or not (
                    before.text == "," or before.is_quote or before.text in ("»", "”")):
                continue
            found.append(token)
        return found

    def _chain(self, trigger: Token, sentence: Span, sources: list[MarkedSource],
               governors: list[tuple[Token, str]],
               speakers: list[tuple[int, int, tuple[str, ...]]],
               previous_chain: tuple[str, ...], cues: list[str]) -> tuple[str, ...]:
        # (rank, position, sources): a higher rank is further out.
        items: list[tuple[float, int, tuple[str, ...]]] = []
        for verb in self.incises(trigger, sentence):
            speaker = self.speaker_of(verb)
            if speaker is not None:
                items.append((float("inf"), speaker.i, self._source(speaker, previous_chain, cues)))
                cues.append(f"incise {verb.text!r}")
        for level, position, said in speakers:
            items.append((2 * level, position, said))
        levels = {token.i: level for level, (token, _) in enumerate(governors)}
        cited: list[tuple[int, tuple[str, ...]]] = []
        for source in sources:
            if source.head.pos_ == "PRON":
                # "selon lui": the subject named before it in the sentence, whose own act or
                # words these are; else the source of the sentences before.
                subject = next((t for t in sentence if t.dep_ in _SUBJECTS
                                and t.i < source.head.i and t.pos_ != "PRON"), None)
                if subject is None and previous_chain:
                    items.append((2 * len(governors), source.position, previous_chain))
                continue
            said = self._source(source.head, previous_chain, cues)
            cues.append(f"source marker before {source.head.text!r}")
            # Where the marker phrase ("according to X", "citant X") hangs in the sentence.
            attached = next((t for t in source.head.ancestors
                             if not source.position <= t.i <= source.head.i), None)
            if attached is not None and attached.pos_ == "VERB" and attached.i != trigger.i and (
                    trigger in attached.ancestors):
                # "…de mener une politique qui prépare, selon lui, le terrain": a source
                # marked inside a clause below the act speaks for that clause only.
                continue
            if source.cited:
                cited.append((source.position, said))
                continue
            # The marked clause: the nearest governor above the source's head.
            level = next((levels[t.i] for t in source.head.ancestors if t.i in levels), 0)
            items.append((2 * level + 1, source.position, said))
        items.sort(key=lambda item: (-item[0], item[1]))
        ordered = [(position, said) for _, position, said in items]
        for position, said in cited:
            # After the source that cites it: the last one named before it, else the outermost.
            before = [n for n, (p, _) in enumerate(ordered) if p < position]
            at = max(before, key=lambda n: ordered[n][0]) + 1 if before else min(1, len(ordered))
            ordered.insert(at, (position, said))
        chain = [s for _, said in ordered for s in said if s]
        return tuple(dict.fromkeys(chain))
