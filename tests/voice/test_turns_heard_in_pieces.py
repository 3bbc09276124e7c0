"""A turn the VAD cut into pieces reaches the core as one hearing: the whole turn heard again, or, when
that gives nothing, the pieces' words as sure as the least sure of them — never as typed text."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
from livekit.agents import stt

from daisy.core.expectation import Expected, Listening
from daisy.voice.whole_turn import WholeTurnWhisperSTT


def _recognizer() -> WholeTurnWhisperSTT:
    recognizer = WholeTurnWhisperSTT(language="es", data_dir=Path("data"))
    recognizer.listening = Listening(Expected.YES_NO)
    return recognizer


def _piece(text: str, confidence: float) -> stt.SpeechData:
    return stt.SpeechData(language="es", text=text, confidence=confidence)


def test_pieces_heard_as_nothing_whole_keep_their_words_and_least_confidence() -> None:
    recognizer = _recognizer()
    quiet = np.zeros(8000, dtype=np.int16)  # Whisper hears no words in it
    recognizer.keep_piece(quiet, 8000, 10.0, 11.0, _piece("Así es.", 0.9))
    recognizer.keep_piece(quiet, 8000, 11.5, 12.5, _piece("Comícto.", 0.37))
    heard = asyncio.run(recognizer.rehear_turn())
    assert heard is not None and heard.text == "Así es. Comícto."
    assert heard.confidence == 0.37
    assert recognizer.last_heard is heard  # the agent takes the confidence from here
    assert recognizer.pieces_in_turn() == 0


def test_pieces_that_cannot_be_joined_are_as_sure_as_the_least_sure() -> None:
    recognizer = _recognizer()
    recognizer.keep_piece(np.zeros(800, np.int16), 16000, 10.0, 11.0, _piece("Sí.", 0.9))
    recognizer.keep_piece(np.zeros(800, np.int16), 8000, 11.5, 12.5, _piece("Correcto.", 0.2))
    heard = asyncio.run(recognizer.rehear_turn())
    assert heard is not None and (heard.text, heard.confidence) == ("Sí. Correcto.", 0.2)


def test_one_piece_is_no_turn_in_pieces() -> None:
    recognizer = _recognizer()
    recognizer.keep_piece(np.zeros(800, np.int16), 8000, 10.0, 11.0, _piece("Sí.", 0.9))
    assert asyncio.run(recognizer.rehear_turn()) is None
