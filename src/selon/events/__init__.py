"""Events: the PLOVER vocabulary, the lexicons, and the rule coder."""

from selon.events.coder import EventCoder
from selon.events.lexicon import Lexicon, Trigger, load_lexicon

__all__ = ["EventCoder", "Lexicon", "Trigger", "load_lexicon"]
