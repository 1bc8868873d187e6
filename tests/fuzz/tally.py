"""What the fuzz tests tried: inputs per reader, documents read and refused (with reasons)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Tally:
    inputs: Counter[str] = field(default_factory=Counter)
    articles: int = 0
    refused: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        per_reader = ", ".join(f"{name} {count:,}" for name, count in sorted(self.inputs.items()))
        common = "; ".join(f"{reason} ({count:,})" for reason, count in self.reasons.most_common(6))
        return (f"fuzz: {sum(self.inputs.values()):,} generated inputs ({per_reader}); "
                f"{self.articles:,} articles read, {self.refused:,} documents refused with a "
                f"reason; commonest reasons: {common}")


TALLY = Tally()
