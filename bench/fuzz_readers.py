"""The readers' fuzz run: every reader, the clean stage and `Pipeline.prepare` on generated
hostile inputs (tests/fuzz/), with many more examples than `make test` gives them. Run by hand:

    .venv/bin/python bench/fuzz_readers.py                  # 1,000 examples a property: >10,000 inputs
    .venv/bin/python bench/fuzz_readers.py --examples 100   # a quick look
    .venv/bin/python bench/fuzz_readers.py --random         # a new seed, not the fixed one

It prints pytest's verdict and the tally: inputs per reader, articles read, documents refused
with their commonest reasons. A failure prints the smallest input that shows it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="examples per property")
    parser.add_argument("--random", action="store_true",
                        help="explore from a random seed (default: the same inputs every run)")
    args = parser.parse_args()
    os.environ["SELON_FUZZ_EXAMPLES"] = str(args.examples)
    if args.random:
        os.environ["SELON_FUZZ_RANDOM"] = "1"
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    return int(pytest.main(["tests/fuzz", "-q", "-p", "no:cacheprovider",
                            "-W", "ignore::DeprecationWarning"]))


if __name__ == "__main__":
    raise SystemExit(main())
