"""Who a simulated caller is: the callers file, one JSON object a line (see its header)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

START_INTENTS = ("accept", "refuse", "callback", "email", "whatsapp", "wait", "human")
STOPS = ("human", "hangup", "silence")
BEHAVIOURS = (
    "repeat", "offtopic", "silence", "filler", "impatient", "hello", "noise", "already", "wait",
    "hold_reason",  # a wait that says why ("voy por la tarjeta"), then back on the line
    "about_daisy",  # a question about Daisy or the call: person or machine, who gave the number...
)


@dataclass(frozen=True)
class CallerSpec:
    """One simulated caller, as written in the callers file."""

    id: str
    lang: str  # "es" | "en"
    direction: str  # "inbound" | "outbound"
    now: datetime
    values: dict[str, str]  # form key -> true canonical value ("+120" for an ETA 120 min from now)
    outcome: str  # the expected outcome
    seed: int = 0
    style: dict[str, Any] = field(default_factory=dict)  # numbers, letters, pieces, email, time
    does: dict[str, list[str]] = field(default_factory=dict)  # form key -> behaviours before answering
    unknown: tuple[str, ...] = ()  # form keys the caller doesn't know
    start: str = "accept"  # start-of-call intent (said at the permission step, or first question)
    stop: dict[str, str] | None = None  # {"at": key, "do": "human"|"hangup"|"silence"}
    phone: str = ""  # WhatsApp number, when the caller asks for WhatsApp
    callback: str = ""  # "+20" (minutes from now) or "HH:MM", when the caller asks for a call back
    number: str = ""  # the caller's own phone number (caller ID inbound, the number dialled outbound)
    # What the operator's roster holds for `number`, by form key (it may be out of date); left out:
    # the number is not in the roster.
    roster: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> CallerSpec:
        start = str(raw.get("start", "accept"))
        if start not in START_INTENTS:
            raise ValueError(f"caller {raw.get('id')}: unknown start intent {start!r}")
        if raw.get("roster") and not raw.get("number"):
            raise ValueError(f"caller {raw.get('id')}: a roster entry needs the caller's number")
        stop = raw.get("stop")
        if stop is not None and stop.get("do") not in STOPS:
            raise ValueError(f"caller {raw.get('id')}: unknown stop {stop!r}")
        for key, acts in (raw.get("does") or {}).items():
            bad = [a for a in acts if a not in BEHAVIOURS]
            if bad:
                raise ValueError(f"caller {raw.get('id')}: unknown behaviours {bad} at {key}")
        return cls(
            id=str(raw["id"]),
            lang=str(raw.get("lang", "es")),
            direction=str(raw.get("direction", "inbound")),
            now=datetime.fromisoformat(str(raw["now"])),
            values=dict(raw["values"]),
            outcome=str(raw["outcome"]),
            seed=int(raw.get("seed", 0)),
            style=dict(raw.get("style") or {}),
            does={k: list(v) for k, v in (raw.get("does") or {}).items()},
            unknown=tuple(raw.get("unknown") or ()),
            start=start,
            stop=stop,
            phone=str(raw.get("phone", "")),
            callback=str(raw.get("callback", "")),
            number=str(raw.get("number", "")),
            roster=dict(raw.get("roster") or {}),
        )

    def truth(self, key: str) -> str | None:
        """The canonical value this caller would give for `key` (relative ETAs resolved against now)."""
        value = self.values.get(key)
        if value is None or key in self.unknown:
            return None
        if value.startswith("+"):
            return (self.now + timedelta(minutes=int(value[1:]))).strftime("%H:%M")
        return value

    def expected_record(self, keys: list[str]) -> dict[str, str | None]:
        """What the record must hold at the end: values given before any early stop, else null."""
        out: dict[str, str | None] = dict.fromkeys(keys)
        if self.start == "email" and "email" in out:
            out["email"] = self.truth("email")  # the address confirmed for the follow-up fills the field
        if self.start not in ("accept", "wait"):
            return out
        for key in keys:
            if self.stop and self.stop["at"] == key:
                break
            out[key] = self.truth(key)
        return out


def default_callers_path() -> Path:
    return Path(str(resources.files("daisy.evaluation").joinpath("callers.jsonl")))


def load_callers(path: str | Path | None = None, lang: str | None = None) -> list[CallerSpec]:
    """Read a callers file (one JSON object a line; blank lines and `#` comments allowed)."""
    path = Path(path) if path else default_callers_path()
    specs: list[CallerSpec] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            spec = CallerSpec.from_dict(json.loads(line))
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError(f"{path}:{n}: {e}") from e
        if lang is None or spec.lang == lang:
            specs.append(spec)
    return specs


# --- what callers say besides values -------------------------------------------------------------
