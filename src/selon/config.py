"""Typed settings, read from the commented defaults file beside this module."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from typing import Any

from selon.errors import SelonError


@dataclass(frozen=True)
class Settings:
    languages: tuple[str, ...] = ("fr", "en")
    detect_among: tuple[str, ...] = ("fr", "en")
    max_document_bytes: int = 20_000_000
    batch_size: int = 32
    write_batch_size: int = 256
    db: str = "selon.duckdb"
    untargeted_types: tuple[str, ...] = ("MOBILIZE", "PROTEST")
    act_window_days: int = 3
    act_undated_days: int = 7
    act_declared_types: tuple[str, ...] = ("ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN")
    act_recurrent_types: tuple[str, ...] = ("ASSAULT", "COERCE")
    models: dict[str, str] = field(default_factory=dict)

    def model_for(self, lang: str) -> str:
        try:
            return self.models[lang]
        except KeyError:
            raise SelonError(f"no spaCy model configured for language {lang!r}") from None


def _from_mapping(raw: dict[str, Any]) -> Settings:
    known = {f.name for f in fields(Settings)}
    unknown = set(raw) - known
    if unknown:
        raise SelonError(f"unknown settings: {', '.join(sorted(unknown))}")
    values = dict(raw)
    for name in ("languages", "detect_among", "untargeted_types", "act_declared_types",
                 "act_recurrent_types"):
        if name in values:
            values[name] = tuple(values[name])
    return Settings(**values)


def load_settings(**overrides: Any) -> Settings:
    """The defaults file, with keyword overrides (e.g. ``batch_size=8``)."""
    text = resources.files("selon").joinpath("defaults.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    raw.update({k: v for k, v in overrides.items() if v is not None})
    return _from_mapping(raw)
