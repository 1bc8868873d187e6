"""The fuzz tests' settings and tally.

`make test` runs each property on a few fixed examples; `bench/fuzz_readers.py` sets
SELON_FUZZ_EXAMPLES (1,000 a property: over 10,000 inputs) and, with --random,
SELON_FUZZ_RANDOM for a new seed. The tally is printed at the end of the run.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.tally import TALLY

EXAMPLES = int(os.environ.get("SELON_FUZZ_EXAMPLES", "40"))
# Inputs are large and slow to build on purpose (deep nesting, long lines): no deadline, and
# no complaint about the time it takes to generate them.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="SELON_FUZZ_RANDOM" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY.inputs:
        terminalreporter.write_line(TALLY.summary())
