"""`selon serve` as a command: its help, where it listens, and a store it cannot open."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from selon.cli.main import app
from selon.cli.serve import _is_loopback
from selon.errors import StoreError

runner = CliRunner()


def test_explains_itself_with_an_example() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("localhost", True),
                                                ("::1", True), ("0.0.0.0", False),
                                                ("192.168.1.10", False), ("example.org", False)])
def test_only_loopback_addresses_count_as_private(host: str, loopback: bool) -> None:
    assert _is_loopback(host) is loopback


def test_a_missing_store_stops_it_before_it_listens(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb"), "--port", "0"])
    assert isinstance(result.exception, StoreError) and "no such store" in str(result.exception)
