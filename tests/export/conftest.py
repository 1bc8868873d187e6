"""Fixtures of the export tests: the small hand-written store of the explorer's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.small_store import build_small_store


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("export") / "small.duckdb")
