"""Simulated callers: how a caller reacts to what Daisy does (who they are: `spec.py`).

A caller knows its true values and a few style knobs; `SimulatedCaller.next()` looks at Daisy's last
protocol output (state, field, pending) and returns the caller's next input object. Phrasings are
generated from the true values with the caller's own seeded random, so runs are reproducible.
"""

from __future__ import annotations

import random
import re
import tomllib
import unicodedata
from datetime import timedelta
from importlib import resources
from typing import Any

from daisy.evaluation import speech, times
from daisy.evaluation.spec import (
    BEHAVIOURS,
    START_INTENTS,
    STOPS,
    CallerSpec,
    default_callers_path,
    load_callers,
)
from daisy.form import Form, canonical_lang, load_form

MAX_TURNS = 70  # a caller gives up (hangs up) rather than loop forever on a stuck dialogue
MAX_ASKS = 6  # ... or when the same field is asked this many times

# re-exported: the evaluation's public names live here
__all__ = [
    "BEHAVIOURS",
    "MAX_ASKS",
    "MAX_TURNS",
    "SAYINGS",
    "START_INTENTS",
    "STOPS",
    "CallerSpec",
    "SimulatedCaller",
    "default_callers_path",
    "load_callers",
]


def _load_sayings() -> dict[str, dict[str, list[str]]]:
    with resources.files("daisy.evaluation").joinpath("sayings.toml").open("rb") as f:
        return tomllib.load(f)


SAYINGS = _load_sayings()


_NOT_UNDERSTOOD = re.compile(
    r"no te entend|no entend|no te escuch|didn't (catch|get)|couldn't (make|understand)|try again|otra vez",
    re.IGNORECASE,
)


def _say(text: str) -> dict[str, Any]:
    return {"say": text}


class SimulatedCaller:
    """The policy of one caller: `next(output)` returns the input object to send, or None when done."""

    def __init__(self, spec: CallerSpec, form: Form | None = None) -> None:
        self.spec = spec
        self.form = form or load_form()
        self.kinds = {f.key: f.kind.value for f in self.form.fields}
        # the round suffix of an id ("es-04#3") is not part of the seed: round k is the same as seed + k
        self.rng = random.Random(f"{spec.seed}:{spec.id.split('#')[0]}")
        self.lang = spec.lang
        # the words of the caller's name, as an email address would spell them
        plain = unicodedata.normalize("NFD", spec.values.get("driver_name", "").lower())
        self.name_words = "".join(c for c in plain if unicodedata.category(c) != "Mn").split()
        self.turns = 0
        self.gave: set[str] = set()  # fields the caller said (part of) a value for
        self.asks: dict[str, int] = {}
        self.answers: dict[str, int] = {}
        self.queue: list[dict[str, Any]] = []  # remaining pieces of a value dictated over turns
        self.queue_field: str | None = None
        self.pieces_done: str | None = None  # field whose pieces were all said; next ask -> "es todo"
        self.todo = {k: list(v) for k, v in spec.does.items()}
        self.started = False  # the start-of-call intent was said
        self.permission_turns = 0
        self.follow_turns = 0
        self.insist = 0
        self.current: str | None = None  # the field Daisy is on
        self.current_state: str | None = None
        self.meant = ""  # what the caller's last line meant: "answer", "piece", "yes", "no", "repeat"...
        self.queue_meaning = "piece"
        self.last_readback: tuple[str, str | None] | None = None

    # -- small helpers --
    def pick(self, what: str) -> str:
        if what in ("yes", "no") and self.spec.style.get("regional") and self.rng.random() < 0.7:
            what += "_regional"  # "a huevo", "nel pastel": the caller's own yes and no
        return self.rng.choice(SAYINGS[what][self.lang])

    def _send(self, obj: dict[str, Any]) -> dict[str, Any]:
        self.turns += 1
        if self.current_state != "confirming":
            self.last_readback = None
        text = obj.get("say")
        if isinstance(text, str) and text:
            text = speech.hyphenate(text, self.lang, self.rng)
            if self.spec.style.get("accents") is False and self.current != "driver_name":
                text = speech.strip_accents(text)  # names keep theirs: the canonical name is as spoken
            obj = {"say": text}
        if isinstance(text, str) and text and self.rng.random() < 0.4:
            # the recognizer's habit: a capital first letter and a final period
            text = text[0].upper() + text[1:]
            obj = {"say": text if text[-1] in ".?!" else text + "."}
        return obj

    # -- the policy --
    def next(self, out: dict[str, Any]) -> dict[str, Any] | None:
        if out.get("ended"):
            return None
        if self.turns >= MAX_TURNS:
            return self._send({"hangup": True})
        state, key = out.get("state"), out.get("field")
        self.current, self.current_state, self.meant = key, state, ""
        say = str(out.get("say") or "")
        if self.queue and not (state == "asking" and key == self.queue_field and not self._reasked(key, say)):
            # Daisy moved on, or asks for the value again from the start: the pieces left are moot
            self.queue, self.queue_field = [], None
        if self.queue:
            self.meant = self.queue_meaning
            return self._send(self.queue.pop(0))
        if state == "greeting":
            return self._send(_say(self.pick("hello")))
        if state == "permission":
            return self._send(self._permission())
        if state == "closing":
            return self._send(_say(self.pick("bye")))
        if key is None:  # a follow-up question (callback time, address...) or an unkeyed step
            return self._send(self._follow_up(state, out.get("pending")))
        if state == "confirming":
            self.pieces_done = None
            return self._send(self._confirm(key, out.get("pending")))
        return self._send(self._asked(key, say))

    def _reasked(self, key: str | None, say: str) -> bool:
        """Daisy asks for the whole field again (she did not take the last piece) rather than for more."""
        if key is None:
            return False
        try:
            ask = self.form.field(key).ask.get(canonical_lang(self.lang), "")
        except KeyError:
            ask = ""
        return bool(ask and ask in say) or bool(_NOT_UNDERSTOOD.search(say))

    def _permission(self) -> dict[str, Any]:
        self.permission_turns += 1
        start = self.spec.start
        if not self.started:
            self.started = True
            return _say(self._intent_phrase(start))
        if start == "refuse":
            return _say(self.pick("refuse_again"))
        if start == "wait" and self.permission_turns == 2:
            return _say(self.pick("back"))
        if start in ("callback",):
            return _say(self._callback_time())
        if start in ("email", "whatsapp", "human"):
            return _say(self._intent_phrase(start))
        return _say(self.pick("accept"))

    def _intent_phrase(self, intent: str) -> str:
        if intent == "callback":
            template = self.pick("callback")
            return template.format(t=self._callback_time(bare=True))
        return self.pick(intent)

    def _callback_time(self, bare: bool = False) -> str:
        when = self.spec.callback or "+30"
        if when.startswith("+"):
            said = times.relative_said(int(when[1:]), self.lang, self.rng)
        else:
            said = ("a las " if self.lang == "es" else "at ") + times.time_said(
                when, self.lang, self.rng, "12h"
            )
            said = said.replace("a las a la", "a la").replace("a las a las", "a las")
        return said if bare else said[0].upper() + said[1:] + "."

    def callback_at(self) -> str:
        """The call-back time the caller asks for, as HH:MM."""
        when = self.spec.callback or "+30"
        if when.startswith("+"):
            return (self.spec.now + timedelta(minutes=int(when[1:]))).strftime("%H:%M")
        return when

    def _follow_up(self, state: str | None, pending: str | None) -> dict[str, Any]:
        """Questions outside the form: when to call back, which address or number to use."""
        self.follow_turns += 1
        start = self.spec.start
        if self.follow_turns > 8:
            return {"hangup": True}
        if state == "confirming":
            if (
                start == "callback"
                and pending
                and re.fullmatch(r"\d\d:\d\d", pending)
                and pending != self.callback_at()
            ):
                return _say(self.pick("no"))
            if start == "email" and pending and pending != self.spec.values.get("email"):
                return _say(self.pick("no"))
            if start == "whatsapp" and pending and re.sub(r"\D", "", pending) != self.spec.phone:
                return _say(self.pick("no"))
            return _say(self.pick("yes"))
        if start == "callback":
            return _say(self._callback_time())
        if start == "email":
            self.gave.add("email")
            return _say(
                " ".join(
                    speech.email_pieces(
                        self.spec.values["email"],
                        self.lang,
                        self.rng,
                        self.spec.style.get("email"),
                        known_words=self.name_words,
                    )
                )
            )
        if start == "whatsapp":
            if self.spec.phone:
                return _say(
                    speech.digit_string(
                        self.spec.phone, self.lang, self.rng, self.rng.choice(["pairs", "digits", "numeric"])
                    )
                )
            return _say(self.pick("own_number"))
        return _say(self.pick("accept"))

    def _asked(self, key: str, say: str) -> dict[str, Any]:
        n = self.asks[key] = self.asks.get(key, 0) + 1
        spec = self.spec
        if n > MAX_ASKS:
            self.meant = "gave up"
            return {"hangup": True}
        if spec.start not in ("accept", "wait"):
            self.meant = spec.start
            # a caller who wants something else than registering now insists, then gives up
            self.started = True
            self.insist += 1
            return _say(self._intent_phrase(spec.start)) if self.insist <= 3 else {"hangup": True}
        if spec.stop and spec.stop["at"] == key:
            do = self.meant = spec.stop["do"]
            if do == "hangup":
                return {"hangup": True}
            if do == "silence":
                return {"silence": 8}
            return _say(self.pick("human"))
        todo = self.todo.get(key)
        if todo:
            act = self.meant = todo.pop(0)
            if act == "silence":
                return {"silence": 5}
            if act in ("wait", "hold_reason"):  # "espérame tantito", then back on the line at the next turn
                self.queue, self.queue_field, self.queue_meaning = [_say(self.pick("back"))], key, "wait"
                return _say(self.pick(act))
            return _say(self.pick({"hello": "hello_mid"}.get(act, act)))
        if key in spec.unknown or spec.truth(key) is None:
            self.meant = "unknown"
            return _say(self.pick("unknown"))
        if self.pieces_done == key and not self._reasked(key, say):  # Daisy still waits for more
            self.pieces_done = None
            self.meant = "done"
            return _say(self.pick("done"))
        self.pieces_done = None
        kind = self.kinds.get(key, "text")
        truth = spec.truth(key) or ""
        if (
            kind == "number"
            and truth.isdigit()
            and re.search(r"teclado|keypad|marca|dial", say, re.I)
            and self.answers.get(key, 0) >= 1
        ):
            self.answers[key] = self.answers.get(key, 0) + 1
            self.meant = "keypad"
            return {"dtmf": truth + "#"}
        turns = self._value_turns(key, self.answers.get(key, 0))
        self.answers[key] = self.answers.get(key, 0) + 1
        self.gave.add(key)
        self.meant = "answer" if self.answers[key] == 1 else "answer again"
        if len(turns) > 1:
            self.queue = [_say(t) for t in turns[1:]]
            self.queue_field, self.queue_meaning = key, "piece"
        # if Daisy still waits for more after the whole value, the caller says that was all
        self.pieces_done = key if kind in ("plate", "email") else None
        return _say(turns[0])

    def _value_turns(self, key: str, attempt: int) -> list[str]:
        """How the caller says the true value of `key`: styled first, plainer on each new attempt."""
        turns = self._plain_value_turns(key, attempt)
        kind = self.kinds.get(key)
        if self.spec.style.get("damage") and attempt < 2 and kind in ("number", "plate"):
            turns = [speech.damaged(t, self.lang, self.rng) for t in turns]
        ahead = self.spec.style.get("two_values")
        if ahead and attempt == 0 and len(turns) == 1 and kind == "number" and key in self._following():
            # the next field's value in the same breath: "el 3120 con placas RT-45-22"
            nxt = self._following()[key]
            said = self._plain_value_turns(nxt, 2)
            if len(said) == 1:
                self.gave.add(nxt)
                return [self.pick("two_values").format(v=turns[0], w=said[0])]
        if self.spec.style.get("self_fix") and attempt == 0 and len(turns) == 1 and kind in (
            "number", "plate", "time", "name"
        ):
            # the caller starts with a slip and fixes it in the same breath: "ochenta, no, noventa"
            slip = self._slip(key)
            if slip:
                turns = [self.pick("self_fix").format(w=slip, v=turns[0])]
        return turns

    def _following(self) -> dict[str, str]:
        """Each fleet number field and the plates field right after it, when there is one."""
        keys = [f.key for f in self.form.fields]
        pairs = zip(keys, keys[1:], strict=False)
        return {a: b for a, b in pairs if self.kinds[a] == "number" and self.kinds[b] == "plate"}

    def _slip(self, key: str) -> str:
        """A wrong first version of the value, said the way the right one is."""
        truth = self.spec.truth(key) or ""
        kind, rng, lang = self.kinds.get(key), self.rng, self.lang
        if kind == "name":
            other = self.rng.choice(["Juan", "Pedro", "José", "Luis"] if lang == "es" else ["John", "Mike"])
            return " ".join([other, *truth.split()[1:]])
        if kind == "time":
            h, m = (int(x) for x in truth.split(":"))
            wrong = f"{h:02d}:{(m + rng.choice([10, 15, 20])) % 60:02d}"  # same hour: same part of the day
            return times.time_said(wrong, lang, rng, "24h" if lang == "es" else "12h")
        digits = [k for k, c in enumerate(truth) if c.isdigit()]
        if not digits:
            return ""
        k = rng.choice(digits)
        wrong = truth[:k] + str((int(truth[k]) + rng.randint(1, 8)) % 10) + truth[k + 1 :]
        if kind == "number" and wrong.isdigit():
            return speech.alnum_said(wrong, lang, rng, self.spec.style.get("numbers"))
        return speech.plate_pieces(wrong, lang, rng, letter_style="letra", digit_style="digits")[0]

    def _plain_value_turns(self, key: str, attempt: int) -> list[str]:
        spec, rng, lang, style = self.spec, self.rng, self.lang, self.spec.style
        kind = self.kinds.get(key, "text")
        truth = spec.truth(key) or ""
        raw = spec.values.get(key, "")
        plain = attempt >= 2
        if kind == "name":
            if style.get("name_asides") and not plain:
                return [speech.name_with_asides(truth, lang, rng)]
            return [truth if plain else speech.name_said(truth, lang, rng)]
        if kind == "number":
            return [speech.alnum_said(truth, lang, rng, "digits" if plain else style.get("numbers"))]
        if kind == "plate":
            return speech.plate_pieces(
                truth,
                lang,
                rng,
                letter_style="letra" if plain else style.get("letters"),
                digit_style="digits" if plain else style.get("numbers"),
                in_pieces=bool(style.get("pieces")) and attempt == 0,
            )
        if kind == "time":
            if raw.startswith("+") and attempt == 0:
                return [times.relative_said(int(raw[1:]), lang, rng)]
            if attempt == 0 and self._next_of_its_hour(truth) and rng.random() < 0.25:
                return [times.bare_time(truth, lang, rng)]
            return [times.time_said(truth, lang, rng, "24h" if plain and lang == "es" else style.get("time"))]
        if kind == "email":
            return speech.email_pieces(
                truth,
                lang,
                rng,
                "written" if plain else style.get("email"),
                in_pieces=bool(style.get("pieces")) and attempt == 0,
                known_words=self.name_words,
            )
        return [truth]

    def _next_of_its_hour(self, hhmm: str) -> bool:
        """True when `hhmm` is the first time after now with that reading on a 12-hour clock, so that
        saying it without "de la tarde" / "PM" still means it."""
        h, m = (int(x) for x in hhmm.split(":"))
        now = self.spec.now
        ahead = (h * 60 + m - (now.hour * 60 + now.minute)) % (24 * 60)
        return 0 < ahead < 12 * 60

    def _confirm(self, key: str, pending: str | None) -> dict[str, Any]:
        truth = self.spec.truth(key)
        # asked the very same read-back again: the caller's last answer was not taken; say it plainly
        again = self.last_readback == (key, pending)
        self.last_readback = (key, pending)
        if truth is not None and pending == truth:
            self.meant = "yes"
            self.gave.add(key)  # a value the roster knew, confirmed, is given by this yes
            if again:
                return _say("Sí." if self.lang == "es" else "Yes.")
            kind = self.kinds.get(key)
            flavour = {"time": "yes_time", "plate": "yes_plate"}.get(kind or "", "yes")
            return _say(self.pick(flavour if self.rng.random() < 0.2 else "yes"))
        self.meant = "no"
        if truth is None or key not in self.gave or again:
            return _say("No." if again else self.pick("no"))
        said = self._correction(key, pending or "", truth)
        if said not in SAYINGS["no"][self.lang] + SAYINGS["no_regional"][self.lang]:  # a value or a fix
            self.meant = "correction"
        return _say(said)

    def _correction(self, key: str, pending: str, truth: str) -> str:
        """A "no", with the right value or the one thing to change when the caller can put it simply."""
        kind = self.kinds.get(key, "text")
        rng = self.rng
        if kind in ("plate", "number") and len(pending) == len(truth):
            diffs = [i for i, (a, b) in enumerate(zip(pending, truth, strict=True)) if a != b]
            if len(diffs) == 1 and rng.random() < 0.7:
                a, b = pending[diffs[0]], truth[diffs[0]]
                if a.isalpha() and b.isalpha() and pending.count(a) == 1:
                    return rng.choice(SAYINGS["swap"][self.lang]).format(a=a, b=b)
                if a.isdigit() and b.isdigit() and pending.count(a) == 1:
                    return rng.choice(SAYINGS["swap_digit"][self.lang]).format(
                        a=speech.number(int(a), self.lang), b=speech.number(int(b), self.lang)
                    )
        if kind == "plate" and (fix := self._targeted_fix(pending, truth)):
            return fix
        if rng.random() < 0.4:
            return self.pick("no")  # a bare no: Daisy asks again and the caller answers again
        attempt = self.answers.get(key, 0)
        self.answers[key] = attempt + 1
        said = " ".join(self._value_turns(key, max(attempt, 1)))
        said = re.sub(r"^(las placas son|plates are|son|es|it's|mira,|okay,) ", "", said)
        if kind == "time" and self.lang == "es" and not said.startswith("a la"):
            said = "a las " + said if rng.random() < 0.5 else said
        return rng.choice(SAYINGS["no_is"][self.lang]).format(v=said.rstrip("."))

    def _targeted_fix(self, pending: str, truth: str) -> str | None:
        """Plate fixes said as people say them: a missing letter, or the first letters wrong."""
        rng, es = self.rng, self.lang == "es"
        if rng.random() < 0.3:
            return None
        if len(pending) + 1 == len(truth):
            for i in range(len(truth)):
                if pending == truth[:i] + truth[i + 1 :] and truth[i].isalpha() and i + 1 < len(truth):
                    after = truth[i + 1]
                    word = speech.number(int(after), self.lang) if after.isdigit() else after
                    art = "del" if after.isdigit() else "de la"
                    said = self.pick("insert").format(n=truth[i], r=word, art=art)
                    return said[0].upper() + said[1:]
        if len(pending) == len(truth) and pending[0] != truth[0] and truth[0].isalpha():
            if pending[1:] == truth[1:]:
                return f"No, la primera es {truth[0]}." if es else f"No, the first one is {truth[0]}."
            if pending[2:] == truth[2:] and truth[1].isalpha():
                return (
                    f"No, la primera es {truth[0]}, luego {truth[1]}."
                    if es
                    else f"No, the first is {truth[0]}, then {truth[1]}."
                )
        return None
