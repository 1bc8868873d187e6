"""Wire datelines: "KIGALI (AFP) -", "MANILA, Philippines (AP) —", "TBILISI, Dec 2 (Reuters) -",
"BEIRUT —", "PARIS (AFP) –", "GAZA CITY, Palestinian Territories:".

A dateline is metadata, not prose: left in the text, the parser makes "CAIRO (AP)" the subject
of the first sentence. It is cut from the start of the text, and its agency kept as the
outlet when the document names none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An upper-case place (three letters at least), an optional ", region or date", an optional
# "(Agency)", then a dash, or a colon after a region. Without an agency only a long dash counts:
# "NATO - " and "NOTE:" are prose.
_DATELINE = re.compile(
    r"""^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*(?:\ [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]*){0,3})
        (?P<region>,\ [^()\n—–:]{1,40}?)?
        (?:\ ?\((?P<agency>[A-Za-zÀ-ÿ.\ -]{2,30})\)\ ?[—–-]{1,2}|\ ?[—–]{1,2}|(?(region):|(?!)))
        \ +(?=\S)""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """The dateline at the start of `text`, if any, and the text without it."""
    match = _DATELINE.match(text)
    if match is None or len(match.group("place").replace(" ", "")) < 3:
        return None, text
    return Dateline(match.group("place"), match.group("agency")), text[match.end():]
