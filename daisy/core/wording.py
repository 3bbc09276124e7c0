"""Choosing Daisy's sentence: the phrase data for the language, never the same sentence twice in a row."""

from __future__ import annotations

from daisy.phrases import Phrases


def pick(
    phrases: Phrases, key: str, last_say: str, prefix: str = "", rotate: int = 0, **slots: object
) -> str:
    """The first variant of `key` (starting at `rotate`) whose full sentence differs from `last_say`."""
    variants = phrases.get(key)
    n = len(variants)
    said = ""
    for i in range(n):
        said = join(prefix, variants[(rotate + i) % n].format(**slots))
        if said != last_say:
            return said
    return said  # the reply itself guards against saying it verbatim again


def join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def spoken_list(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
