"""Open questions: sentences that say something is not known ("Les documents ne précisent
toutefois pas la réponse de la Russie", "It was not clear whether…", "officials did not say
how…"), each linked to the article's events it concerns.

A sentence is an open question when it holds a phrase of `open_questions`
(`lang/<lang>/attribution.toml`; "~" stands for any one word) or a negated verb of
`open_question_verbs`. It concerns the events that share the most with it: the sides its
names give (countries, organisations), then the type of an act it names ("les demandes" a
REQUEST). A question that names neither concerns the events of its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from selon.actors import Mention
from selon.actors.resolve import ActorResolver, MentionIndex
from selon.attribution.cues import Cues
from selon.events.coder import EventCoder, side_of
from selon.parse.syntax import words_of
from selon.records import Event, OpenQuestion


def _words(sentence: Span) -> list[str]:
    words = [lower.replace("’", "'") for _, _, lower in _rows(sentence)]
    return ["not" if w == "n't" else w for w in words]


def _rows(sentence: Span) -> list[tuple[int, str, str]]:
    return words_of(sentence.doc)[sentence.start:sentence.end]


@cache
def _with_needed_words(phrases: tuple[tuple[str, ...], ...]
                       ) -> tuple[tuple[frozenset[str], tuple[str, ...]], ...]:
    """Each phrase with the words it needs ("~" is any word): most sentences lack one of them,
    and one set test says so before any scan."""
    return tuple((frozenset(p for p in phrase if p != "~"), phrase) for phrase in phrases)


def _phrase_at(words: list[str], start: int, phrase: tuple[str, ...]) -> bool:
    if start + len(phrase) > len(words):
        return False
    return all(p in ("~", w) for p, w in zip(phrase, words[start : start + len(phrase)],
                                              strict=False))


@dataclass(frozen=True)
class _Asked:
    question: OpenQuestion
    sides: frozenset[str]  # countries and organisation codes its names give
    types: frozenset[str]  # types of the acts it names
    paragraph: tuple[int, int]  # the paragraph's first and last character in the article



class QuestionFinder:
    """Finds the open questions of one article, sentence by sentence, then links them."""

    def __init__(self, cues: Cues, resolver: ActorResolver) -> None:
        self.cues = cues
        self.resolver = resolver
        self.asked: list[_Asked] = []
        self._phrases = _with_needed_words(cues.open_questions)

    def cue_in(self, sentence: Span) -> str | None:
        """The phrase or negated verb that makes the sentence an open question, or None."""
        words = _words(sentence)
        present = set(words)
        for needed, phrase in self._phrases:
            if not needed <= present:
                continue
            if any(_phrase_at(words, start, phrase) for start in range(len(words))):
                return " ".join(phrase)
        for i, (_, lemma, _) in enumerate(_rows(sentence), sentence.start):
            verb = lemma.lower()
            if verb in self.cues.open_question_verbs and self._negated(sentence.doc[i]):
                return f"not {verb}"
        return None

    def _negated(self, token: Token) -> bool:
        return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in self.cues.negations)
                   for c in token.children)

    def read(self, sentence: Span, offset: int, mentions: MentionIndex, coder: EventCoder) -> None:
        """Keep the sentence if it is an open question; `offset`: its paragraph's start in the
        article; `coder` says which acts its words name."""
        cue = self.cue_in(sentence)
        if cue is None:
            return
        found: list[Mention] = mentions.within(sentence.start, sentence.end)
        sides = {side for m in found if (side := side_of(self.resolver.mention_actor(m)))}
        doc = sentence.doc
        self.asked.append(_Asked(
            OpenQuestion(sentence.text.strip(), offset + sentence.start_char,
                         offset + sentence.end_char, cue),
            frozenset(sides), frozenset(e.type for e in coder.triggers_in(sentence).values()),
            (offset, offset + len(doc.text)),
        ))

    def linked(self, events: tuple[Event, ...]) -> tuple[OpenQuestion, ...]:
        """Each open question with the indices of the events it concerns."""
        questions = []
        for asked in self.asked:
            scores = [self._score(asked, event) for event in events]
            best = max(scores, default=0)
            if best > 0:
                chosen = tuple(n for n, score in enumerate(scores) if score == best)
            else:
                first, last = asked.paragraph
                chosen = tuple(n for n, event in enumerate(events)
                               if first <= event.provenance.sentence_start < last)
            questions.append(OpenQuestion(asked.question.sentence, asked.question.sentence_start,
                                          asked.question.sentence_end, asked.question.cue,
                                          chosen))
        return tuple(questions)

    @staticmethod
    def _score(asked: _Asked, event: Event) -> int:
        shared = {side_of(event.source), side_of(event.target)} & asked.sides
        if not shared:
            return 0
        return 2 * len(shared) + int(event.type in asked.types)
