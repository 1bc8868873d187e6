"""From a token of the parse to the actor it names: a person, an organisation, a country,
or a role word with its country ("l'armée américaine", "Russia's defence ministry")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Token

from selon.actors.gazetteer import Gazetteer
from selon.actors.matcher import Mention
from selon.parse.syntax import noun_phrase
from selon.records import Actor

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


class ActorResolver:
    """Resolves argument tokens to actors for one article (its language and date)."""

    def __init__(self, gazetteer: Gazetteer, lang: str, day: date | None) -> None:
        self.gazetteer = gazetteer
        self.roles = gazetteer.roles.get(lang, {})
        self.day = day

    def is_country(self, mention: Mention) -> bool:
        entity = self.gazetteer.entities.get(mention.entity_id or "")
        return entity is not None and entity.kind == "country"

    def role_sector(self, token: Token) -> str | None:
        """The sector a role word gives ("armée" MIL), two-word roles first ("premier ministre")."""
        lemma = token.lemma_.lower()
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None:
            pair = f"{lemma} {following.lemma_.lower()}"
            if pair in self.roles:
                return self.roles[pair]
        return self.roles.get(lemma) or self.roles.get(token.lower_)

    def mention_actor(self, mention: Mention) -> Actor:
        if mention.entity_id is None:
            return Actor(name=mention.text)
        entity = self.gazetteer.entity(mention.entity_id)
        return entity.actor_on(self.day)

    def actor(self, head: Token, mentions: MentionIndex) -> Actor | None:
        """The actor named by the phrase headed by `head`, or None if it names none."""
        own = mentions.at(head)
        if head.pos_ == "PRON" and own is None:
            return None
        phrase = noun_phrase(head)
        found: list[Mention] = []
        for token in sorted(phrase, key=lambda t: abs(t.i - head.i)):
            mention = mentions.at(token)
            if mention is not None and mention not in found:
                found.append(mention)
        country_mentions = [m for m in found if self.is_country(m)]
        named = [m for m in found if not self.is_country(m)]
        sector = self.role_sector(head)
        country = self.mention_actor(country_mentions[0]).country if country_mentions else None

        if own is not None and self.is_country(own):
            return Actor(country=self.mention_actor(own).country, sector=sector or "GOV")
        if own is not None or (named and (sector or head.pos_ == "PROPN")):
            mention = own if own is not None else named[0]
            actor = self.mention_actor(mention)
            if mention.entity_id is None:
                # A name the gazetteer does not know keeps the country and sector its
                # phrase gives: "le ministre vénézuélien des Transports, Ramón Velásquez".
                appositive_role = next(
                    (self.role_sector(t) for t in phrase if self.role_sector(t)), None
                )
                return Actor(country, sector or appositive_role, actor.name, None)
            return actor
        if sector is not None and (country or head.pos_ in ("NOUN", "PROPN")):
            return Actor(country=country, sector=sector)
        for child in head.children:
            # "Gaza's neighbour Egypt": the apposition names the actor.
            if child.dep_ == "appos":
                return self.actor(child, mentions)
        return None

    def owner(self, head: Token, mentions: MentionIndex) -> Actor | None:
        """Whose thing a phrase names: "Chad's border posts", "le sud du Liban" -> that country."""
        for child in head.children:
            is_owner = child.dep_ in ("poss", "nmod:poss") or (
                child.dep_ == "nmod" and any(c.lower_ in ("de", "du", "des", "d'", "d’")
                                             for c in child.children if c.dep_ == "case")
            )
            if child.dep_ == "prep" and child.lower_ == "of":
                is_owner = True
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            if is_owner:
                actor = self.actor(child, mentions)
                if actor is not None:
                    return actor
        return None
