"""Fixtures of the explorer's tests: the small hand-written store and a client of the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from selon.web.app import create_app
from tests.web.small_store import build_small_store


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("web") / "small.duckdb")


@pytest.fixture(scope="module")
def client(small_store: Path) -> Iterator[TestClient]:
    # 127.0.0.1 as the Host: the app answers loopback names only
    with TestClient(create_app(small_store), base_url="http://127.0.0.1") as test_client:
        yield test_client
