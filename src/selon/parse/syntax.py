"""Small, language-neutral questions about a dependency parse (UD labels for French,
ClearNLP labels for English), shared by the actor, event and attribution stages."""

from __future__ import annotations

from collections.abc import Collection

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.parts_of_speech import VERB
from spacy.tokens import Doc, Token

# Contracted and elided forms of a preposition: "au" is "à le", "du" is "de le", "d'" is "de".
PREPOSITION_FORMS: dict[str, frozenset[str]] = {
    "à": frozenset({"à", "au", "aux", "a"}),
    "de": frozenset({"de", "du", "des", "d'", "d’"}),
    "en": frozenset({"en"}),
}
# Dependents that build a noun phrase; others (clauses, conjuncts) start something new.
NP_DEPS = frozenset({
    "det", "amod", "nmod", "appos", "compound", "flat", "flat:name", "nummod", "case", "poss",
    "nmod:poss", "fixed", "prep", "pobj", "punct", "cc:preconj", "advmod", "npadvmod", "quantmod",
})
CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "xcomp", "conj", "cc",
                         "parataxis", "dep"})


def forms_of(preposition: str) -> frozenset[str]:
    return PREPOSITION_FORMS.get(preposition, frozenset({preposition}))


# Where a Doc keeps what was read of it once (see `words_of` and `dependents`).
_WORDS = "selon.words"
_DEPENDENTS = "selon.dependents"
_FEATURES = "selon.features"


def forget(doc: Doc) -> None:
    """Drop what was read of the Doc once (see `words_of`, `dependents`, `morph`). Its tables
    hold Tokens, which hold the Doc: until they go, only the garbage collector's full
    collections free it."""
    for key in (_WORDS, _DEPENDENTS, _FEATURES):
        doc.user_data.pop(key, None)


def words_of(doc: Doc) -> list[tuple[int, str, str]]:
    """(part-of-speech id, lemma, lowercase form) of each token, read once per Doc from its
    arrays: the stages scan every sentence for lexicon words, and a Token object per word
    costs more than the test."""
    found: list[tuple[int, str, str]] | None = doc.user_data.get(_WORDS)
    if found is None:
        rows = doc.to_array([POS, LEMMA, LOWER]).tolist()
        text = _texts(doc, [key for _, lemma, lower in rows for key in (lemma, lower)])
        found = doc.user_data[_WORDS] = [(pos, text[lemma], text[lower])
                                         for pos, lemma, lower in rows]
    return found


def verbs_among(doc: Doc, start: int, end: int, lemmas: Collection[str]) -> list[Token]:
    """The verbs from token `start` to `end` whose lowercase lemma is one of `lemmas`, found
    off the Doc's arrays (see `words_of`): only those become Token objects."""
    return [doc[i] for i, (pos, lemma, _) in enumerate(words_of(doc)[start:end], start)
            if pos == VERB and lemma.lower() in lemmas]


def dependents(token: Token) -> list[tuple[str, Token]]:
    """(dependency label, child) for each child of `token`, in order. The stages ask for a
    token's children many times, and spaCy builds new Token objects, and looks up their labels,
    at each asking: the whole Doc's are read at the first asking, from its arrays. (The Doc is
    not changed once parsed.)"""
    table: list[list[tuple[str, Token]]] | None = token.doc.user_data.get(_DEPENDENTS)
    if table is None:
        table = _dependents_table(token.doc)
    return table[token.i]


def _dependents_table(doc: Doc) -> list[list[tuple[str, Token]]]:
    # HEAD is the head's offset from the token, stored unsigned: as int64 it is signed again.
    offsets = doc.to_array(HEAD).astype("int64").tolist()
    labels = doc.to_array(DEP).tolist()
    text = _texts(doc, labels)
    tokens = list(doc)
    table: list[list[tuple[str, Token]]] = [[] for _ in tokens]
    for i, (offset, label) in enumerate(zip(offsets, labels, strict=True)):
        if offset:  # (0: the root, its own head)
            table[i + offset].append((text[label], tokens[i]))
    doc.user_data[_DEPENDENTS] = table
    return table


# The text of each string-store hash seen in this process: lemmas, forms and labels repeat
# from Doc to Doc, and the store decodes a new string at each asking. (Emptied when it holds
# _MOST_STRINGS, so that a long run's memory stays flat.)
_STRING_TEXTS: dict[int, str] = {}
_MOST_STRINGS = 200_000


def _texts(doc: Doc, keys: list[int]) -> dict[int, str]:
    """A table that gives the text of each of `keys` (string-store hashes) and others."""
    known = _STRING_TEXTS
    if len(known) > _MOST_STRINGS:
        known.clear()
    strings = doc.vocab.strings
    for key in set(keys).difference(known):
        known[key] = strings[key]
    return known


def morph(token: Token, field: str) -> list[str]:
    """The values of one morphological feature of `token` ("Mood" → ["Cnd"]), as
    `token.morph.get(field, [])` gives them, read once per token: that call parses the token's
    features each time."""
    known: dict[int, dict[str, list[str]]] = token.doc.user_data.setdefault(_FEATURES, {})
    found = known.get(token.i)
    if found is None:
        found = known[token.i] = {name: values.split(",")
                                  for name, values in token.morph.to_dict().items()}
    return found.get(field, [])


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("Poutine et Xi Jinping")."""
    found = [token]
    for dep, child in dependents(token):
        if dep == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "X"):
            found.extend(conjuncts(child))
    return found


def children(token: Token, deps: frozenset[str] | set[str] | tuple[str, ...]) -> list[Token]:
    return [child for dep, child in dependents(token) if dep in deps]


def preposition_object(preposition: Token) -> Token | None:
    """What an English preposition introduces (its `pobj`): "by" → "Reuters"."""
    return next((child for dep, child in dependents(preposition) if dep == "pobj"), None)


def prepositional_objects(token: Token, preposition: str) -> list[Token]:
    """Complements of `token` introduced by `preposition`, in either parse scheme.

    French (UD): the complement hangs from the token and carries the preposition as `case`.
    English (ClearNLP): the preposition hangs from the token (`prep`/`agent`) with a `pobj`.
    """
    forms = forms_of(preposition.lower())
    found: list[Token] = []
    for dep, child in dependents(token):
        if dep in ("prep", "agent", "dative") and child.lower_ in forms:
            found.extend(children(child, ("pobj", "pcomp")))
            continue
        cases = children(child, ("case", "mark"))
        if cases and cases[0].lower_ in forms:
            found.append(child)
    return found


def noun_phrase(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by `head`, without clauses or conjuncts."""
    found = [head]
    for dep, child in dependents(head):
        if dep in CLAUSE_DEPS:
            continue
        found.extend(noun_phrase(child))
    return sorted(found, key=lambda t: t.i)


def is_passive(verb: Token) -> bool:
    return any(dep in ("aux:pass", "auxpass") for dep, _ in dependents(verb))


def is_passive_participle(verb: Token) -> bool:
    """A past participle that qualifies a noun with no auxiliary: "soldiers killed in
    Ukraine", "les civils emprisonnés" (not "a letter asking for…", "une lettre demandant…")."""
    if not ((verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON")) or (
            verb.dep_ == "advcl" and verb.i < verb.head.i and verb.head.pos_ == "VERB")):
        # ("Reçu vendredi à la Maison-Blanche, le président ukrainien a plaidé…": a fronted
        # participle qualifies the main clause's subject)
        return False
    if any(dep.startswith("aux") or dep in ("nsubj", "expl:comp", "expl:pv")
           for dep, _ in dependents(verb)):
        return False
    return verb.tag_ == "VBN" or (morph(verb, "VerbForm") == ["Part"]
                                  and morph(verb, "Tense") == ["Past"])


def phrase_text(tokens: list[Token], drop_determiners: bool = True) -> str:
    """The text of contiguous tokens, without leading determiners and trailing punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (
        tokens[0].is_punct or (drop_determiners and tokens[0].pos_ in ("DET", "ADP"))
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text
