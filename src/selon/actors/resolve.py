"""From a token of the parse to the actor it names: a person, an organisation, a country,
or a role word with its country ("l'armée américaine", "Russia's defence ministry")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from selon.actors.gazetteer import PLACE_KINDS, Gazetteer
from selon.actors.matcher import ORG_LABELS, Mention
from selon.parse.syntax import (
    dependents,
    noun_phrase,
    preposition_object,
    prepositional_objects,
    words_of,
)
from selon.records import Actor

# spaCy's labels for places (both models): a name with one of these is somewhere, not someone.
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})

# Mentions of these kinds name the country's government when they head a phrase.
_GOVERNMENT_ALIASES = frozenset({"name", "capital", "seat", "acronym", "adjective"})


@dataclass(frozen=True)
class MentionIndex:
    """The mentions of one paragraph, looked up by token."""

    by_token: dict[int, Mention]

    @classmethod
    def of(cls, mentions: list[Mention]) -> MentionIndex:
        return cls({i: m for m in mentions for i in range(m.start, m.end)})

    def at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie inside tokens [start, end), in text order."""
        found = {m for m in self.by_token.values() if start <= m.start and m.end <= end}
        return sorted(found, key=lambda m: m.start)


class ActorResolver:
    """Resolves argument tokens to actors for one article (its language and date)."""

    def __init__(self, gazetteer: Gazetteer, lang: str, day: date | None,
                 quantity_nouns: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.roles = gazetteer.roles.get(lang, {})
        self._role_starts, self._role_ends = gazetteer.role_phrase_ends.get(
            lang, (frozenset(), frozenset()))
        self.day = day
        self.quantity_nouns = quantity_nouns
        self._memo_doc: Doc | None = None
        self._memo_mentions: MentionIndex | None = None
        self._memo: dict[int, Actor | None] = {}
        self._roles_doc: Doc | None = None
        self._roles_memo: dict[int, str | None] = {}

    def is_country(self, mention: Mention) -> bool:
        entity = self.gazetteer.entities.get(mention.entity_id or "")
        return entity is not None and entity.kind == "country"

    def is_place(self, mention: Mention) -> bool:
        """A country, capital, city or region: somewhere an act can take place."""
        entity = self.gazetteer.entities.get(mention.entity_id or "")
        return entity is not None and (entity.kind == "country" or entity.kind in PLACE_KINDS)

    def role_sector(self, token: Token) -> str | None:
        """The sector a role word gives ("armée" MIL); longer roles first ("forces de
        l'ordre" COP, "premier ministre" GOV, "security forces" COP)."""
        doc = token.doc
        if doc is not self._roles_doc:  # asked again and again for the same words
            self._roles_doc, self._roles_memo = doc, {}
        if token.i not in self._roles_memo:
            self._roles_memo[token.i] = self._role_sector(words_of(doc), token.i)
        return self._roles_memo[token.i]

    def _role_sector(self, words: list[tuple[int, str, str]], i: int) -> str | None:
        lemma, lower = words[i][1].lower(), words[i][2]
        longer = []
        # The words after as written ("forces de l'ordre"), then as lemmas ("chefs rebelles"
        # is a "chef rebelle", "groupes armés" a "groupe armé"); only for a word that starts
        # some role (or one with an apostrophe, where the words are joined: "l'ordre").
        if lemma.split(" ", 1)[0] in self._role_starts or "'" in lemma or "’" in lemma:
            for following in ([form for _, _, form in words[i + 1:i + 4]],
                              [base.lower() for _, base, _ in words[i + 1:i + 4]]):
                longer += [
                    f"{lemma} {' '.join(following[:n])}".replace("' ", "'").replace("’ ", "'")
                    for n in (3, 2, 1) if len(following) >= n]
        if i > 0 and lemma.rsplit(" ", 1)[-1] in self._role_ends:
            # The word before as lemma and as written: "militant group", "armed group".
            longer += [f"{words[i - 1][1].lower()} {lemma}", f"{words[i - 1][2]} {lemma}"]
        for phrase in longer:
            if phrase in self.roles:
                return self.roles[phrase]
        return self.roles.get(lemma) or self.roles.get(lower)

    def _counted(self, head: Token, mentions: MentionIndex) -> Actor | None:
        """"des milliers de manifestants", "thousands of Georgians": the complement's actor;
        a people named by its demonym is that country's civilians."""
        for complement in prepositional_objects(head, "de") + prepositional_objects(head, "of"):
            mention = mentions.at(complement)
            if mention is not None and mention.kind == "adjective" and self.is_country(mention):
                return Actor(country=self.mention_actor(mention).country, sector="CVL")
            actor = self.actor(complement, mentions)
            if actor is not None:
                return actor
        return None

    @staticmethod
    def _stands_beside(head: Token, mention: Mention) -> bool:
        """A name hanging from the head with no preposition: an apposition, not "the X of Y"."""
        token = head.doc[mention.start:mention.end].root
        return token.head == head and token.dep_ in ("appos", "flat", "flat:name", "nmod", "compound",
                                                      "npadvmod", "nummod") and not any(
            dep in ("case", "prep") for dep, _ in dependents(token))

    def _is_role_phrase(self, head: Token, mention: Mention) -> bool:
        """"the defence ministry" that NER took for a name is a role, not an organisation's name."""
        root = head.doc[mention.start:mention.end].root
        return mention.label in ORG_LABELS and self.role_sector(root) is not None

    def mention_actor(self, mention: Mention) -> Actor:
        if mention.entity_id is None:
            return Actor(name=mention.text)
        entity = self.gazetteer.entity(mention.entity_id)
        return entity.actor_on(self.day)

    def actor(self, head: Token, mentions: MentionIndex) -> Actor | None:
        """The actor named by the phrase headed by `head`, or None if it names none."""
        # The coder asks for the same phrases again and again (each trigger, each frame):
        # remembered for the document being coded, with its mentions.
        doc = head.doc
        if doc is not self._memo_doc or mentions is not self._memo_mentions:
            self._memo_doc, self._memo_mentions, self._memo = doc, mentions, {}
        if head.i not in self._memo:
            actor = self._actor(head, mentions)
            self._memo[head.i] = actor if actor is not None and actor != Actor() else None
        return self._memo[head.i]

    def _mention_at(self, token: Token, mentions: MentionIndex) -> Mention | None:
        """The mention at `token`, unless it is a role that NER took for a name."""
        mention = mentions.at(token)
        if mention is not None and mention.entity_id is None and self._is_role_phrase(token, mention):
            return None
        return mention

    def _actor(self, head: Token, mentions: MentionIndex) -> Actor | None:
        own = self._mention_at(head, mentions)
        if head.pos_ == "PRON" and own is None:
            return None
        if own is None and head.lemma_.lower() in self.quantity_nouns:
            counted = self._counted(head, mentions)
            if counted is not None:
                return counted
        phrase = noun_phrase(head)
        found: list[Mention] = []
        for token in sorted(phrase, key=lambda t: abs(t.i - head.i)):
            mention = self._mention_at(token, mentions)
            if mention is not None and mention not in found:
                found.append(mention)
        country_mentions = [m for m in found if self.is_country(m)]
        # "des colons israéliens de Cisjordanie": where the phrase names a country, a region
        # in it says where, not who.
        named = [m for m in found if not self.is_country(m) and not (
            country_mentions and m.kind == "region")]
        sector = self.role_sector(head)
        country = self.mention_actor(country_mentions[0]).country if country_mentions else None

        if own is not None and self.is_country(own):
            return Actor(country=self.mention_actor(own).country, sector=sector or "GOV")
        appositive = [m for m in named if self._stands_beside(head, m)]
        if own is None and not sector and appositive:
            # "le géant pétrolier saoudien Aramco": the name beside the head is the actor.
            return self.mention_actor(appositive[0])
        if own is not None or (named and (sector or head.pos_ == "PROPN")):
            mention = own if own is not None else named[0]
            actor = self.mention_actor(mention)
            if mention.entity_id is None:
                # A name the gazetteer does not know keeps the country and sector its
                # phrase gives: "le ministre vénézuélien des Transports, Ramón Velásquez".
                name = actor.name
                role = next((t for t in phrase if self.role_sector(t)), None)
                # "a spokesman for the M23", "le porte-parole de l'armée malienne": the body
                # the role belongs to gives country and sector.
                # An unknown organisation with no role word: "le Conseil de paix et de
                # sécurité de l'Union africaine" belongs to the AU.
                body = self.owner(role if role is not None else head, mentions)
                role_sector = sector or (self.role_sector(role) if role else None)
                if body is not None and (body.name or body.org or body.sector != "GOV"):
                    return Actor(body.country, body.sector, name, body.org)
                if mention.label in PLACE_LABELS and body is None and role_sector is None:
                    return None  # "vers Tawila": a place the gazetteer does not know is no actor
                # "Pakistan's Supreme Court": a country's body keeps the role's own sector.
                return Actor(country or (body.country if body else None), role_sector, name, None)
            return actor
        if sector is not None and (country or head.pos_ in ("NOUN", "PROPN")):
            return Actor(country=country, sector=sector)
        for dep, child in dependents(head):
            # "Gaza's neighbour Egypt": the apposition names the actor.
            if dep == "appos":
                return self.actor(child, mentions)
        return None

    def owner(self, head: Token, mentions: MentionIndex) -> Actor | None:
        """Whose thing a phrase names: "Chad's border posts", "le sud du Liban" -> that country."""
        own = mentions.at(head)
        for dep, child in dependents(head):
            if own is not None and mentions.at(child) == own:
                continue  # a word of the head's own name ("Conseil de paix et de sécurité")
            is_owner = dep in ("poss", "nmod:poss") or (
                dep == "nmod" and any(c.lower_ in ("de", "du", "des", "d'", "d’")
                                      for d, c in dependents(child) if d == "case")
            )
            if dep == "prep" and child.lower_ in ("of", "for"):
                is_owner = True
                child = preposition_object(child) or child
            if is_owner:
                actor = self.actor(child, mentions)
                if actor is not None:
                    return actor
        for dep, child in dependents(head):
            # "les positions kurdes", "Russian oil": a country adjective names the owner.
            mention = mentions.at(child)
            if dep == "amod" and mention is not None and self.is_country(mention):
                return Actor(country=self.mention_actor(mention).country, sector="GOV")
        return None
