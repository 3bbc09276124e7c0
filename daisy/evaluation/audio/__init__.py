"""`daisy eval --audio`: the simulated callers speak, through a telephone line, into Daisy's own hearing.

voices.py (espeak-ng variants, Kokoro) → line.py (8 kHz µ-law, cab noise) → cache.py (WAVs on disk)
→ driver.py (speakable wording, reactions of a driver) → runner.py (calls on the protocol) →
report.py (figures per voice family and line condition, next to the same callers in text).
"""
