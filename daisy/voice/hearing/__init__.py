"""Hearing a caller as a phone call does: the telephone band, Whisper base, a decoder prompted with
the expected answer's words, N-best hypotheses cleaned of the recognizer's artifacts and rescored by
the expected kind's parser. Loads no LiveKit (the machine protocol's audio line uses it as it is)."""

from daisy.voice.hearing.decoding import Heard, Hypothesis, hear, hear_for, phone_audio
from daisy.voice.hearing.model import load_whisper, whisper_base_dir

__all__ = ["Heard", "Hypothesis", "hear", "hear_for", "load_whisper", "phone_audio", "whisper_base_dir"]
