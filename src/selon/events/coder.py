"""The rule coder: lexicon triggers in the parse, with source and target from the syntax.

For each sentence, each token whose lemma is a trigger of the language's lexicon (a verb as
VERB, a noun as NOUN) is checked against its entry's frame; its source and target come from
the dependency parse; coordination on either side gives one event per pair.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from functools import partial

from spacy.parts_of_speech import NOUN, VERB
from spacy.tokens import Doc, Span, Token

from selon.actors.gazetteer import PLACE_KINDS
from selon.actors.references import Discourse
from selon.actors.resolve import PLACE_LABELS, ActorResolver, MentionIndex
from selon.events.lexicon import Lexicon, Trigger
from selon.parse.syntax import (
    children,
    conjuncts,
    dependents,
    forms_of,
    is_passive,
    is_passive_participle,
    morph,
    noun_phrase,
    phrase_text,
    preposition_object,
    prepositional_objects,
    verbs_among,
    words_of,
)
from selon.records import Actor

# A trigger under one of these is the content of another act ("called on Rwanda to stop
# backing the M23": the backing is what is asked, not a second event).
# Types whose two sides play the same part: coordinated subjects are source and target.
SYMMETRIC_TYPES = frozenset({"AGREE", "COOPERATE", "CONSULT"})
EMBEDDING_TYPES = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT"})
# Dependencies by which a clause without its own subject takes its governor's.
INHERITS_SUBJECT = frozenset({"xcomp", "advcl", "conj", "ccomp"})
RELATIVE_PRONOUNS = frozenset({"qui", "que", "who", "which", "that", "lequel", "laquelle"})
REFLEXIVE_PRONOUNS = frozenset({"itself", "himself", "herself", "themselves", "themself",
                                "lui-même", "elle-même", "eux-mêmes", "elles-mêmes"})
OBJECT_DEPS = frozenset({"obj", "dobj"})
# What a frame's `object` may be: an object, or a passive subject ("hostages were freed").
_FRAME_OBJECT_DEPS = OBJECT_DEPS | {"nsubj:pass", "nsubjpass"}
# The prepositions of a part or an amount ("a series of strikes", "une vague de frappes").
PARTITIVE = forms_of("of") | forms_of("de")
MAX_OBJECT_TOKENS = 12
# Mentions that can stand as the one other side of a sentence (not adjectives, not places).
LONE_TARGET_KINDS = frozenset({"name", "capital", "seat", "acronym", "surname"})
# Acts that often have no addressee: a build-up, a march.
UNADDRESSED_TYPES = frozenset({"MOBILIZE", "PROTEST"})
# Acts aimed at the country of the place they happen in or leave, when no frame names a target.
AREA_TYPES = frozenset({"MOBILIZE", "RETREAT"})
# The object_event of a verb whose object names an act without saying which ("the decision").
ANY_ACT = "*"


# A side of an act as found: the token that names it, and its actor if known.
_Side = tuple[Token, Actor | None]


@dataclass(frozen=True)
class Candidate:
    """An event found in a sentence, before attribution."""

    trigger: Token
    entry: Trigger
    source: Actor | None
    target: Actor | None
    objects: tuple[str, ...]
    # With no target: the type of the act the object names, whose author the target may be.
    object_event: str | None = None
    location: str | None = None  # the place the sentence gives for the act, as written
    side_tokens: tuple[int, ...] = ()  # the tokens that named the source and target


class EventCoder:
    """Codes the sentences of one article."""

    def __init__(self, lexicon: Lexicon, resolver: ActorResolver, discourse: Discourse,
                 denial_verbs: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.resolver = resolver
        self.discourse = discourse
        # "Pyongyang a démenti tout transfert d'armes": the denier is the one said to act (the
        # claim's certainty says it is denied), so these verbs lend their subject too.
        self.lending_verbs = lexicon.light_verbs | denial_verbs
        # The lexicon's tables by spaCy's part-of-speech ids (see `entry_for`).
        self._tables = {VERB: lexicon.verbs, NOUN: lexicon.nouns}
        self._actor_memo: tuple[Doc, MentionIndex, tuple[int, int],
                                dict[int, list[tuple[Token, Actor]]]] | None = None

    # --- frames ------------------------------------------------------------------------------
    def entry_for(self, token: Token) -> Trigger | None:
        if token.pos_ == "VERB":
            table = self.lexicon.verbs
        elif token.pos_ == "NOUN":
            table = self.lexicon.nouns
        else:
            return None
        entries = _entries(table, token.lemma_)
        if not entries:
            return None
        frame = _Frame(token)
        return next((e for e in entries if frame.holds(e)), None)

    # --- arguments ---------------------------------------------------------------------------
    def actors_of(self, tokens: list[Token], mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        """The actors the tokens, and the tokens coordinated with them, name."""
        known = self._known_actors(tokens[0].doc, mentions) if tokens else {}
        found: list[tuple[Token, Actor]] = []
        for token in tokens:
            for each in conjuncts(token):
                actors = known.get(each.i)
                if actors is None:
                    actors = known[each.i] = self._actors_at(each, mentions)
                found.extend(actors)
        return found

    def _known_actors(self, doc: Doc, mentions: MentionIndex) -> dict[int, list[tuple[Token, Actor]]]:
        """What `_actors_at` gave for each token so far, while the article's state it reads
        is the same: its Doc, mentions, and what the discourse has noted (a list that only
        grows, so its length says whether it changed). The coder asks for the same subjects
        and objects for each trigger and frame of a sentence."""
        noted = (len(self.discourse.named), len(self.discourse.subjects))
        memo = self._actor_memo
        if memo is None or memo[0] is not doc or memo[1] is not mentions or memo[2] != noted:
            memo = self._actor_memo = (doc, mentions, noted, {})
        return memo[3]

    def _actors_at(self, each: Token, mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        if mentions.at(each) is None:
            referred = self.discourse.resolve(each, partial(self._named_before, each, mentions))
            if referred is not None:
                return [(each, a) for a in referred]
        actor = self.resolver.actor(each, mentions)
        words = self.discourse.words
        if actor is None and (each.lemma_.lower() in words.document_nouns
                              or each.lemma_.lower() in words.occupant_nouns):
            # "une lettre de Nicolás Maduro … demandant": a letter speaks for its author;
            # "le locataire de la Maison-Blanche" is the White House.
            actor = self.resolver.owner(each, mentions)
        if actor is not None and actor.name and not (actor.country or actor.org):
            # A name alone that an earlier mention gave in full, with its role.
            actor = self.discourse.known_as(actor.name) or actor
        elif actor is None and each.pos_ == "PROPN" and mentions.at(each) is None:
            actor = self.discourse.known_as(each.text)
        if actor is not None:
            return [(each, actor), *((each, a) for a in self._coordinated_nationalities(
                each, actor, mentions))]
        if each.pos_ == "PRON":
            return [(each, a) for a in self.pronoun(each, mentions)]
        return []

    def _coordinated_nationalities(self, head: Token, actor: Actor,
                                   mentions: MentionIndex) -> list[Actor]:
        """"les marines chinoise et russe", "Thai and Cambodian ministers": one noun, several
        countries, several actors of the same sector."""
        if actor.name or actor.org or not actor.country:
            return []
        found: list[Actor] = []
        # "the foreign ministers of Venezuela and Guyana", "les chefs d'état-major du Mali et du
        # Niger" too.
        owners = prepositional_objects(head, "of") + prepositional_objects(head, "de")
        for modifier in [*(c for _, c in dependents(head)), *owners]:
            if modifier.dep_ not in ("amod", "compound", "nmod", "pobj") or (
                    mentions.at(modifier) is None):
                continue
            for other in conjuncts(modifier)[1:]:
                mention = mentions.at(other)
                if mention is None or not self.resolver.is_country(mention):
                    continue
                country = self.resolver.mention_actor(mention).country
                if country and country != actor.country:
                    found.append(replace(actor, country=country))
        return found

    def pronoun(self, token: Token, mentions: MentionIndex) -> list[Actor]:
        """What a pronoun stands for, by simple rules (no coreference model is installable)."""
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ in ("acl:relcl", "relcl", "acl"):
            actor = self.resolver.actor(token.head.head, mentions)
            return [actor] if actor else []
        if token.lower_ in REFLEXIVE_PRONOUNS:
            # "Iraq had attacked themselves": the clause's own subject.
            return [a for _, a in self.actors_of(self.subject_tokens(token.head), mentions)]
        if token.dep_ in ("iobj", "obj", "dative", "dobj"):
            # "a adressé des lettres à Poutine et Xi pour leur demander": the governing
            # clause's indirect object.
            governor = token.head.head if token.head.dep_ in INHERITS_SUBJECT else None
            if governor is not None:
                for spec in ("iobj", "dative", "prep:à", "prep:to", "prep:on", "prep:against",
                             "obj", "dobj"):
                    found = self._spec_tokens(governor, spec)
                    if found:
                        actors = self.actors_of(found, mentions)
                        if actors:
                            return [a for _, a in actors]
            # "M. Kobakhidze l'accuse": the person named last who is not the clause's subject.
            subjects = {a for _, a in self.actors_of(self.subject_tokens(token.head), mentions)}
            earlier = self.named_in_sentence(token.sent, mentions, before=token.i)
            named = [a for a in self.discourse.named + earlier if a.name and a not in subjects]
            # "lui" is a person before it is an organisation.
            people = [a for a in named if a.org is None] or named
            return people[-1:]
        if token.dep_ in ("poss", "nmod:poss"):
            possessor = self._possessor(token, mentions)
            if possessor:
                return possessor
        if token.dep_ in ("nsubj", "nsubj:pass", "nsubjpass"):
            # "Le gouvernement américain répète qu'il n'envisageait pas…", "Britain said it
            # would…": the nearest governing clause whose subject names an actor.
            for ancestor in token.head.ancestors:
                if ancestor.pos_ not in ("VERB", "AUX"):
                    continue
                speakers = self.actors_of(children(ancestor, self.lexicon.subject), mentions)
                if speakers:
                    # "Britain, France and Germany said they would…": a plural pronoun is all.
                    plural = "Plur" in morph(token, "Number")
                    return [a for _, a in speakers] if plural else [speakers[0][1]]
        latest = self.discourse.latest_subject() or self.discourse.latest_person()
        return [latest] if latest else []

    def _undone(self, sentence: Span, triggers: dict[int, Trigger]) -> set[int]:
        """The nominal acts that a verb of the sentence undoes: "dropped most of its tariffs",
        "a levé les sanctions" (see the lexicon's reversal_verbs)."""
        reversal = self.lexicon.reversal_verbs
        if not reversal or not any(e.pos == "noun" for e in triggers.values()):
            return set()
        return {t.i for verb in verbs_among(sentence.doc, sentence.start, sentence.end, reversal)
                for obj in children(verb, OBJECT_DEPS) for t in noun_phrase(obj)}

    def _subjects_own(self, token: Token, mentions: MentionIndex) -> bool:
        """A possessive pronoun bound in its sentence ("its", "their": see `_possessor`)."""
        return (token.pos_ == "PRON" and token.dep_ in ("poss", "nmod:poss")
                and bool(self._possessor(token, mentions)))

    def _possessor(self, token: Token, mentions: MentionIndex) -> list[Actor]:
        """Whom a possessive pronoun stands for in its sentence: the subject of the clause it
        is in ("Russia lost markets after its invasion of Ukraine"), or of the clause above
        when its own has none ("Russia promised to end its offensive"), or whom that clause
        asks or urges ("the US urged Israel to halt its offensive"). None found (a possessive
        inside the subject, "its army attacked…"; a subject that names no actor): []."""
        found: list[tuple[Token, Actor]] = []
        for clause in token.ancestors:
            if clause.pos_ not in ("VERB", "AUX"):
                continue
            own = children(clause, self.lexicon.subject)
            if any(s.left_edge.i <= token.i <= s.right_edge.i for s in own):
                break
            if own:
                found = self.actors_of(own, mentions)
                break
            if clause.dep_ == "xcomp":  # (never the root: it has a head of its own)
                found = self.actors_of(children(clause.head, ("dobj", "obj", "dative", "iobj")),
                                       mentions)
                if found:
                    break
        actors = [a for _, a in found]
        return actors if "Plur" in morph(token, "Number") else actors[:1]

    def named_in_sentence(self, sentence: Span, mentions: MentionIndex,
                          before: int | None = None) -> list[Actor]:
        """The actors the sentence's mentions name, in order (those before token `before`)."""
        end = sentence.end if before is None else before
        found: list[Actor] = []
        for mention in mentions.within(sentence.start, end):
            if mention.kind in PLACE_KINDS:
                continue  # a place, not an actor one can point back to
            # In context: "James Kabarebe, a Rwandan government minister" is RWA GOV.
            root = sentence.doc[mention.start:mention.end].root
            if root.dep_ == "appos":
                root = root.head  # "the military chief, Romeo Brawner": the role gives the rest
            actor = self.resolver.actor(root, mentions) if root.pos_ != "ADJ" else None
            found.append(actor if actor is not None and actor.name == self.resolver.mention_actor(
                mention).name else self.resolver.mention_actor(mention))
        return found

    def _named_before(self, token: Token, mentions: MentionIndex) -> list[Actor]:
        return self.named_in_sentence(token.sent, mentions, before=token.i)

    def _spec_tokens(self, token: Token, spec: str) -> list[Token]:
        """Tokens a frame names: "obj", "prep:à", or a path "obj/prep:de" ("l'aide de la Russie")."""
        found = [token]
        for step in spec.split("/"):
            if step.startswith("prep:"):
                found = [t for f in found for t in prepositional_objects(f, step[5:])]
            else:
                found = [t for f in found for t in children(f, {step})]
        return found

    def subject_tokens(self, verb: Token, inherited: bool = False) -> list[Token]:
        active = children(verb, self.lexicon.subject)
        if active:
            return active
        for auxiliary in children(verb, {"aux", "aux:tense", "aux:pass"}):
            # "Kinshasa a, au contraire, salué": an incise can make the parser hang the subject
            # on the auxiliary.
            hung = children(auxiliary, self.lexicon.subject)
            if hung:
                return hung
        passive = children(verb, self.lexicon.passive_subject)
        if passive and (inherited or not is_passive(verb)):
            # spaCy's French model marks some active subjects nsubj:pass; and a clause under a
            # passive takes its subject: "X est mentionné comme ayant demandé", "X is said to…".
            return passive
        if verb.dep_ in INHERITS_SUBJECT and verb.head.i != verb.i:
            return self.subject_tokens(verb.head, inherited=True)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            # "imposed sanctions after accusing Tehran of…": the clause the preposition hangs on.
            return self.subject_tokens(verb.head.head, inherited=True)
        if verb.dep_ in ("acl", "acl:relcl", "relcl"):
            head = verb.head
            # "une lettre de Maduro adressée au président Xi demandant…": a participle the
            # parser hung on the addressee belongs to what was addressed.
            while (any(dep == "case" for dep, _ in dependents(head)) and head.head.dep_ == "acl"
                   and head.head.pos_ == "VERB" and head.head.head.i != head.head.i):
                head = head.head.head
            return [head]
        # "Pékin s'en est pris à…": a name before the verb that the French parser left
        # unlabelled (`dep`) is its subject.
        return [c for dep, c in dependents(verb) if dep == "dep" and c.pos_ == "PROPN" and c.i < verb.i]

    def agent_tokens(self, verb: Token) -> list[Token]:
        found: list[Token] = []
        for dep in self.lexicon.agent:
            for child in children(verb, {dep}):
                pobj = children(child, ("pobj",))
                found.extend(pobj or [child])
        return found

    def targets_of(self, token: Token, specs: tuple[str, ...],
                   mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        for spec in specs:
            # "China lifted its sanctions on the EU": a possessive that stands for the clause's
            # own subject names whose the thing is, not whom the act is aimed at.
            actors = self.actors_of([t for t in self._spec_tokens(token, spec)
                                     if not self._subjects_own(t, mentions)], mentions)
            if actors:
                return actors
        # No actor in the complement itself: its owner ("attacked Chad's border posts"), but
        # "les alliés de Washington" are not Washington.
        for spec in specs:
            for each in [c for t in self._spec_tokens(token, spec) for c in conjuncts(t)]:
                if each.lemma_.lower() in self.discourse.words.relational_nouns:
                    continue
                owner = self.resolver.owner(each, mentions)
                if owner is not None:
                    return [(each, owner)]
        if token.pos_ == "VERB":
            # "a suspendu son partenariat avec Tbilissi": the object's own complement.
            for obj in children(token, OBJECT_DEPS):
                for preposition in self.lexicon.object_complements:
                    actors = self.actors_of(prepositional_objects(obj, preposition), mentions)
                    if actors:
                        return actors
        return []

    def object_event(self, token: Token) -> str | None:
        """The type of the act a verb's object names ("a dénoncé les sanctions": SANCTION), or
        ANY_ACT for a word that names some act told before ("a salué la décision")."""
        for obj in children(token, OBJECT_DEPS):
            entry = self.entry_for(obj)
            if entry is not None and entry.pos == "noun":
                return entry.type
            if _word_in(obj, self.discourse.words.decision_nouns):
                return ANY_ACT
        return None

    def objects_of(self, token: Token, taken: set[int]) -> tuple[str, ...]:
        deps = OBJECT_DEPS if token.pos_ == "VERB" else {"nmod", "pobj"}
        found: list[str] = []
        for dep, child in dependents(token):
            if dep not in deps or child.i in taken:
                continue
            if token.pos_ == "NOUN" and not prepositional_objects(token, "de") + \
                    prepositional_objects(token, "of"):
                continue
            phrase = noun_phrase(child)[:MAX_OBJECT_TOKENS]
            text = phrase_text(phrase)
            if text:
                found.append(text)
        return tuple(found)

    # --- events ------------------------------------------------------------------------------
    def verb_candidates(self, verb: Token, entry: Trigger,
                        mentions: MentionIndex) -> list[Candidate]:
        participle = is_passive_participle(verb)
        qualified = self._qualified(verb) if participle else []
        if entry.type in AREA_TYPES and (participle or is_passive(verb)):
            # "Russian troops were deployed to Belarus", "troops withdrawn from the border":
            # what is moved is the mover's own force.
            moved = qualified if participle else children(verb, self.lexicon.passive_subject)
            sources = (self.actors_of(self.agent_tokens(verb), mentions)
                       or self.actors_of(moved, mentions))
            targets = self.targets_of(verb, entry.target, mentions)
        elif participle or is_passive(verb):
            # "10 Russian soldiers killed in Ukraine", "les civils emprisonnés": the noun a past
            # participle qualifies is what was acted on.
            sources = self.actors_of(self.agent_tokens(verb), mentions)
            patient = qualified if participle else children(verb, self.lexicon.passive_subject)
            targets = self.actors_of(patient, mentions) or self.targets_of(
                verb, entry.target, mentions
            )
            if not sources and targets and entry.type == "CONSULT":
                # "Reçu à la Maison-Blanche", "was received in Beijing": the host is the place.
                sources = self._host(verb, targets, mentions)
            elif not sources and targets:
                # "Four children were killed in Israeli tank shelling": the act it happened in.
                sources = self._author_of_act_in(verb, entry, mentions)
        else:
            sources = self.actors_of(self.subject_tokens(verb), mentions)
            clause = verb
            # (Not when the verb has a subject of its own that names no one: "Iraq's adviser met
            # Assad, Reuters reports" is not Reuters' meeting.)
            own_subject = children(verb, self.lexicon.subject)
            while not sources and not own_subject and clause.dep_ in INHERITS_SUBJECT and (
                    clause.head.i != clause.i):
                # "Bamako a affirmé que l'appareil avait été abattu … et accuse Alger": a clause
                # coordinated inside another takes the nearest subject that names an actor.
                clause = clause.head
                if clause.pos_ in ("VERB", "AUX") and not is_passive(clause):
                    sources = self.actors_of(children(clause, self.lexicon.subject), mentions)
            targets = self.targets_of(verb, entry.target, mentions)
        if entry.reverse:
            sources, targets = targets, sources
        if entry.type in AREA_TYPES and sources and not targets:
            targets = self._area_target(verb, sources, mentions)
        if entry.type in SYMMETRIC_TYPES and sources and not targets:
            partners = self._partners_within(sources[0], mentions)
            # (only a partner on a known side the sources lack: a name may come back as
            # another reading of a source's own, "son homologue tanzanienne Samia Suluhu Hassan")
            sides = {side_of(a) for _, a in sources}
            new_sides = [p for p in partners if side_of(p[1]) not in sides | {None}]
            if len(sources) == 1 and len(new_sides) < 2:
                targets = partners or self._partner_above(verb, mentions)
            else:
                # "The US, Russia, and Switzerland met", with Russia parsed as an apposition:
                # three who meet, one act between each two (see `_pairs`).
                sources = sources + new_sides
        if entry.type in EMBEDDING_TYPES and not targets:
            targets = self._embedded_target(verb, sources, mentions)
        targets = [(t, self._counterpart(t, a, sources, mentions)) for t, a in targets]
        taken = {t.i for t, _ in targets} | {t.i for t, _ in sources}
        found = self._pairs(verb, entry, sources, targets, self.objects_of(verb, taken))
        if not targets:
            kind = self.object_event(verb)
            if kind != entry.type:
                # (not "staged a protest": a light verb's object is its own act, not one it answers)
                found = [replace(c, object_event=kind) for c in found]
        return found

    def noun_candidates(self, noun: Token, entry: Trigger,
                        mentions: MentionIndex) -> list[Candidate]:
        sources: list[tuple[Token, Actor]] = []
        targets = self.targets_of(noun, tuple(s for s in entry.target
                                              if s not in ("prep:entre", "prep:between")), mentions)
        for spec in entry.source:
            if spec in ("prep:entre", "prep:between"):
                between = self._spec_tokens(noun, spec)
                if between:
                    # "entre Moscou et Caracas" with Caracas hung on the noun as a conjunct.
                    between += [c for d, c in dependents(noun) if d == "conj" and mentions.at(c)]
                pair = self.actors_of(between, mentions)
                if len(pair) >= 2:
                    sources, targets = pair[:1], pair[1:2]
                    break
                continue
            found = self.actors_of(self._spec_tokens(noun, spec), mentions)
            found = [(t, a) for t, a in found if t.i not in {x.i for x, _ in targets}]
            if spec == "amod":
                found = [(t, self._with_role_adjective(noun, a)) for t, a in found]
            if found:
                sources = found
                break
        if sources and not targets:
            # "des participations russes dans trois coentreprises vénézuéliennes": the noun the
            # act hangs from may carry the other side.
            targets = [(t, a) for t, a in self._holder_adjectives(noun, mentions)
                       if a not in {x for _, x in sources}]
        verb = self._governing_verb(noun)
        # Only a verb that performs the act lends it its subject: "Washington a imposé des
        # sanctions", but not "Kobakhidze described the protests as…".
        lends = verb is not None and verb.lemma_.lower() in self.lending_verbs
        if not sources and verb is not None and lends:
            sources = self._subject_or_agent(verb, mentions)
        elif sources and not targets and verb is not None and not lends:
            # "Tehran turned down a request by Rafael Grossi": whoever reacts to an act with
            # its own author is the one it was addressed to.
            authors = {a for _, a in sources}
            targets = [(t, a) for t, a in self._subject_or_agent(verb, mentions) if a not in authors]
        if not targets and verb is not None and lends:
            # "imposer des sanctions à l'Iran", "impose sanctions on Iran": the complement
            # hangs from the verb, not from the noun.
            targets = self.targets_of(verb, entry.target, mentions)
        if entry.type in AREA_TYPES and sources and not targets:
            targets = self._area_target(verb if verb is not None and lends else noun, sources, mentions)
        taken = {t.i for t, _ in targets} | {t.i for t, _ in sources}
        if not sources:
            return []
        return self._pairs(noun, entry, sources, targets, self.objects_of(noun, taken))

    def _qualified(self, participle: Token) -> list[Token]:
        """What a past participle qualifies: its noun ("soldiers killed"), or the main clause's
        subject when it stands before it ("Reçu à l'Élysée, le président…")."""
        if participle.dep_ == "advcl":
            return self.subject_tokens(participle.head)
        return [participle.head]

    def _author_of_act_in(self, verb: Token, entry: Trigger,
                          mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        """The author of an act of the same type that a passive verb happened in or by ("tués
        dans des frappes israéliennes", "killed by Russian shelling")."""
        for noun in self.agent_tokens(verb) + self._located(verb):
            act = self.entry_for(noun)
            if act is not None and act.pos == "noun" and act.type == entry.type:
                found = self.targets_of(noun, act.source, mentions)
                if found:
                    return found
        return []

    def _host(self, verb: Token, guests: list[tuple[Token, Actor]],
              mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        own = {a.country for _, a in guests}
        found = self._place(verb, own, set(), mentions)
        if found is None or found[1] is None or found[1] in own:
            return []
        return [(verb, Actor(country=found[1], sector="GOV"))]

    def _area_target(self, trigger: Token, sources: list[tuple[Token, Actor]],
                     mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        """"a déployé des soldats le long de sa frontière avec la Biélorussie", "massed troops
        off the Venezuelan coast": a build-up faces the country of the place it is sent to."""
        own = {side_of(a) for _, a in sources}
        subjects = {t.i for c in children(trigger, self.lexicon.subject) for t in c.subtree}
        for token in trigger.subtree:
            mention = mentions.at(token)
            if token.i in subjects or mention is None or not self.resolver.is_place(mention):
                continue
            place = self.resolver.mention_actor(mention)
            country = Actor(country=place.country, sector="GOV") if place.country else None
            if country is not None and country.country not in own:
                return [(token, country)]
        return []

    def _counterpart(self, token: Token, actor: Actor, sources: list[tuple[Token, Actor]],
                     mentions: MentionIndex) -> Actor:
        """"Poutine a prévenu son homologue": the person named last whose country is not the
        source's."""
        if token.lemma_.lower() not in self.discourse.words.counterpart_nouns or actor.name:
            return actor
        own = {a.country for _, a in sources}
        named = self.discourse.named + self.named_in_sentence(token.sent, mentions, before=token.i)
        others = [a for a in named if a.name and a.country and a.country not in own]
        return others[-1] if others else actor

    def _embedded_target(self, verb: Token, sources: list[tuple[Token, Actor]],
                         mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        """"demanded that China return the rifles", "a averti que l'armée frapperait le
        Hezbollah": the act asked or threatened names the other side, as its subject when that
        is another side, else as its own target."""
        own = {side_of(a) for _, a in sources}
        for clause in children(verb, {"ccomp", "xcomp"}):
            if clause.pos_ not in ("VERB", "AUX"):
                continue
            subjects = self.actors_of(children(clause, self.lexicon.subject), mentions)
            found = [(t, a) for t, a in subjects if side_of(a) not in own]
            if found:
                return found
            entry = self.entry_for(clause)
            specs = entry.target if entry is not None else ("obj", "dobj")
            found = [(t, a) for t, a in self.targets_of(clause, specs, mentions)
                     if side_of(a) not in own]
            if found:
                return found
        for noun in children(verb, OBJECT_DEPS | {"obl:arg"}):
            # "a exigé le retrait des rebelles", "demanded the release of the hostages by
            # Hamas": the act asked for names its author.
            entry = self.entry_for(noun)
            if entry is not None and entry.pos == "noun":
                found = [(t, a) for t, a in self.targets_of(noun, entry.source, mentions)
                         if side_of(a) not in own]
                if found:
                    return found
        return []

    def _partner_above(self, verb: Token, mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        """"Israël et le Hezbollah ont conclu un cessez-le-feu", which the parser reads as
        "Israël" with the clause "et le Hezbollah ont conclu…" coordinated to it."""
        head = verb.head
        if verb.dep_ != "conj" or head.pos_ not in ("PROPN", "NOUN") or head.i > verb.i:
            return []
        if not any(dep == "cc" for dep, _ in dependents(verb)):
            return []
        return self.actors_of([head], mentions)

    def _partners_within(self, source: tuple[Token, Actor],
                         mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        """"President Donald Trump and Russian President Vladimir Putin met": when the parser
        buries the coordination inside one subject, the other named actors of that subject."""
        head, actor = source
        subtree = list(head.subtree)
        if not any(t.dep_ == "cc" for t in subtree):
            return []
        found: list[tuple[Token, Actor]] = []
        for mention in mentions.within(subtree[0].i, subtree[-1].i + 1):
            if mention.kind == "adjective" or mention.kind in PLACE_KINDS:
                continue
            other = self.resolver.mention_actor(mention)
            if other != actor and other not in [a for _, a in found]:
                found.append((head.doc[mention.start], other))
        return found

    def _place(self, trigger: Token, sides: set[str | None], side_tokens: set[int],
               mentions: MentionIndex) -> tuple[str, str | None] | None:
        """Where the act took place, as written, and its country where the gazetteer knows it:
        "à Tbilissi", "in the Kursk region", "près de Kidal"; not a country that is one of its
        sides ("vendu à l'Arménie" names a buyer, not a place)."""
        anchors = [trigger]
        verb = self._governing_verb(trigger) if trigger.pos_ == "NOUN" else None
        if verb is not None:
            anchors.append(verb)
        for anchor in anchors:
            for place in self._located(anchor):
                for token in noun_phrase(place):
                    mention = mentions.at(token)
                    if mention is not None and mention.kind in ("name", "capital", "seat", *PLACE_KINDS) and (
                        self.resolver.is_place(mention)
                    ):
                        actor = self.resolver.mention_actor(mention)
                        is_side = bool(side_tokens & set(range(mention.start, mention.end)))
                        if not is_side and (mention.kind != "name" or actor.country not in sides):
                            return mention.text, actor.country
                        continue
                    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
                    if entity is not None and entity.label_ in PLACE_LABELS and not any(
                        mentions.at(t) for t in entity
                    ):
                        return entity.text, None
        return None

    def _with_lone_target(self, candidates: list[Candidate], sentence: Span,
                          mentions: MentionIndex) -> list[Candidate]:
        """An act with no target in its frame, in a sentence that names one other side only:
        that side ("…ayant demandé des brouilleurs GPS", with Iran the one other country)."""
        if all(c.target is not None or c.source is None or c.entry.type in UNADDRESSED_TYPES
               for c in candidates):
            return candidates
        # Not a name inside the author's own phrase ("Erdogan, qui se trouvait à Kazan pour le
        # sommet des BRICS"); and none for coordinated authors ("Brazil and the United States
        # are seeking to deepen…", "Le Japon et l'Australie ont exprimé…, appelant…").
        doc = sentence.doc
        authors = {c.side_tokens[0] for c in candidates if c.source is not None}
        if len({side_of(c.source) for c in candidates if c.source is not None}) > 1 and len(
                {_coordination_head(doc[i]).i for i in authors}) == 1:
            return candidates
        inside = {t.i for i in authors for t in doc[i].subtree} | authors
        others: dict[str | None, Actor] = {}
        places = self.lexicon.place_prepositions
        for mention in mentions.within(sentence.start, sentence.end):
            if mention.start in inside and doc[mention.start].i not in authors:
                continue
            root = doc[mention.start:mention.end].root
            if self._introduced_by(root, places) or (
                    root.dep_ == "pobj" and self._introduced_by(root.head, places)):
                continue  # "Depuis Kiev, où elle était en visite, …": where, not whom
            if mention.kind in LONE_TARGET_KINDS and mention.entity_id is not None:
                actor = self.resolver.mention_actor(mention)
                if actor.sector != "JRN":  # the outlet that reports it is not a side
                    others.setdefault(actor.org or actor.country, actor)
        found: list[Candidate] = []
        for candidate in candidates:
            source = candidate.source
            if candidate.target is None and source is not None and (
                candidate.entry.type not in UNADDRESSED_TYPES
            ):
                rest = [a for key, a in others.items() if key and key != side_of(source)]
                if len(rest) == 1:
                    candidate = replace(candidate, target=rest[0])
            found.append(candidate)
        return found

    def _placed(self, trigger: Token, candidates: list[Candidate],
                mentions: MentionIndex) -> list[Candidate]:
        if not candidates:
            return candidates
        sides = {a.country for c in candidates for a in (c.source, c.target) if a is not None}
        side_tokens = {i for c in candidates for i in c.side_tokens}
        found = self._place(trigger, sides, side_tokens, mentions)
        if found is None:
            return candidates
        place, country = found
        return [replace(c, location=place, target=c.target or _place_target(c, country))
                for c in candidates]

    def _located(self, anchor: Token) -> list[Token]:
        """The nouns of the complements of `anchor` that a location preposition introduces ("à
        Tbilissi", "in the Kursk region", "dans des frappes")."""
        return [child if dep != "prep" else preposition_object(child) or child
                for dep, child in dependents(anchor)
                if self._introduced_by(child, self.lexicon.location_prepositions)]

    @staticmethod
    def _introduced_by(child: Token, prepositions: frozenset[str]) -> bool:
        if child.dep_ == "prep":
            return child.lower_ in prepositions
        return any(dep in ("case", "fixed") and c.lower_ in prepositions
                   for dep, c in dependents(child))

    def _holder_adjectives(self, noun: Token, mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        holder = noun.head
        if noun.dep_ == "pobj" and holder.dep_ == "prep":
            holder = holder.head
        if holder is noun or noun.dep_ not in ("nmod", "pobj") or holder.pos_ != "NOUN":
            return []
        found: list[tuple[Token, Actor]] = []
        for dep, child in dependents(holder):
            mention = mentions.at(child)
            if dep == "amod" and mention is not None and self.resolver.is_country(mention):
                found.append((child, self.resolver.mention_actor(mention)))
        return found

    def _with_role_adjective(self, noun: Token, actor: Actor) -> Actor:
        """"un renforcement militaire américain": the sector from the other adjective."""
        for dep, child in dependents(noun):
            if dep == "amod":
                sector = self.resolver.role_sector(child)
                if sector is not None and actor.name is None:
                    return Actor(actor.country, sector, None, actor.org)
        return actor

    def _governing_verb(self, noun: Token) -> Token | None:
        """The verb a nominal event is the object of: "Washington a imposé des sanctions", "a
        wave of strikes"; not what an attitude is about ("expressed sorrow for the shootings")."""
        current = noun
        while current.dep_ in ("nmod", "pobj", "prep", "conj") and current.head.i != current.i:
            if current.dep_ == "prep" and current.lower_ not in PARTITIVE:
                return None
            if current.dep_ == "nmod" and any(dep == "case" and c.lower_ not in PARTITIVE
                                              for dep, c in dependents(current)):
                return None
            current = current.head
        verb = current.head
        if current.dep_ not in OBJECT_DEPS | {"nsubj:pass", "nsubjpass", "obl:arg"} or (
            verb.pos_ not in ("VERB", "AUX")
        ):
            return None
        return verb

    def _subject_or_agent(self, verb: Token, mentions: MentionIndex) -> list[tuple[Token, Actor]]:
        if is_passive(verb):
            return self.actors_of(self.agent_tokens(verb), mentions)
        return self.actors_of(self.subject_tokens(verb), mentions)

    def _pairs(self, trigger: Token, entry: Trigger, sources: list[tuple[Token, Actor]],
               targets: list[tuple[Token, Actor]], objects: tuple[str, ...]) -> list[Candidate]:
        if not sources and not targets:
            return []
        pairs: list[tuple[_Side, _Side]]
        if not targets and len(sources) >= 2 and entry.type in SYMMETRIC_TYPES:
            # "L'Algérie et l'Italie ont signé un accord": one act between the two; "The US,
            # Russia and Switzerland met": one between each two.
            pairs = [(one, other) for n, one in enumerate(sources) for other in sources[n + 1:]]
        else:
            unknown: list[_Side] = [(trigger, None)]
            pairs = [(one, other) for one in (sources or unknown) for other in (targets or unknown)]
        found: list[Candidate] = []
        for (source_token, source), (target_token, target) in pairs:
            if source is not None and target is not None and same_actor(source, target):
                continue
            found.append(Candidate(trigger, entry, source, target, objects,
                                   side_tokens=(source_token.i, target_token.i)))
        return found

    def _embedded(self, token: Token, verbs: dict[int, Trigger]) -> bool:
        current = token
        while current.head.i != current.i and current.dep_ in ("xcomp", "ccomp", "obj", "dobj",
                                                                 "obl:arg", "pcomp", "prep",
                                                                 "pobj", "advcl"):
            if current.dep_ == "advcl" and is_passive_participle(current):
                break  # "Reçu à la Maison-Blanche, il a plaidé…": a circumstance, not the content
            current = current.head
            entry = verbs.get(current.i)
            if entry is not None and entry.type in EMBEDDING_TYPES:
                return True
        return False

    def _governs_noun_trigger(self, verb: Token, triggers: dict[int, Trigger]) -> bool:
        for dep, child in dependents(verb):
            # "ont signé un accord", "se sont accordés sur un paquet de sanctions", "agreed on
            # sanctions" (not "agreed to a ceasefire after days of fighting")
            if dep in OBJECT_DEPS or dep == "obl:arg" or (
                    dep == "prep" and child.lower_ in ("on", "upon")):
                for token in noun_phrase(child):
                    entry = triggers.get(token.i)
                    if entry is not None and entry.pos == "noun" and entry.type != "AGREE":
                        return True
        return False

    def triggers_in(self, sentence: Span, mentions: MentionIndex | None = None) -> dict[int, Trigger]:
        """The sentence's tokens whose frame holds, by index; none inside a known name
        ("Forces de soutien rapide", "Organisation de coopération de Shanghai")."""
        doc = sentence.doc
        found: dict[int, Trigger] = {}
        for i in self._lexicon_words(doc, sentence.start, sentence.end):
            token = doc[i]
            if mentions is not None and _inside_name(token, mentions):
                continue
            entry = self.entry_for(token)
            if entry is not None:
                found[i] = entry
        return found

    def _lexicon_words(self, doc: Doc, start: int, end: int) -> list[int]:
        """The tokens from `start` to `end` whose part of speech and lemma have lexicon entries
        (see `words_of`)."""
        found = []
        for i, (pos, lemma, _) in enumerate(words_of(doc)[start:end], start):
            table = self._tables.get(pos)
            if table is not None and _entries(table, lemma):
                found.append(i)
        return found

    def why_not(self, token: Token, triggers: dict[int, Trigger]) -> str | None:
        """Why a lexicon word gave no event: for `selon explain`. None if it is no trigger."""
        lemma = token.lemma_.lower()
        table = self.lexicon.verbs if token.pos_ == "VERB" else self.lexicon.nouns
        if token.pos_ not in ("VERB", "NOUN") or lemma not in table:
            return None
        entry = self.entry_for(token)
        if entry is None:
            frames = "; ".join(_frame_text(e) for e in table[lemma])
            return f"frame not met ({frames})"
        if self._embedded(token, triggers):
            return "content of another act (what is asked, threatened, denied…)"
        verb = self._governing_verb(token) if entry.pos == "noun" else None
        if verb is not None and verb.lemma_.lower() not in self.lexicon.light_verbs:
            return f"no author: '{verb.text}' does not perform the act (not a light verb)"
        return "no source or no target found"

    def code_sentence(self, sentence: Span, mentions: MentionIndex) -> Iterator[Candidate]:
        triggers = self.triggers_in(sentence, mentions)
        verb_objects: set[int] = set()
        complete: set[int] = set()  # verbs whose act has both its sides
        doc = sentence.doc
        for i, entry in sorted(triggers.items()):  # (in reading order)
            token = doc[i]
            if entry.pos != "verb" or self._embedded(token, triggers):
                continue
            if entry.type == "AGREE" and self._governs_noun_trigger(token, triggers):
                # "The EU agreed a package of sanctions": the act agreed on is the event.
                continue
            if _consequence(token, entry, triggers) and token.head.i in complete:
                # "Insurgents bombarded Aleppo, killing eight people": what the act did.
                continue
            candidates = self.verb_candidates(token, entry, mentions)
            candidates = self._placed(token, candidates, mentions)
            if any(c.source is not None and c.target is not None for c in candidates):
                complete.add(token.i)
            if candidates:
                # "ont signé un accord de coopération": what the verb governs is its content.
                for dep, child in dependents(token):
                    if dep in OBJECT_DEPS:
                        verb_objects |= {t.i for t in noun_phrase(child)}
            yield from self._with_lone_target(candidates, sentence, mentions)
        undone = self._undone(sentence, triggers)
        for i, entry in sorted(triggers.items()):
            if entry.pos != "noun" or i in verb_objects or i in undone:
                continue
            token = doc[i]
            if self._embedded(token, triggers):
                continue
            found = self._placed(token, self.noun_candidates(token, entry, mentions), mentions)
            yield from self._with_lone_target(found, sentence, mentions)
        root_subjects = self.actors_of(self.subject_tokens(sentence.root), mentions)
        self.discourse.note(self.named_in_sentence(sentence, mentions),
                            root_subjects[0][1] if root_subjects else None)


def _entries(table: dict[str, tuple[Trigger, ...]], lemma: str) -> tuple[Trigger, ...]:
    """A lemma's lexicon entries; a French compound is its first word ("accord-cadre" is an
    "accord")."""
    lemma = lemma.lower()
    return table.get(lemma) or table.get(lemma.split("-")[0], ())


def _consequence(verb: Token, entry: Trigger, triggers: dict[int, Trigger]) -> bool:
    """"Insurgents bombarded Aleppo, killing eight people", "…, tuant cinq personnes": a present
    participle after an act of its type tells what the act did (when that act was coded, not a
    second one; else it may be the only one to name its sides: "Russian missiles struck a
    hospital in Kyiv, killing…")."""
    if verb.dep_ != "advcl" or verb.i < verb.head.i:
        return False
    present = verb.tag_ == "VBG" or (
        "Part" in morph(verb, "VerbForm") and "Pres" in morph(verb, "Tense"))
    act = triggers.get(verb.head.i)
    return present and act is not None and act.type == entry.type


def _coordination_head(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _place_target(candidate: Candidate, country: str | None) -> Actor | None:
    """The side a target-less act faces by where it happens: "activists staged a protest in
    Beijing" protest to China's government, "exercises in Alaska" build up against the United
    States, "withdrew from southern Lebanon" retreats from Lebanon; not one's own country for a
    build-up or a withdrawal ("moving units south of the Litani")."""
    source = candidate.source
    if country is None or source is None:
        return None
    if candidate.entry.type == "PROTEST" or (
            candidate.entry.type in AREA_TYPES and country != source.country):
        return Actor(country=country, sector="GOV")
    return None


def _frame_text(entry: Trigger) -> str:
    parts = [f"{key} {', '.join(values)}" for key, values in
             (("requires", entry.requires), ("object", entry.object), ("modifier", entry.modifier))
             if values]
    return f"{entry.type}: " + ("; ".join(parts) or "any")


class _Frame:
    """What the frame tests read of one token (its marks, objects, clauses, modifiers and
    their word forms), read once for all of its lemma's lexicon entries."""

    def __init__(self, token: Token) -> None:
        self.token = token
        self._marks: set[str] | None = None
        self._objects: list[Token] | None = None
        self._clauses: list[Token] | None = None
        self._modifiers: list[Token] | None = None
        self._forms: dict[int, set[str]] = {}

    def holds(self, entry: Trigger) -> bool:
        if entry.requires and self.marks().isdisjoint(entry.requires):
            return False
        if entry.object and not self._any_in(self.objects(), entry.object):
            return False
        # "promettre de riposter", "a jugé inacceptable l'usage…", "called the decision
        # unacceptable", "a jugé la décision « contre-productive »", "described it as illegal"
        if entry.complement and not self._any_in(self.clauses(), entry.complement):
            return False
        return not entry.modifier or self._any_in(self.modifiers(), entry.modifier)

    def _any_in(self, tokens: list[Token], words: Collection[str]) -> bool:
        for token in tokens:
            forms = self._forms.get(token.i)
            if forms is None:
                forms = self._forms[token.i] = word_forms(token)
            if not forms.isdisjoint(words):
                return True
        return False

    def marks(self) -> set[str]:
        if self._marks is None:
            found = {c.lower_ for dep, c in dependents(self.token) if dep in ("prep", "prt")}
            for _, child in dependents(self.token):
                found |= {g.lower_ for dep, g in dependents(child) if dep in ("case", "mark")}
                # The clitic of an idiom: "s'en prendre à".
                if child.pos_ == "PRON" and child.lower_ in ("en", "y"):
                    found.add(child.lower_)
            self._marks = found
        return self._marks

    def objects(self) -> list[Token]:
        if self._objects is None:
            token = self.token
            found = children(token, _FRAME_OBJECT_DEPS)
            if is_passive_participle(token):
                found.append(token.head)  # "les soldats déployés", "hostages freed"
            self._objects = found
        return self._objects

    def clauses(self) -> list[Token]:
        if self._clauses is None:
            below = dependents(self.token)
            found = [c for dep, c in below if dep in ("xcomp", "ccomp", "oprd", "acomp")]
            found += [a for dep, c in below if dep in OBJECT_DEPS or dep == "prep"
                      for d, a in dependents(c) if d in ("amod", "pobj")]
            # "a qualifié les sanctions d'« acte de guerre »": the word of blame may hang lower.
            found += [n for dep, c in below if dep in OBJECT_DEPS
                      for d, a in dependents(c) if d == "nmod"
                      for n in (a, *(x for e, x in dependents(a) if e == "nmod"))]
            self._clauses = found
        return self._clauses

    def modifiers(self) -> list[Token]:
        if self._modifiers is None:
            self._modifiers = children(self.token, ("amod", "compound", "acl"))
        return self._modifiers


def _word_in(token: Token, words: Collection[str]) -> bool:
    """Whether a token is one of `words` (see `word_forms`)."""
    return not word_forms(token).isdisjoint(words)


def word_forms(token: Token) -> set[str]:
    """The forms a token matches a word list by: lemma or form, plural or not
    ("condoléances"), alone or with the compound before it ("water cannon", "tear gas")."""
    forms = {token.lemma_.lower(), token.lower_}
    compounds = [c.lower_ for dep, c in dependents(token)
                 if dep in ("compound", "amod") and c.i < token.i]
    forms |= {f"{c} {form}" for c in compounds[-1:] for form in tuple(forms)}
    forms |= {f.split("-")[0] for f in forms}  # "accord-cadre" is an "accord"
    forms |= {f[:-1] for f in forms if f.endswith(("s", "x"))}
    return forms


def same_actor(source: Actor, target: Actor) -> bool:
    """"Beijing … China's forces", "le président azerbaïdjanais, Ilham Aliev": one country's one
    sector on both sides is one actor, unless two different people are named ("the prime
    minister accused the president")."""
    if source.org or target.org or not source.country:
        return source == target
    if (source.country, source.sector) != (target.country, target.sector):
        return False
    return not (source.name and target.name and source.name != target.name)


def side_of(actor: Actor | None) -> str | None:
    """The side an actor stands for: its organisation, else its country."""
    return None if actor is None else (actor.org or actor.country)


def _inside_name(token: Token, mentions: MentionIndex) -> bool:
    mention = mentions.at(token)
    return mention is not None and mention.entity_id is not None and mention.kind in (
        "name", "acronym") and mention.end - mention.start > 1
