"""Stand-in for the `espeak-ng` program when only the `espeakng-loader` package is installed.

Run as its own process (`python -m daisy.voice._espeak_child -v VOICE -s SPEED -g GAP --stdout`),
so the GPL library is never loaded into Daisy's process. Reads UTF-8 text on stdin, writes a WAV
stream on stdout, like `espeak-ng --stdout`.
"""

from __future__ import annotations

import argparse
import ctypes
import struct
import sys

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_RATE, ESPEAK_WORDGAP = 1, 7
POS_CHARACTER, CHARS_UTF8 = 1, 1
_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", dest="voice", default="es-419")
    ap.add_argument("-s", dest="speed", type=int, default=165)
    ap.add_argument("-g", dest="gap", type=int, default=0)
    ap.add_argument("--stdout", action="store_true")
    args = ap.parse_args(argv)

    import espeakng_loader

    lib = ctypes.cdll.LoadLibrary(str(espeakng_loader.get_library_path()))
    data = str(espeakng_loader.get_data_path()).encode()
    rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, ctypes.c_char_p(data), 0)
    if rate <= 0:
        print("espeak-ng library failed to initialize", file=sys.stderr)
        return 1
    out = sys.stdout.buffer
    # a streaming WAV header with unknown length, as espeak-ng --stdout writes
    out.write(b"RIFF" + struct.pack("<I", 0x7FFFFFFF) + b"WAVEfmt " + struct.pack(
        "<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16) + b"data" + struct.pack("<I", 0x7FFFFFFF))
    out.flush()

    def on_audio(wav: ctypes.POINTER(ctypes.c_short), n: int, _events: int) -> int:  # type: ignore[valid-type]
        if n > 0:
            out.write(ctypes.string_at(wav, n * 2))
            out.flush()
        return 0

    callback = _CALLBACK(on_audio)
    lib.espeak_SetSynthCallback(callback)
    lib.espeak_SetVoiceByName(ctypes.c_char_p(args.voice.encode()))
    lib.espeak_SetParameter(ESPEAK_RATE, args.speed, 0)
    lib.espeak_SetParameter(ESPEAK_WORDGAP, args.gap, 0)
    text = sys.stdin.buffer.read() + b"\0"  # waits here (warm) until the sentence arrives
    lib.espeak_Synth(ctypes.c_char_p(text), len(text), 0, POS_CHARACTER, 0, CHARS_UTF8, None, None)
    lib.espeak_Synchronize()
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
