"""Acts across articles: the reports of one act grouped, with what they add up to."""

from selon.acts.identity import ActRules, Claim, group, one_act
from selon.acts.summary import ActSummary, origin, summarise

__all__ = ["ActRules", "ActSummary", "Claim", "group", "one_act", "origin", "summarise"]
