"""Yes and no to a read-back, in words the evaluation's callers never use, said by many voices on the line.

A wrong value is stored only when a no passes for a yes, so this measures that directly, on phrasings
the hearing was not tuned on. A made-up caller is driven in text to Daisy's first read-back (their
name); then each answer below is spoken by each voice (espeak-ng variants, Kokoro styles, Piper for
English), sent through the 8 kHz µ-law line clean and with cab noise, and heard as `daisy chat --jsonl`
hears `{"audio": ...}` in that state. Each answer is tallied by what Daisy did: confirmed (yes), asked
"¿sí o no?", or took it as a no.

    .venv/bin/python benchmarks/read_back_answers.py [--lang es|en] [--seen | --phrases FILE] [--json OUT]

`--seen` uses the evaluation callers' own yes and no sayings instead (what was tuned on); `--phrases`
other ones, from a TOML file laid out as the sayings are (`[yes]` and `[no]`, each with `es` and `en`
lists).
Measured on this 2-core machine (~8 min a language), 2026-12-07, unseen phrasings (216 English and
192 Spanish answers each way): English noes confirmed 30 before the noes a yes sounds like were weighed (20 of
them "Not right." and "Not quite." heard "That's right.", 3 "Nah." heard "Yes."), 11 after; Spanish 2
before a yes-word written three times over leaned no (noisy noes heard "Sí, sí, sí."), 0 after. Yeses
confirmed at once, before and after: English 173 of 216, Spanish 128 of 192 (the rest asked "¿sí o
no?", 6 and 3 taken as a no). The evaluation's own phrasings (`--seen`): no no confirmed in either
language, before or after; one Spanish yes more asked "¿sí o no?" after (177 of 256 confirmed at once).
A second unseen set, chosen after (`--phrases benchmarks/read_back_answers_more.toml`): English 11 of
144 noes confirmed (9 "Not correct." heard "That's correct.", 2 "Uh-uh." heard "Yeah."), Spanish 0 of 128.
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

UNSEEN: dict[str, dict[str, list[str]]] = {
    "es": {
        "yes": ["Sí, así es.", "Correcto, sí.", "Afirmativo.", "Está bien.", "Sí, eso es.", "Perfecto.",
                "Exactamente.", "Claro que sí.", "Sí, correcto, señorita.", "Sí, todo bien.", "Ajá, así.",
                "Sip."],
        "no": ["No, así no es.", "No señorita.", "Está equivocado.", "Mal.", "No es correcto.", "Para nada.",
               "No, no es así.", "Negativo.", "Equivocado.", "Ese no es.", "No, está equivocado.",
               "Nel, no es."],
    },
    "en": {
        "yes": ["Yes, that's right.", "Correct, yes.", "Right.", "Affirmative.", "Exactly.", "Sure.",
                "That's it.", "Yes sir.", "Yeah, that's it.", "Yep, that's correct.", "Absolutely.",
                "Mm-hmm, yes."],
        "no": ["No ma'am.", "That's not it.", "Wrong.", "Not quite.", "No, that's off.", "Not right.",
               "That ain't right.", "Nah.", "No, that's not correct.", "That's not correct.", "Nope, wrong.",
               "No, no."],
    },
}
VOICES: dict[str, list[tuple[str, str]]] = {
    "es": [("espeak", v) for v in ("m1", "m3", "f2", "m5", "f3")]
    + [("kokoro", s) for s in ("jm_kumo", "jf_alpha", "jf_nezumi")],
    "en": [("espeak", v) for v in ("m1", "m3", "f2", "m5", "f3")]
    + [("kokoro", s) for s in ("jm_kumo", "jf_alpha", "jf_gongitsune")] + [("piper", "joe")],
}


def _sayings(path: Path | None = None) -> dict[str, dict[str, list[str]]]:
    """Yes and no phrasings from a TOML file (the evaluation callers' own sayings by default)."""
    import daisy.evaluation as evaluation

    sayings = tomllib.loads((path or Path(evaluation.__file__).parent / "sayings.toml").read_text())
    return {lang: {"yes": sayings["yes"][lang], "no": sayings["no"][lang]} for lang in ("es", "en")}


def run(lang: str, phrases: dict[str, list[str]]) -> list[dict[str, Any]]:
    from daisy.evaluation.audio.cache import AudioCache
    from daisy.evaluation.audio.driver import Driver
    from daisy.evaluation.audio.runner import _stable
    from daisy.evaluation.audio.voices import Voice
    from daisy.evaluation.generated import made_up
    from daisy.evaluation.runner import protocol_session
    from daisy.form import load_form
    from daisy.settings import get_settings

    form = load_form()
    cache = AudioCache(get_settings().daisy_data_dir)
    spec = next(s for s in made_up(48, 1, None) if s.lang == lang)
    session, driver = protocol_session(spec, form), Driver(spec, form)
    out, sent = session.opening(), []
    while out.get("state") != "confirming" and len(sent) < 20:  # in text, to the first read-back
        sent.append(driver.next(out))
        out = session.send(sent[-1])
    if out.get("state") != "confirming":
        raise SystemExit(f"the {lang} caller never reached a read-back in text; nothing to measure")
    field = out.get("field")
    rows = []
    for meant, said in phrases.items():
        for text in said:
            for family, variant in VOICES[lang]:
                voice = Voice(family, lang, variant)
                for noisy in (False, True):
                    wav = cache.line_wav(voice, text, noisy, _stable("probe", text, voice.id))
                    again = protocol_session(spec, form)
                    again.opening()
                    for obj in sent:
                        again.send(obj)
                    answer = again.send({"audio": str(wav)})
                    say = answer.get("say", "")
                    got = ("asked again" if "sí o no" in say or "yes or no" in say
                           else "yes" if answer.get("field") != field else "no")
                    rows.append({"lang": lang, "meant": meant, "said": text, "voice": voice.id,
                                 "noisy": noisy, "heard": answer.get("heard"),
                                 "confidence": answer.get("confidence"), "got": got})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("es", "en"), action="append")
    parser.add_argument("--seen", action="store_true", help="the evaluation callers' own sayings")
    parser.add_argument("--phrases", type=Path, help="a TOML file of other yes and no phrasings")
    parser.add_argument("--json", type=Path, help="every answer, heard and tallied, to this file")
    args = parser.parse_args()
    if args.phrases and not args.phrases.is_file():
        parser.error(f"no phrasings file at {args.phrases}")
    try:
        phrases = _sayings() if args.seen else _sayings(args.phrases) if args.phrases else UNSEEN
    except (KeyError, tomllib.TOMLDecodeError) as e:
        parser.error(f"{args.phrases}: needs [yes] and [no], each with es and en lists ({e})")
    rows = [row for lang in args.lang or ["es", "en"] for row in run(lang, phrases[lang])]
    tally = Counter((r["lang"], r["meant"], r["got"]) for r in rows)
    for (lang, meant, got), n in sorted(tally.items()):
        print(f"{lang}  {meant:3} → {got:11} {n:4}")
    for r in rows:
        if r["meant"] == "no" and r["got"] == "yes":
            print(f"  a no confirmed: {r['said']!r} ({r['voice']}, {'noisy' if r['noisy'] else 'clean'}) "
                  f"heard {r['heard']!r} at {r['confidence']}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
