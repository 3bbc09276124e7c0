"""A simulated driver on a real phone line: the text callers' policy, with words a voice can say and
the reactions of a driver who is being misheard.

- every value is worded as a person says it (`wording.py`), never as recognizer output;
- a wrong read-back gets a plain "no", and the value is said again;
- when Daisy asks to spell, or after a second "no" on the same field, the value is spelled symbol by
  symbol: key words in Spanish ("be de Barco"), NATO words in English (a name: the given name said,
  the surname spelled). `spells_when_asked=False` (`daisy eval --audio --spell-after-no`): only after
  that second "no", the issue's held-out driver read literally;
- when Daisy offers the keypad (protocol "offer": "keypad", or her sentence mentions it), a number,
  a time or a WhatsApp number is keyed in;
- read-backs are answered truthfully: yes only when the value read back is exactly the true one;
- the driver never hangs up out of impatience: whether a call ends is Daisy's job (the runner caps it).
"""

from __future__ import annotations

import re
from typing import Any

from daisy.evaluation import speech
from daisy.evaluation.audio import wording
from daisy.evaluation.callers import SimulatedCaller

_KEYPAD = re.compile(r"teclado|keypad|marca(lo|los|r)?\b|dial|teclea", re.IGNORECASE)


class Driver(SimulatedCaller):
    def __init__(self, *args: Any, spells_when_asked: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spells_when_asked = spells_when_asked
        self.nos: dict[str, int] = {}  # "no"s said to read-backs, per field
        self.spelled: dict[str, int] = {}  # spelled answers, per field
        self.out: dict[str, Any] = {}

    def next(self, out: dict[str, Any]) -> dict[str, Any] | None:
        escalated = out.get("offer") in ("spell", "keypad") and out.get("offer") != self.out.get("offer")
        if escalated and self.pieces_done == out.get("field"):
            self.pieces_done = None  # Daisy starts the value over with more help: not a "what's next?"
        self.out = out
        if (
            not out.get("ended")
            and out.get("state") == "asking"
            and out.get("field") is None
            and out.get("offer") == "keypad"
            and not self.queue
        ):
            # a follow-up question (WhatsApp number, call-back time) that offers the keypad
            keyed = {"whatsapp": self.spec.phone, "callback": self.callback_at().replace(":", "")}
            digits = keyed.get(self.spec.start, "")
            if digits.isdigit():
                self.meant = "keypad"
                self.follow_turns += 1
                return self._send({"dtmf": digits + "#"})
        return super().next(out)

    def _send(self, obj: dict[str, Any]) -> dict[str, Any]:
        self.turns += 1
        if self.current_state != "confirming":
            self.last_readback = None
        text = obj.get("say")
        if isinstance(text, str):
            return {"say": wording.speakable(text, self.lang, self.rng)}
        return obj

    # -- answering a question --------------------------------------------------------------------
    def _free_to_answer(self, key: str) -> bool:
        """No scripted behaviour, stop or start intent comes first at this field."""
        spec = self.spec
        return (
            spec.start in ("accept", "wait")
            and not (spec.stop and spec.stop["at"] == key)
            and not self.todo.get(key)
            and spec.truth(key) is not None
            and self.pieces_done != key
        )

    def _asked(self, key: str, say: str) -> dict[str, Any]:
        if self._free_to_answer(key):
            kind = self.kinds.get(key, "text")
            truth = self.spec.truth(key) or ""
            keypad = self.out.get("offer") == "keypad" or bool(_KEYPAD.search(say))
            keyable = truth.replace(":", "") if kind in ("number", "time") else ""
            if keypad and keyable.isdigit():
                self.asks[key] = self.asks.get(key, 0) + 1
                self.gave.add(key)
                self.meant = "keypad"
                return {"dtmf": keyable + "#"}
            if kind in ("plate", "number", "email", "name") and (
                self.nos.get(key, 0) >= 2 or (self.spells_when_asked and self.out.get("offer") == "spell")
            ):
                self.asks[key] = self.asks.get(key, 0) + 1
                self.spelled[key] = self.spelled.get(key, 0) + 1
                self.gave.add(key)
                self.meant = "spelled"
                # if Daisy then asks what follows, the driver says that was all (as after pieces)
                self.pieces_done = key if kind in ("plate", "email") else None
                if kind == "email":
                    return {"say": wording.spelled_email(truth, self.lang, self.rng)}
                if kind == "name":
                    return {"say": wording.spelled_name(truth, self.lang, self.rng)}
                return {"say": wording.spelled(truth, self.lang, self.rng)}
        obj = super()._asked(key, say)
        if obj.get("hangup") and self.meant == "gave up":
            self.asks[key] = 0  # a driver does not hang up on a slow line: they try again
            obj = super()._asked(key, say)
        return obj

    def _value_turns(self, key: str, attempt: int) -> list[str]:
        spec, rng, lang, style = self.spec, self.rng, self.lang, self.spec.style
        kind = self.kinds.get(key, "text")
        truth = spec.truth(key) or ""
        plain = attempt >= 2
        if kind == "number":
            digits = "digits" if plain else wording.digit_style(style.get("numbers"), rng)
            if truth.isdigit():
                return [speech.alnum_said(truth, lang, rng, digits)]
            return [wording.spelled(truth, lang, rng)]
        if kind == "plate":
            return speech.plate_pieces(
                truth,
                lang,
                rng,
                letter_style="letra"
                if plain and lang == "es"
                else wording.letter_style(style.get("letters"), lang, rng),
                digit_style="digits" if plain else wording.digit_style(style.get("numbers"), rng),
                in_pieces=bool(style.get("pieces")) and attempt == 0,
            )
        if kind == "email":
            return speech.email_pieces(
                truth,
                lang,
                rng,
                "dictated",
                in_pieces=bool(style.get("pieces")) and attempt == 0,
                known_words=self.name_words,
            )
        return super()._value_turns(key, attempt)

    # -- answering a read-back -------------------------------------------------------------------
    def _confirm(self, key: str, pending: str | None) -> dict[str, Any]:
        truth = self.spec.truth(key)
        again = self.last_readback == (key, pending)
        self.last_readback = (key, pending)
        if truth is not None and pending == truth:
            self.meant = "yes"
            self.gave.add(key)  # a value the roster knew, confirmed, is given by this yes
            yes = self.pick(
                "yes_plate" if self.kinds.get(key) == "plate" and self.rng.random() < 0.2 else "yes"
            )
            return {"say": ("Sí." if self.lang == "es" else "Yes.") if again else yes}
        self.meant = "no"
        if key in self.gave:
            self.nos[key] = self.nos.get(key, 0) + 1
        return {"say": "No." if again else self.pick("no")}
