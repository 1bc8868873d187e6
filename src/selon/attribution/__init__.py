"""According to whom, and how surely: attribution chains and certainty for each event."""

from selon.attribution.certainty import AttributionReader, Claim, MarkedSource
from selon.attribution.cues import Cues, load_cues

__all__ = ["AttributionReader", "Claim", "Cues", "MarkedSource", "load_cues"]
