"""Search text: what a call can be found by, folded so "ramon" finds "Ramón" and "abc-123" finds "ABC123".

Folding accents is not portable in SQL (SQLite has no unaccent), so each call keeps a folded copy of
its searchable values, rewritten whenever a field changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """Lowercase without accents: 'Ramón' → 'ramon'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def compact(text: str) -> str:
    """Without spaces, hyphens and dots, the way plates and numbers are stored."""
    return re.sub(r"[\s\-.]+", "", text)


def search_text(values: Iterable[str | None]) -> str:
    # One value per line so a term never matches across two values.
    return "\n".join(fold(v) for v in values if v)


def like_patterns(term: str) -> list[str]:
    """LIKE patterns (escape character: backslash) for a user's search term."""
    out: list[str] = []
    for variant in (fold(term.strip()), compact(fold(term.strip()))):
        if variant:
            escaped = variant.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{escaped}%"
            if pattern not in out:
                out.append(pattern)
    return out
