"""Shared fixtures. Tests that need the spaCy models use `pipeline` (loaded once per session);
tests that read ../shared/eval skip when it is not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from selon.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    if not (SHARED_EVAL / "score.py").is_file():
        pytest.skip(f"shared evaluation data not found at {SHARED_EVAL}")
    return SHARED_EVAL
