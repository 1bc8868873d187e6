"""The stages in order. Each reads what the one before wrote and adds one thing:

    read      files, folders, stdin          -> Article (text, metadata) or DocumentError
    clean     Article.text                   -> normalised text, boilerplate lines and dateline out
    language  Article.text, Article.lang     -> lang (a declared `lang` wins)
    identity  cleaned text                   -> Article.content_hash
    parse     text                           -> one spaCy Doc per paragraph (nlp.pipe, batched)
    actors    Doc                            -> Mentions (gazetteer aliases, unknown names)
    events    Doc, Mentions                  -> Candidates (trigger, source, target, objects)
    claims    Candidate, sentence            -> certainty, attributed_to
    values    sentence                       -> date, quantities
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Span, Token

from selon.actors import ActorMatcher, Gazetteer, Mention, load_gazetteer
from selon.actors.references import Discourse, ReferenceWords, load_reference_words
from selon.actors.resolve import ActorResolver, MentionIndex
from selon.attribution import AttributionReader, MarkedSource, load_cues
from selon.attribution.certainty import Claim
from selon.attribution.questions import QuestionFinder
from selon.clean import content_hash, load_boilerplate, normalize_text
from selon.clean.dateline import split_dateline
from selon.config import Settings, load_settings
from selon.errors import SelonError
from selon.events import EventCoder, load_lexicon
from selon.events.coder import ANY_ACT, Candidate, same_actor, side_of
from selon.langid import LanguageDetector
from selon.parse import Paragraph, ParsedArticle, Parsers
from selon.parse.repairs import CLAUSE_MARKS
from selon.parse.syntax import morph
from selon.records import Actor, Article, DocumentError, Event, OpenQuestion, Provenance, Quantity
from selon.values import load_quantity_finder
from selon.values.dates import TimeExpression, load_date_finder, parse_date
from selon.values.when import act_date, time_nouns


@dataclass(frozen=True)
class Coded:
    """An article with the events found in it, and its open questions."""

    article: Article
    events: tuple[Event, ...]
    questions: tuple[OpenQuestion, ...] = ()
    # The text's MinHash signature (selon.store.duplicates), where it was computed with the
    # coding (in a worker process); the store computes it otherwise.
    signature: Any = field(default=None, compare=False, repr=False)


Outcome = Coded | DocumentError


@dataclass(frozen=True)
class SentenceTrace:
    """What `selon explain` shows of one sentence."""

    start: int
    text: str
    events: tuple[Event, ...]
    missed: tuple[tuple[str, str], ...]  # (trigger word, why it gave no event)


@dataclass(frozen=True)
class ArticleScope:
    """Per-article state of the actor and event stages."""

    resolver: ActorResolver
    coder: EventCoder
    mentions: list[MentionIndex]  # one per paragraph
    home: str | None


class Pipeline:
    """Articles in, coded articles (or per-document errors) out. Models load on first use."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.boilerplate = load_boilerplate(self.settings.languages)
        self.detector = LanguageDetector(self.settings.languages, self.settings.detect_among)
        self.parsers = Parsers(self.settings)
        self.gazetteer = load_gazetteer(self.settings.languages)
        self._matchers: dict[str, ActorMatcher] = {}

    # --- stages before the parse -----------------------------------------------------------
    def prepare(self, article: Article) -> Article:
        """Clean, identify the language, and hash: raises SelonError for an unusable document."""
        text = normalize_text(self.boilerplate.drop_lines(article.text))
        dateline, text = split_dateline(text)
        if not text:
            raise SelonError("no text left after cleaning")
        lang = self.detector.detect(text, declared=article.lang)
        outlet = article.outlet or (dateline.agency if dateline else None)
        return replace(article, text=text, lang=lang, outlet=outlet, content_hash=content_hash(text))

    def load(self, lang: str) -> None:
        """Load all that coding `lang` reads (its model, aliases, lexicon, cues, value
        finders) now rather than for its first article; a missing model fails here."""
        self.parsers.nlp(lang)
        self.matcher(lang)
        load_reference_words(lang)
        load_lexicon(lang)
        load_cues(lang)
        load_date_finder(lang)
        load_quantity_finder(lang)
        time_nouns(lang)

    def matcher(self, lang: str) -> ActorMatcher:
        if lang not in self._matchers:
            self._matchers[lang] = shared_matcher(self.gazetteer, lang)
        return self._matchers[lang]

    # --- the whole run ---------------------------------------------------------------------
    def run(
        self,
        items: Iterable[Article | DocumentError],
        skip: Callable[[Article], bool] | None = None,
    ) -> Iterator[Outcome]:
        """Code every article; `skip` drops prepared articles before the parse (already stored)."""
        batch: list[Article] = []
        for item in items:
            if isinstance(item, DocumentError):
                yield item
                continue
            try:
                prepared = self.prepare(item)
            except SelonError as error:
                yield DocumentError(item.origin or item.id, str(error))
                continue
            if skip is not None and skip(prepared):
                continue
            batch.append(prepared)
            if len(batch) >= self.settings.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[Outcome]:
        parsed = self.parsers.parse([(a, a.lang or "") for a in batch])
        for article in parsed:
            yield self.coded(article)

    def scope(self, parsed: ParsedArticle) -> ArticleScope:
        """What coding one article needs: its resolver, coder, mentions and home country."""
        lang, day = parsed.lang, parse_date(parsed.article.date)
        words = load_reference_words(lang)
        resolver = ActorResolver(self.gazetteer, lang, day, words.quantity_nouns)
        coder = EventCoder(load_lexicon(lang), resolver, Discourse(words), load_cues(lang).denial_verbs)
        matcher = self.matcher(lang)
        found = [matcher.mentions(p.doc, p.text) for p in parsed.paragraphs]
        home = home_country(resolver, [m for ms in found for m in ms])
        return ArticleScope(resolver, coder, [MentionIndex.of(ms) for ms in found], home)

    def code(self, parsed: ParsedArticle) -> tuple[Event, ...]:
        return self.coded(parsed).events

    def coded(self, parsed: ParsedArticle) -> Coded:
        """The article's events, and its open questions linked to them."""
        article, lang = parsed.article, parsed.lang
        day = parse_date(article.date)
        scope = self.scope(parsed)
        finder = load_date_finder(lang)
        quantities = load_quantity_finder(lang)
        events: list[Event] = []
        previous_chain: tuple[str, ...] = ()
        authors: list[tuple[str, Actor]] = []  # (type, source) of the events so far, in order
        partners: list[tuple[Actor, Actor]] = []  # (source, target) of the events so far
        # Each act coded so far, with the trigger (its character offset) that coded it.
        coded_acts: dict[tuple[str, str | None, str | None, bool], int] = {}
        stated_sources: list[MarkedSource] = []
        questions = QuestionFinder(load_cues(lang), scope.resolver)
        stateless = self.gazetteer.stateless
        for paragraph, mentions in zip(parsed.paragraphs, scope.mentions, strict=True):
            reader = AttributionReader(load_cues(lang), _canonical_names(scope.resolver, mentions,
                                                                         scope.coder.discourse),
                                       _source_actors(scope.resolver, mentions, scope.coder.discourse))
            for sentence in paragraph.doc.sents:
                if is_heading(sentence):
                    continue
                questions.read(sentence, paragraph.start, mentions, scope.coder)
                seen: set[tuple[object, ...]] = set()
                sources = reader.marked_sources(sentence)
                if continues_sentence(sentence):
                    # "Selon le quotidien, les coopérations se multiplient : l'ouverture d'une
                    # usine…": what follows the colon is said by the same source.
                    sources = stated_sources + sources
                stated_sources = sources
                # Its text, when and how much: read once, for the sentence's first event (many
                # have none; spaCy builds a span's text token by token at each asking).
                values: tuple[str, list[TimeExpression], tuple[Quantity, ...]] | None = None
                # "selon un rapport consulté par l'AFP": a verb that names a source is no act.
                source_words = {i for source in sources if source.head.sent == sentence
                                for i in source_phrase(source.head)}
                for candidate in scope.coder.code_sentence(sentence, mentions):
                    if candidate.trigger.i in source_words and candidate.trigger.pos_ == "VERB":
                        continue
                    sides = (at_home(candidate.source, scope.home, stateless),
                             at_home(candidate.target, scope.home, stateless))
                    if sides != (candidate.source, candidate.target):
                        candidate = replace(candidate, source=sides[0], target=sides[1])
                    candidate = implied_target(candidate, authors)
                    candidate = with_counterpart(candidate, partners, scope.coder.discourse.words)
                    author = candidate.source  # before an act of war makes it its armed forces
                    if candidate.entry.type in scope.coder.lexicon.military_types and (
                            (military := by_its_military(candidate.source)) is not candidate.source):
                        candidate = replace(candidate, source=military)
                    if candidate.source is not None:
                        authors.append((candidate.entry.type, candidate.source))
                        if candidate.target is not None:
                            partners.append((candidate.source, candidate.target))
                    if not self.complete(candidate):
                        continue
                    claim = reader.claim(candidate.trigger, sentence, sources, previous_chain)
                    candidate, claim = as_stance(candidate, claim, reader, author)
                    # One event per act and stance: a claim and its denial are two events.
                    denied = claim.certainty == "denied"
                    key = (candidate.entry.type, candidate.source, candidate.target, denied)
                    act = (candidate.entry.type, side_of(candidate.source),
                           side_of(candidate.target), denied)
                    at = paragraph.start + candidate.trigger.idx
                    if key in seen or (candidate.entry.pos == "noun"
                                       and coded_acts.get(act, at) != at):
                        # "les demandes de Caracas" after Caracas's request: the same act again
                        # (but "des mesures visant Rosneft et Lukoil" are two).
                        continue
                    seen.add(key)
                    coded_acts.setdefault(act, at)
                    if values is None:
                        text = sentence.text
                        values = (text, finder.find(text, day),
                                  tuple(q.quantity for q in quantities.find(text)))
                    events.append(replace(self._event(article, paragraph, sentence, candidate,
                                                      claim.certainty, claim.attributed_to,
                                                      *values),
                                          attributed_actors=claim.actors))
                    if claim.attributed_to:
                        previous_chain = claim.attributed_to
                for source in sources:
                    if not reader.is_demonstrative(source.head):
                        previous_chain = (reader.source_text(source.head),)
        return Coded(article, tuple(events), questions.linked(tuple(events)))

    def complete(self, candidate: Candidate) -> bool:
        """Whether an event has the sides it needs: a source, and a target unless its type may
        have none (settings: untargeted_types); and two sides, not one actor twice."""
        if candidate.source is None:
            return False
        if candidate.target is None:
            return candidate.entry.type in self.settings.untargeted_types
        return not same_actor(candidate.source, candidate.target)

    def explain(self, parsed: ParsedArticle) -> list[SentenceTrace]:
        """For each sentence: its events, and the lexicon words that gave none, with why."""
        events = self.code(parsed)
        lang = parsed.lang
        # why_not reads frames only: a coder with no article state, and no second matching pass.
        coder = EventCoder(load_lexicon(lang), ActorResolver(self.gazetteer, lang, None),
                           Discourse(load_reference_words(lang)))
        traces: list[SentenceTrace] = []
        for paragraph in parsed.paragraphs:
            for sentence in paragraph.doc.sents:
                start = paragraph.start + sentence.start_char
                own = tuple(e for e in events if e.provenance.sentence_start == start)
                fired = {e.provenance.trigger_start for e in own}
                triggers = coder.triggers_in(sentence)
                missed = tuple(
                    (token.text, reason) for token in sentence
                    if paragraph.start + token.idx not in fired
                    and (reason := coder.why_not(token, triggers)) is not None
                )
                traces.append(SentenceTrace(start, sentence.text.strip(), own, missed))
        return traces

    def actor_at(self, parsed: ParsedArticle, start: int, end: int) -> Actor | None:
        """The actor the text between characters `start` and `end` names, read as the coder
        reads it: the sentences before are coded first, so that references can point back."""
        scope = self.scope(parsed)
        for paragraph, mentions in zip(parsed.paragraphs, scope.mentions, strict=True):
            for sentence in paragraph.doc.sents:
                if paragraph.start + sentence.end_char <= start:
                    for _ in scope.coder.code_sentence(sentence, mentions):
                        pass
                    continue
                span = paragraph.doc.char_span(start - paragraph.start, end - paragraph.start,
                                               alignment_mode="expand")
                if span is None:
                    return None
                # A span the parser split has several roots ("Le conglomérat public | Rostec"):
                # the one that gives a name wins, else the first that gives an actor.
                roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end
                         or t.head == t]
                found = [a for head in roots for t, a in scope.coder.actors_of([head], mentions)
                         if t == head]
                best = next((a for a in found if a.name), found[0] if found else None)
                return at_home(best, scope.home, self.gazetteer.stateless)
        return None

    def _event(self, article: Article, paragraph: Paragraph, sentence: Span,
               candidate: Candidate, certainty: str, chain: tuple[str, ...],
               text: str, times: list[TimeExpression], amounts: tuple[Quantity, ...]) -> Event:
        """The event; `text` is the sentence's."""
        trigger: Token = candidate.trigger
        offset = paragraph.start
        dated = act_date(times, sentence, trigger, time_nouns(article.lang or ""))
        return Event(
            article_id=article.id,
            type=candidate.entry.type,
            mode=candidate.entry.mode,
            context=candidate.entry.context,
            source=candidate.source,
            target=candidate.target,
            sentence=text.strip(),
            certainty=certainty,
            attributed_to=chain,
            date=dated.value if dated else None,
            location=candidate.location,
            objects=candidate.objects,
            quantities=amounts,
            provenance=Provenance(
                content_hash=article.content_hash,
                sentence_start=offset + sentence.start_char,
                sentence_end=offset + sentence.end_char,
                trigger=trigger.text,
                trigger_start=offset + trigger.idx,
                trigger_end=offset + trigger.idx + len(trigger.text),
                rule=candidate.entry.rule,
            ),
        )


_MATCHERS: dict[tuple[int, str], ActorMatcher] = {}


def shared_matcher(gazetteer: Gazetteer, lang: str) -> ActorMatcher:
    """One matcher per gazetteer and language in a process: building one reads some seventy
    thousand alias forms, and a matcher is only read once built."""
    key = (id(gazetteer), lang)
    if key not in _MATCHERS:
        _MATCHERS[key] = ActorMatcher(gazetteer, lang)
    return _MATCHERS[key]


# A share of the article's country mentions above which one country is the story's home.
HOME_SHARE = 0.4
# Sectors that belong to a country even when the sentence does not say which one ("la police",
# "the opposition", "des manifestants"); organisations, companies and media do not.
DOMESTIC_SECTORS = frozenset({"GOV", "MIL", "COP", "CVL", "OPP", "JUD", "LEG", "REB", "PTY"})


def home_country(resolver: ActorResolver, mentions: list[Mention]) -> str | None:
    """The country the article is about, if one dominates its country mentions."""
    # A city counts for its country: "à Niamey" places the story in Niger.
    countries = Counter(resolver.mention_actor(m).country if not resolver.is_country(m) else m.entity_id
                        for m in mentions if resolver.is_place(m))
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    return country if count / sum(countries.values()) >= HOME_SHARE else None


def at_home(actor: Actor | None, home: str | None,
            stateless: frozenset[str] = frozenset()) -> Actor | None:
    """A domestic actor with no country of its own is the home's; not one of the `stateless`
    groups (Gazetteer.stateless): "Islamic State" in an American story is not American."""
    if actor is None or home is None or actor.country or actor.org or actor.name in stateless:
        return actor
    if actor.sector in DOMESTIC_SECTORS:
        # "la police antiémeute", and "le ministre de l'Intérieur, Ali Yerlikaya" too: a
        # foreign official would have had his country named beside his role.
        return replace(actor, country=home)
    return actor


def is_heading(sentence: Span) -> bool:
    """A heading inside the text ("Demande de soutien de la Chine"): short, no finite verb,
    no closing punctuation. Its act, if any, is told in the sentences under it."""
    last = next((text for t in reversed(sentence) if (text := t.text.rstrip())), "")
    if last.endswith((".", "!", "?", "»", '"', "”", ":", ";")):
        return False  # closed: most sentences stop here (read off the last word, not the text)
    words = [t for t in sentence if not t.is_punct and not t.is_space]
    if len(words) > 14:
        return False
    return not any("Fin" in morph(t, "VerbForm") for t in sentence)


def source_phrase(head: Token) -> set[int]:
    """The tokens of the phrase that names a source, without a clause that has a subject of its
    own: the parser may hang the main clause under "Selon ces documents, qui…"."""
    found = {head.i}
    for child in head.children:
        if child.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and c.pos_ != "PRON"
                for c in child.children):
            continue
        found |= source_phrase(child)
    return found


def continues_sentence(sentence: Span) -> bool:
    """Whether the parser was told to start this sentence after a colon or semicolon (see
    selon.parse.repairs): it is the second half of one written sentence."""
    return sentence.start > 0 and sentence.doc[sentence.start - 1].text in CLAUSE_MARKS


def by_its_military(actor: Actor | None) -> Actor | None:
    """A country as the author of a military act is its armed forces: "Israel struck" ISR MIL."""
    if actor is None or actor.name or actor.org or actor.sector != "GOV" or not actor.country:
        return actor
    return replace(actor, sector="MIL")


# Acts that answer an act told before: their target may be that act's author.
REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT"})


def implied_target(candidate: Candidate, authors: list[tuple[str, Actor]]) -> Candidate:
    """A target the sentence implies without naming it.

    "Kigali a dénoncé des sanctions": the act denounced names its author, the source of the
    latest such act in the article by another side; "Guyana hailed the decision": the latest
    act by another side. "Thousands rallied in Tbilisi": a protest with no addressee is
    addressed to the protesters' own government (CAMEO and PLOVER practice).
    """
    if candidate.target is not None or candidate.source is None:
        return candidate
    wanted = candidate.object_event
    if wanted is not None and (wanted != ANY_ACT or candidate.entry.type in REACTION_TYPES):
        side = side_of(candidate.source)
        for kind, author in reversed(authors):
            if (wanted in (ANY_ACT, kind)) and side_of(author) != side:
                return replace(candidate, target=author)
    if candidate.entry.type == "PROTEST" and candidate.source.country:
        return replace(candidate, target=Actor(country=candidate.source.country, sector="GOV"))
    return candidate


def with_counterpart(candidate: Candidate, partners: list[tuple[Actor, Actor]],
                     words: ReferenceWords) -> Candidate:
    """"Le chef de l'État russe a prévenu son homologue": the counterpart is the other side of
    the latest act between the source's country and another one."""
    source, target = candidate.source, candidate.target
    if source is None or target is None or len(candidate.side_tokens) < 2:
        return candidate
    token = candidate.trigger.doc[candidate.side_tokens[1]]
    if token.lemma_.lower() not in words.counterpart_nouns:
        return candidate
    for one, other in reversed(partners):
        for mine, theirs in ((one, other), (other, one)):
            if mine.country == source.country and theirs.country not in (None, source.country):
                return replace(candidate, target=theirs)
    return candidate


def as_stance(candidate: Candidate, claim: Claim, reader: AttributionReader,
              author: Actor | None) -> tuple[Candidate, Claim]:
    """An attack its own author announces is a threat made now (PLOVER THREATEN, violence),
    not a hypothetical ASSAULT: "Obama wants to attack Switzerland", "they will attack Iraq".
    Only the author's own future, conditional or wanted attack: "Russia could attack" and
    "Obama wants Putin to attack" stay hypothetical assaults. (A refusal stays the act denied,
    as FORMAT.md has it: "he would not provide support" is a denied AID.) `author`: the
    source as named, before `by_its_military` (a country threatens, its army attacks)."""
    trigger, entry = candidate.trigger, candidate.entry
    if entry.type != "ASSAULT" or claim.certainty != "hypothetical" or not (
            reader.own_future(trigger) or reader.own_intention(trigger)):
        return candidate, claim
    threat = replace(entry, type="THREATEN", mode="violence")
    certainty = "reported" if claim.attributed_to else "asserted"
    return (replace(candidate, entry=threat, source=author),
            replace(claim, certainty=certainty, cues=(*claim.cues, "an attack announced by its author")))


def _canonical_names(resolver: ActorResolver, mentions: MentionIndex,
                     discourse: Discourse) -> Callable[[Token], str | None]:
    """A source's name as the gazetteer spells it, for people and organisations; "le quotidien
    américain" is the American paper named before."""

    def name_of(token: Token) -> str | None:
        mention = mentions.at(token)
        if mention is None:
            adjectives = [m for c in token.children if c.dep_ == "amod"
                          and (m := mentions.at(c)) is not None and resolver.is_country(m)]
            country = resolver.mention_actor(adjectives[0]).country if adjectives else None
            described = discourse.described(token, country)
            return described.name if described else None
        if mention.entity_id is None or resolver.is_country(mention):
            return None
        return resolver.mention_actor(mention).name

    return name_of


def _source_actors(resolver: ActorResolver, mentions: MentionIndex,
                   discourse: Discourse) -> Callable[[Token], Actor | None]:
    """The known actor a source names ("le Kremlin", "Moscou", "le quotidien américain", "the
    Russian defence ministry"), for the store's attribution rows and acts' sources."""

    def actor_of(token: Token) -> Actor | None:
        mention = mentions.at(token)
        if mention is not None and mention.entity_id is not None:
            return resolver.mention_actor(mention)
        if mention is None and (described := discourse.described(token, None)) is not None:
            return described
        # A role phrase: "Russia's defence ministry", "les autorités ukrainiennes".
        return resolver.actor(token, mentions)

    return actor_of
