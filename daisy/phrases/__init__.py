"""Daisy's wording per language, kept as data (one TOML file per language)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class Phrases:
    lang: str
    variants: dict[str, tuple[str, ...]]
    examples: dict[str, str]

    def get(self, key: str) -> tuple[str, ...]:
        return self.variants[key]


@lru_cache(maxsize=8)
def load_phrases(lang: str) -> Phrases:
    data = tomllib.loads((HERE / f"{lang}.toml").read_text(encoding="utf-8"))
    examples = data.pop("examples", {})
    return Phrases(lang, {k: tuple(v) for k, v in data.items()}, dict(examples))
