"""The local recognizer, run early on each short pause and once more on the whole turn if it came
in pieces.

The VAD closes a stretch of speech after a short silence so that a "sí" is heard at once; a driver
who pauses inside "Así es, correcto" or between "XZ" and "45 12" is then recognized in pieces, and
Whisper reads a lone fragment worse than the whole ("Así es." + "No, correcto."). When the turn ends
in more than one piece, the agent asks for the whole turn to be heard again, as one utterance with
the pauses shortened: one more Whisper run, only on turns that came in pieces.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from typing import Any

import numpy as np
from livekit.agents import stt, utils
from livekit.agents.types import NOT_GIVEN, APIConnectOptions, NotGivenOr

from daisy.core.expectation import Expected
from daisy.voice.hearing import Heard, hear, load_whisper
from daisy.voice.hearing.cleaning import voiced_seconds
from daisy.voice.local_stt import WhisperSTT, caller_pcm

log = logging.getLogger("daisy.voice")

GAP_SECONDS = 0.3  # the silence put between pieces when they are heard again as one
# Pieces further apart than this are not one turn (a stretch the framework dropped, e.g. noise
# while Daisy spoke): the turn is the run of pieces before the newest with no longer gap.
SAME_TURN_SECONDS = 2.5

Piece = tuple[float, float, np.ndarray, int]  # start, end (monotonic s), int16 pcm, sample rate


class WholeTurnWhisperSTT(WhisperSTT):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pieces: list[Piece] = []
        self._transcripts: list[stt.SpeechData] = []  # each piece's transcript, as sent on
        self.rehear_seconds: float | None = None  # Whisper's time on the last whole-turn run

    async def _recognize_impl(
        self,
        buffer: utils.AudioBuffer,
        *,
        language: NotGivenOr[str] = NOT_GIVEN,
        conn_options: APIConnectOptions,
    ) -> stt.SpeechEvent:
        frame, pcm = caller_pcm(buffer)
        ended = time.monotonic()
        event = await super()._recognize_impl(buffer, language=language, conn_options=conn_options)
        if event.alternatives and event.alternatives[0].text.strip():
            self.keep_piece(pcm, frame.sample_rate, ended - frame.duration, ended, event.alternatives[0])
        return event

    def keep_piece(self, pcm: np.ndarray, rate: int, start: float, end: float,
                   transcript: stt.SpeechData) -> None:
        """A stretch that was heard as words, kept in case the turn turns out to come in pieces;
        `transcript` is the SpeechData the framework gets for it, by which the agent names it."""
        self._pieces.append((start, end, pcm.copy(), rate))
        self._transcripts.append(transcript)

    def pieces_in_turn(self) -> int:
        return len(_this_turn(self._pieces))

    def forget_turn(self, through: object | None = None) -> None:
        """Forget the pieces heard so far, or only those up to the one `through` names: stretches
        the caller said after it may already be heard while the agent weighed it."""
        if through is None:
            drop = len(self._pieces)
        else:  # already gone (heard again with its turn): nothing of it to forget
            at = self._index_of(through)
            drop = 0 if at is None else at + 1
        self._pieces, self._transcripts = self._pieces[drop:], self._transcripts[drop:]

    def _index_of(self, transcript: object | None) -> int | None:
        return next((i for i, t in enumerate(self._transcripts) if t is transcript), None)

    async def stretch_heard_as(self, expecting: Expected, longest: float,
                               of: object | None = None) -> str | None:
        """A stretch (the one transcript `of` was sent for, else the newest) heard again as if
        `expecting` were asked (greedy, one run), when it is no longer than `longest` seconds spoken:
        a backchannel heard while Daisy asked for a name comes out of the name-primed decoder as a
        name ("Ajá, sí." → "Ajá C C")."""
        at = self._index_of(of) if of is not None else len(self._pieces) - 1
        piece = self._pieces[at] if at is not None and at >= 0 else None  # (forgotten with its turn)
        # voiced time: the VAD's padding and the silence that closed the stretch are no words
        if piece is None or voiced_seconds(piece[2], piece[3]) > longest:
            return None
        _start, _end, pcm, rate = piece
        model = await asyncio.to_thread(load_whisper, self.data_dir)
        heard_as = functools.partial(hear, expecting=expecting, lang=self.language, n_best=1)
        return (await asyncio.to_thread(heard_as, model, pcm, rate)).text

    async def rehear_turn(self) -> Heard | None:
        """The whole turn heard again as one utterance when it came in pieces (else None); the
        pieces are forgotten either way: the turn is over. Should the whole turn come out as nothing
        (or not be heard at all), the pieces as heard stand, as sure as the least sure of them: words
        joined from pieces are never taken as typed."""
        pieces, transcripts = _this_turn(self._pieces), self._transcripts
        self._pieces, self._transcripts = [], []
        self.rehear_seconds = None
        if len(pieces) < 2:
            return None
        transcripts = transcripts[-len(pieces) :]  # (the two lists run side by side)
        rate = pieces[-1][3]
        gap = np.zeros(int(GAP_SECONDS * rate), dtype=np.int16)
        joined: list[np.ndarray] = []
        for _start, _end, pcm, piece_rate in pieces:
            if piece_rate != rate:
                return self._as_pieces(transcripts)  # never on one line; not worth resampling for
            joined += [pcm, gap]
        start = time.perf_counter()
        try:
            heard = await self.hear_now(np.concatenate(joined[:-1]), rate, self.language)
        except Exception as e:  # noqa: BLE001 (the pieces as heard beat a dropped turn)
            log.warning("could not hear the whole turn again: %s", e)
            return self._as_pieces(transcripts)
        self.rehear_seconds = time.perf_counter() - start
        if not heard.text.strip():
            return self._as_pieces(transcripts)
        self.last_heard = heard
        return heard

    def _as_pieces(self, transcripts: list[stt.SpeechData]) -> Heard:
        said = [t for t in transcripts if t.text.strip()]
        text = " ".join(t.text.strip() for t in said)
        self.last_heard = Heard(text, min((t.confidence for t in said), default=0.0), ())
        return self.last_heard


def _this_turn(pieces: list[Piece]) -> list[Piece]:
    kept = pieces[-1:]
    for piece in reversed(pieces[:-1]):
        if kept[0][0] - piece[1] > SAME_TURN_SECONDS:
            break
        kept.insert(0, piece)
    return kept
