"""The machine protocol of `daisy chat --jsonl`, usable in-process (evaluation, tests).

Input objects: {"say": text} | {"audio": "turn.wav"} | {"dtmf": "123#"} | {"silence": seconds} |
{"hangup": true}.
Output objects: {"say", "state", "field", "pending", "ended", "outcome", "record", "expects", "offer"}:
"expects" is the kind of answer wanted next (daisy.core.expectation.Expected), "offer" the help
Daisy's question offered (ask | example | spell | keypad).

An audio line (a mono WAV file, any rate) is heard exactly as a phone call hears the caller
(daisy.voice.hearing: telephone band, Whisper base, the decoding for what is expected now); its
output line adds "heard": the words Daisy took the caller to say, and "confidence": how sure the
recognizer was of them (0-1; the core weighs a value by it). The speech stack loads on the
first audio line, so text-only sessions start fast.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from daisy.conversation import CallLog, Conversation
from daisy.core import CallerEvent, Dialogue, Direction, Hangup, Keypad, Silence, Turn, Utterance
from daisy.core.expectation import expected, listening, offer
from daisy.form import Form, load_form

# A phone turn is seconds of speech, a few hundred characters at most; a longer "say" is refused so
# that no input line can make one turn take long.
MAX_SAY_CHARS = 1000


class ProtocolError(ValueError):
    """A malformed input line; the message is one line for stderr, never echoing what was said."""


def _shown(value: object) -> str:
    """What a bad value was, without the value itself (it may be a name or a phone number)."""
    if isinstance(value, str):
        return f"a text of {len(value)} characters"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return "a number"
    return f"a JSON {type(value).__name__.replace('dict', 'object').replace('list', 'array')}"


def _check_text(obj: object) -> None:
    """Refuse text a database or a UTF-8 stream cannot hold: a lone surrogate ("\\ud800")."""
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ProtocolError("the line holds a lone surrogate (\\ud800-\\udfff), not a character") from None
    except (ValueError, RecursionError):  # too deep or circular: never from json.loads within limits
        raise ProtocolError("the line is nested too deeply") from None


def parse_event(obj: object) -> CallerEvent:
    if not isinstance(obj, dict) or len(obj) != 1:
        raise ProtocolError(
            'expected one of {"say": text}, {"audio": "file.wav"}, {"dtmf": digits}, {"silence": seconds},'
            ' {"hangup": true}'
        )
    ((key, value),) = obj.items()
    if key == "say" and isinstance(value, str):
        if len(value) > MAX_SAY_CHARS:
            raise ProtocolError(
                f'"say" holds {len(value)} characters; one turn holds at most {MAX_SAY_CHARS}'
            )
        return Utterance(value)
    if key == "dtmf" and isinstance(value, str) and value and all(c in "0123456789*#" for c in value):
        return Keypad(value)
    if (
        key == "silence"
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and 0 <= value < 86400
    ):
        return Silence(float(value))
    if key == "hangup" and value is True:
        return Hangup()
    if key not in ("say", "audio", "dtmf", "silence", "hangup"):
        raise ProtocolError("unknown key; use say, audio, dtmf, silence or hangup")
    raise ProtocolError(f"bad value for {key!r}: {_shown(value)}")


def turn_to_json(turn: Turn, form: Form) -> dict[str, Any]:
    s = turn.state
    keys = form.keys
    return {
        "say": turn.say,
        "state": s.phase.value,
        "field": s.field,
        "pending": s.pending,
        "ended": s.ended,
        "outcome": s.outcome.value if s.outcome else None,
        "record": s.record(keys),
        "not_captured": [k for k, v in s.values.items() if v.left_empty],  # the ladder ran out
        "expects": expected(form, s).value,
        "offer": offer(s).value,
    }


class ProtocolSession:
    """One call driven by protocol objects; `opening()` first, then `send()` per input object."""

    def __init__(
        self,
        lang: str = "es",
        direction: str = "inbound",
        now: datetime | None = None,
        form: Form | None = None,
        log: CallLog | None = None,
        caller_number: str | None = None,
        clock: Callable[[], datetime] | None = None,
        data_dir: Path | None = None,
        known: Mapping[str, str] | None = None,
    ) -> None:
        self.form = form or load_form()
        if clock is None and now is not None:
            clock = lambda: now  # noqa: E731 - a fixed clock for reproducible relative times
        # `known`: the roster's values for the caller, by form key (see daisy.roster.calls)
        self.conversation = Conversation(Dialogue(self.form, lang), log=log, clock=clock, known=known)
        self.direction = Direction(direction)
        self.caller_number = caller_number
        self.lang = lang
        self.data_dir = data_dir  # where the Whisper model lives (default: the settings' data dir)

    def opening(self) -> dict[str, Any]:
        turn = self.conversation.start(self.direction, caller_number=self.caller_number)
        return turn_to_json(turn, self.form)

    def send(self, obj: object) -> dict[str, Any]:
        """Handle one input object; raises ProtocolError on a malformed one (the call goes on)."""
        _check_text(obj)
        if isinstance(obj, dict) and len(obj) == 1 and "audio" in obj:
            said = self._hear(obj["audio"])
            turn = self.conversation.hear(said)
            return {**turn_to_json(turn, self.form), "heard": said.text,
                    "confidence": round(said.confidence, 3)}
        event = parse_event(obj)
        return turn_to_json(self.conversation.hear(event), self.form)

    def _hear(self, path: object) -> Utterance:
        """The caller's turn in a WAV file, heard for what the current step expects."""
        if not isinstance(path, str) or not path:
            raise ProtocolError(f'bad value for "audio": {_shown(path)} (expected the path of a WAV file)')
        # The speech stack (numpy, soxr, faster-whisper) loads here, on the first audio line only.
        from daisy.voice.hearing import hear_for, load_whisper
        from daisy.voice.hearing.wav import AudioFileError, read_wav

        try:
            pcm, rate = read_wav(path)
        except AudioFileError as e:
            raise ProtocolError(str(e)) from None
        state = self.conversation.state
        if state is None or state.ended:
            return Utterance("", 0.0)
        if self.data_dir is None:
            from daisy.settings import get_settings

            self.data_dir = get_settings().daisy_data_dir
        try:
            model = load_whisper(self.data_dir)
        except (RuntimeError, OSError) as e:  # the model packages missing, the data dir unwritable
            raise ProtocolError(f"speech recognition is unavailable: {e}") from None
        heard = hear_for(model, pcm, rate, listening(self.form, state), self.lang, self.conversation.clock())
        return Utterance(heard.text, heard.confidence)
