"""Field-aware hearing: one caller turn of audio → what Daisy takes the caller to have said.

The same path serves a phone call (WhisperSTT) and the machine protocol's audio line:
1. the audio goes through the telephone band unless it is 8 kHz phone audio already;
2. Whisper base encodes it once, on a window fitted to the utterance (5–10x cheaper than 30 s);
3. the decoder, prompted with the words of the expected answer (daisy.voice.vocabulary), returns
   several scored hypotheses (beam search, N-best);
4. each is cleaned of Whisper's artifacts (cleaning.py);
5. the best-scored hypothesis that is a valid answer of the expected kind wins
   (daisy.understanding.answers); if none is, the best-scored one;
6. the confidence is the decoder's per-token probability of the winner times the share of the
   hypotheses (weighted by their probability) that give the same value;
7. a value spelled symbol by symbol (a plate, or what Daisy asked to spell) is decoded a second
   time with only the words of spelling allowed (letter names, key words, NATO and number words):
   both decodes agreeing is strong evidence, one of them alone a weaker one (closed_vocabulary.py);
8. a name word the lexicon does not know gives way to a known name that fits the audio nearly as
   well ("Tami" → Tammy; lexicon_names.py);
9. in an English answer spelled with NATO words, a stray word (or two) gives way to the NATO word
   that fits the audio nearly as well ("Park Strot" → Foxtrot; nato_words.py), and a fleet number's
   NATO letter heard as a number word takes its place ("forty nine eight two" → Charlie, nine, …);
   and in an English plate or number a five or nine heard as "I" is put back (long_i.py), and in any
   plate or number a word no spelling uses beside a number gives way to a digit that fits the audio
   nearly as well (stray_digits.py);
10. a yes is weighed on the audio: plain yes-words against plain no-words, and a yes with a near
   twin ("That's right." / "That's wrong.") against its twin; a no against the everyday yes-words, and
   one written as one of the prompt's no-phrases against the plain yes-words; an answer heard as
   neither is taken as the side whose words clearly fit it better (yes_twin.py);
11. an address's provider gives way to the well-known one that fits the audio clearly better without
   the prompt ("arroba hotmail" for outlook; providers.py);
12. with pieces of a value held, a short answer heard as one more piece is the closing ("That's it."
   heard "F") when a usual closing fits the audio well (closing.py).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import numpy as np

from daisy.core.expectation import Expected, Listening, as_read_back
from daisy.understanding import email_spelled, reader
from daisy.understanding.answers import value as answer_value
from daisy.voice import vocabulary
from daisy.voice.hearing import (
    closed_vocabulary,
    closing,
    lead_in,
    lexicon_names,
    long_i,
    nato_words,
    providers,
    stray_digits,
    yes_twin,
)
from daisy.voice.hearing.alignment import TurnAudio, max_length, plain_start
from daisy.voice.hearing.cleaning import (
    clean,
    lost_most_of,
    names_from_the_prompt,
    voiced_seconds,
    without_echoed_last_digit,
)
from daisy.voice.hearing.features import log_mel
from daisy.voice.phone_band import RATE as LINE_RATE
from daisy.voice.phone_band import resample_exact, through_the_line

log = logging.getLogger("daisy.voice")
T = TypeVar("T")

WHISPER_RATE = 16000
# A spelled address ("erre de Reynosa, i de Irapuato, …") runs to ~100 tokens; the budget also
# follows the audio's length (token_budget), so short answers still stop early.
MAX_TOKENS = 128
SHORT_WINDOW_MAX = 25.0  # seconds; a caller turn is cut there (Daisy's questions want short answers)
BEAM = 5
N_BEST = 4
# A hypothesis that fits beats better-scored ones that don't, unless it scores this much lower per
# token (log-probability): beyond that it is the parser's wish, not what the audio says.
MAX_RESCUE = 1.0
SILENT_PEAK = 64  # int16: nothing louder than this on the line is silence
SPELLABLE = frozenset({Expected.PLATE, Expected.EMAIL, Expected.NAME, Expected.DIGITS})


@dataclass(frozen=True, slots=True)
class Hypothesis:
    text: str  # cleaned ('' when nothing of it is the caller's words)
    score: float  # the decoder's length-normalized log-probability
    value: str | None  # the answer of the expected kind it gives (None: not a valid answer)


@dataclass(frozen=True, slots=True)
class Heard:
    text: str  # what Daisy takes the caller to have said ('' for nothing)
    confidence: float  # 0–1
    hypotheses: tuple[Hypothesis, ...]  # best score first


NOTHING = Heard("", 0.0, ())


def phone_audio(pcm: np.ndarray, rate: int) -> np.ndarray:
    """int16 mono at any rate → float32 at 16 kHz for Whisper, as it comes out of a phone line."""
    line = through_the_line(pcm, rate)
    return resample_exact(line, LINE_RATE, WHISPER_RATE).astype(np.float32) / 32768.0


_TOKENIZERS: dict[tuple[int, str], object] = {}


def tokenizer(model, lang: str):  # type: ignore[no-untyped-def]
    from faster_whisper.tokenizer import Tokenizer

    key = (id(model), lang)
    if key not in _TOKENIZERS:
        _TOKENIZERS[key] = Tokenizer(model.hf_tokenizer, True, task="transcribe", language=lang)
    return _TOKENIZERS[key]


def encode(model, audio: np.ndarray):  # type: ignore[no-untyped-def]
    """Whisper's encoder on a window fitted to the utterance (room after the words, a 3 s floor).

    Whisper was trained on 30 s windows; a short one makes it repeat itself instead of ending, which
    the token budget, the loop guard and the echo cleaning take care of."""
    import ctranslate2

    audio = audio[: int(SHORT_WINDOW_MAX * WHISPER_RATE)]
    seconds = len(audio) / WHISPER_RATE
    window = int(max(seconds + 1.0, 3.0) * WHISPER_RATE)
    padded = np.pad(audio, (0, window - len(audio)))
    features = log_mel(model.feature_extractor, padded)[:, : window // 160]
    return model.model.encode(
        ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None], dtype=np.float32)),
        to_cpu=False,
    )


def token_budget(seconds: float) -> int:
    return min(MAX_TOKENS, 6 + int(seconds * 8))


def first_of_repeats(tokens: list[int]) -> list[int]:
    """Cut a looping decode: one that starts over ("No, está mal. No, está mal. …") after its first
    pass, and a stuck one ("x, y, n, n, n, n, n, …") after the first of 5+ identical short groups
    (fewer can be real: "cero, cero, cero")."""
    for i in range(2, len(tokens)):
        span = min(4, i, len(tokens) - i)
        if span >= 2 and tokens[i : i + span] == tokens[:span]:
            return tokens[:i]
    return stuck_loop_cut(tokens)


def _looped(found, tok) -> bool:  # type: ignore[no-untyped-def]
    """The best hypothesis of a decode went round a loop the guard had to cut."""
    if not found.sequences_ids:
        return False
    tokens = [t for t in found.sequences_ids[0] if t < tok.eot]
    return len(stuck_loop_cut(tokens)) < len(tokens)


def stuck_loop_cut(tokens: list[int]) -> list[int]:
    """A decode stuck on the same 1–3 tokens five times or more ends after their first time."""
    for i in range(len(tokens)):
        for period in (1, 2, 3):
            group = tokens[i : i + period]
            if len(tokens) >= i + 5 * period and tokens[i + period : i + 5 * period] == group * 4:
                return tokens[: i + period]
    return tokens


def hear(
    model,  # type: ignore[no-untyped-def]
    pcm: np.ndarray,
    rate: int,
    expecting: Expected = Expected.FREE,
    lang: str = "es",
    now: datetime | None = None,
    *,
    n_best: int = N_BEST,
    spelled: bool = False,
    refused: frozenset[str] = frozenset(),
    caller_name: str = "",
    gathering: bool = False,
) -> Heard:
    """One caller turn (int16 mono PCM at `rate`) heard as a phone call hears it. `n_best=1` decodes
    greedily (no rescoring), for comparison. `spelled`: Daisy asked for the value symbol by symbol.
    `refused`: values the caller said no to for this field; a reading that gives one does not count
    as a valid answer, so the next-best one that is may win. `caller_name`: the name the caller
    confirmed, when an address is asked for (an address that sounds like it is taken as it).
    `gathering`: pieces of the value are held, so the answer may be a closing ("That's it.")."""
    lang = "es" if lang.lower().startswith("es") else "en"
    # A read-back's yes or no is no spelled value, though the value was spelled: weighed for NATO words,
    # espeak-ng's "Uh huh, yes." had come out "Papa, yes. Yes." (no plain yes) on made-up set 21.
    spelled = spelled and expecting in SPELLABLE
    now = now or datetime.now().astimezone()
    if pcm.size == 0 or int(np.abs(pcm.astype(np.int32)).max()) <= SILENT_PEAK:
        return NOTHING
    audio = phone_audio(pcm, rate)
    voiced = voiced_seconds(pcm, rate)
    seconds = min(len(audio) / WHISPER_RATE, SHORT_WINDOW_MAX)
    tok = tokenizer(model, lang)
    prompt_text = vocabulary.prompt(expecting, lang, spelled)
    plain = plain_start(tok)
    prompt = [tok.sot_prev, *tok.encode(" " + prompt_text), *plain] if prompt_text else plain
    encoded = encode(model, audio)
    budget = token_budget(seconds)
    result = model.model.generate(
        encoded, [prompt], beam_size=BEAM if n_best > 1 else 1,
        num_hypotheses=max(1, n_best), max_length=max_length(prompt, budget),
        return_scores=True, return_no_speech_prob=True, suppress_blank=True, suppress_tokens=[-1],
    )[0]
    # Silence only if the model also had little confidence in the words (scores are length-normalized
    # log-probabilities): dictated letters score low, and an uncertain answer still reaches the core.
    if result.no_speech_prob > 0.8 and result.scores and max(result.scores) < -1.0:
        return NOTHING
    values: dict[str, str | None] = {}  # words heard → the answer they give (None: none, or one refused)
    # (as a read-back sounds: "Angela Villareal" is the "Ángela Villareal" said no to)
    refused_as_heard = {as_read_back(v) for v in refused}

    def only_a_no(h: Hypothesis) -> bool:
        # a no with no yes in any part of it ("That's wrong.", not "No, that's right. That's right.")
        parts = [p for p in re.split(r"[.,;!?]+", h.text) if p.strip()]
        return h.value == "no" and all(value_of(p) != "yes" for p in parts)

    def value_of(text: str) -> str | None:
        if text not in values:
            found_value = answer_value(expecting, text, lang, now)
            said_no_to = found_value is not None and as_read_back(found_value) in refused_as_heard
            values[text] = None if said_no_to else found_value
        return values[text]

    def read(  # type: ignore[no-untyped-def]
        found, prompt_text: str, spelled_in: Expected | None = None
    ) -> tuple[list[Hypothesis], list[int]]:
        hypotheses: list[Hypothesis] = []
        lengths: list[int] = []
        for ids, score in zip(found.sequences_ids, found.scores, strict=True):
            tokens = [t for t in ids if t < tok.eot]
            spelling_pass = found is not result
            said = stuck_loop_cut(closed_vocabulary.restart_cut(tokens) if spelling_pass else tokens)
            words = tok.decode(said)
            words = closed_vocabulary.first_round(words) if spelled_in is not None else words
            text = clean(words, voiced, prompt_text, expecting == Expected.EMAIL, lang)
            if spelled_in is not None:
                text = closed_vocabulary.snap_to_words(text, vocabulary.spelling_words(spelled_in, lang))
            if expecting == Expected.NAME and names_from_the_prompt(text, lang):
                continue
            if text:
                # Two decodes that clean to the same words both count towards the agreement.
                hypotheses.append(Hypothesis(text, float(score), value_of(text)))
                lengths.append(len(tokens) + 1)  # + the end token, as the score counts it
        return hypotheses, lengths

    hypotheses, lengths = read(result, prompt_text)

    def decoded_unprompted():  # type: ignore[no-untyped-def]
        return model.model.generate(
            encoded, [plain], beam_size=BEAM, num_hypotheses=n_best, max_length=max_length(plain, budget),
            return_scores=True, suppress_blank=True, suppress_tokens=[-1],
        )[0]

    if prompt_text and n_best > 1 and expecting == Expected.DIGITS and _looped(result, tok):
        # The number words of the prompt drove the decoder round a loop ("Tango, Romeo, seven, three,
        # two" heard "ten, oh, oh, oh, …", cut to "ten, oh"): what is left is the prompt's echo, not
        # the caller. Decoded again without it ("Tango, roll your cabin, three, two"). Not for plates
        # or anything spelled: unprompted, spelled letters come out as words ("letter K letter C"
        # heard "La roque la roci" instead of a loop of letters, on made-up set 1).
        again, again_lengths = read(decoded_unprompted(), "")
        if again:
            hypotheses, lengths = again, again_lengths
    closed: list[Hypothesis] = []
    if n_best > 1 and (expecting == Expected.PLATE or spelled) and vocabulary.spelling_words(expecting, lang):
        found = closed_vocabulary.decode(model, encoded, tok, expecting, lang, BEAM, n_best, budget)
        closed, closed_lengths = read(found, "", expecting)
    elif n_best > 1 and lang == "en" and expecting == Expected.DIGITS \
            and not any(h.value for h in hypotheses):
        # an English fleet number none of whose readings is a number (or one not said no to): its NATO
        # letter bent out of the words ("Tango, Romeo, Hyde" for "…, five"), decoded again in the words
        # of a spelled value only (closed_vocabulary.py)
        found = closed_vocabulary.decode(model, encoded, tok, Expected.PLATE, lang, BEAM, n_best, budget)
        closed, closed_lengths = read(found, "", Expected.PLATE)
    if not hypotheses and not closed and n_best > 1 and voiced >= LONG_ANSWER:
        # Every reading was the prompt given back or nothing at all, though the caller spoke: a 20 s
        # spelled address ("eme de Manzana, a de Aguacate, …") heard "Mi correo es... arroba gmail
        # punto com" five times over (made-up set 85). Decoded again without the prompt.
        hypotheses, lengths = read(decoded_unprompted(), "")
    if not hypotheses and not closed:
        return NOTHING
    if closed:
        text, confidence = two_opinions(hypotheses, lengths, closed, closed_lengths)
    else:
        text, confidence = choose(hypotheses, lengths, value_wanted=expecting != Expected.YES_NO)
    if expecting in (Expected.DIGITS, Expected.PLATE):
        # a double said last, written three times (cleaning.without_echoed_last_digit); once the
        # caller said no to it so, the value refused gives way to the triple as heard
        shorter = without_echoed_last_digit(text)
        text = shorter if shorter and value_of(shorter) is not None else text
    frames = len(audio) // 160
    # Words scored on the audio: names against the prompt the decoder had; NATO words and yes/no
    # without it (with it, hallucinated yeses fit as well as real ones: yes_twin.py).
    as_prompted = TurnAudio(model, encoded, frames, tok, prompt)
    unprompted = TurnAudio(model, encoded, frames, tok, plain)
    # If scoring fails, the turn is still heard: the name as Whisper wrote it, a yes as a maybe
    # (never a sure yes unchecked).
    # (a given name heard surely is still weighed when names were said no to before a spelled surname)
    if expecting == Expected.NAME and n_best > 1 and (confidence < lexicon_names.SURE_AS_HEARD
                                                      or spelled and refused):
        text = _weighed("names", text,
                        lambda: lexicon_names.with_known_names(as_prompted, text, lang, spelled, refused))
    if expecting == Expected.NAME and n_best > 1 and not spelled:
        # (after the names are weighed: "Guarro Vengamín" is "Guarro Benjamín" only then)
        text = _weighed("a lead-in", text, lambda: lead_in.with_lead_in(as_prompted, text, lang))
    # (a surname spelled when the whole name was asked for is weighed as a spelled one)
    spelled_anyway = spelled or expecting == Expected.NAME and nato_words.spelled_unasked(text)
    if lang == "en" and (expecting == Expected.PLATE or spelled_anyway) and n_best > 1:
        text = _weighed("NATO words", text, lambda: nato_words.with_nato_words(
            unprompted, text, expecting, expecting == Expected.NAME))
    if lang == "en" and expecting == Expected.PLATE and n_best > 1:
        text = _weighed("NATO words heard as others", text,
                        lambda: nato_words.with_nato_words_swapped(unprompted, text))
    fleet_number = lang == "en" and expecting == Expected.DIGITS and n_best > 1
    if fleet_number and nato_words.bent_in_a_number(text):
        text = _weighed("NATO words", text, lambda: nato_words.with_nato_words(unprompted, text, expecting))
    elif fleet_number and nato_words.first_word_a_number(text):
        text = _weighed("a letter", text, lambda: nato_words.with_a_letter_first(unprompted, text))
    # (after the first letter was put back, maybe; only for a reading said no to or no value: scoring
    # every NATO word in up to three places costs 1–2 s, too long to spend on every such answer)
    if fleet_number and nato_words.second_word_a_number(text) and value_of(text) is None:
        text = _weighed("a letter", text, lambda: nato_words.with_a_letter_second(unprompted, text))
    digits_wanted = expecting in (Expected.PLATE, Expected.DIGITS)
    if lang == "en" and digits_wanted and n_best > 1 and long_i.has_a_pronoun(text):
        text = _weighed("a five or nine", text, lambda: long_i.with_five_or_nine(unprompted, text))
    if digits_wanted and n_best > 1 and (strays := stray_digits.strays(text, lang)):
        text = _weighed("a digit", text, lambda: stray_digits.with_digits(unprompted, text, lang, strays))
    if expecting == Expected.EMAIL and n_best > 1 and (provider := providers.provider_span(text)):
        text = _weighed("a provider", text, lambda: providers.with_provider(unprompted, text, provider))
    # judged on the words decoded: an address set to the caller's name is written shorter than said
    lost = expecting not in (Expected.YES_NO, Expected.FREE) and lost_most_of(text, voiced)
    if expecting == Expected.EMAIL and caller_name:
        # the words may have changed since they were read (a NATO word put back): read them again
        tied = [h.value for h in hypotheses if h.value and h.score >= hypotheses[0].score - TIED] \
            if hypotheses else []
        # (an address said no to reads as no value: it goes as heard, for an initial maybe lost)
        address = value_of(text) or answer_value(expecting, text, lang, now)
        # asked to spell it, the caller may say it as words all the same ("Wayne, dot, merges, at
        # yahoo dot com." for wayne.burgess, made-up set 54): words are mended as words are
        spelled_out = spelled and email_spelled.address(text, lang) is not None
        text, confidence = _as_the_name(text, confidence, address, caller_name, lang, refused,
                                        spelled_out, as_prompted, tied)
    if expecting == Expected.EMAIL and not spelled and n_best > 1 and (address := value_of(text)):
        # a word of it a letter off a name ("Marcos rollan junto"): the name (email_from_name)
        from daisy.understanding.email_from_name import names_set_right

        mended = names_set_right(address, text, lang)
        text = mended if mended and mended not in refused else text
    if expecting == Expected.YES_NO and values.get(text) == "yes" and n_best > 1:
        # the decoder's other readings that are a yes too: one with a "no" in it says it was torn
        others = [h.text for h in hypotheses if h.text != text and h.value == "yes"]
        confidence = _weighed("a yes", min(confidence, yes_twin.MAYBE_NO),
                              lambda: yes_twin.weigh_yes(unprompted, text, lang, confidence,
                                                         yes_twin.torn_between(others)))
        best = max((h.score for h in hypotheses), default=0.0)
        if lang == "en" and any(h.score >= best - NO_CLOSE_BEHIND and only_a_no(h) for h in hypotheses):
            confidence = min(confidence, yes_twin.MAYBE_NO)
    if expecting == Expected.YES_NO and values.get(text) == "no" and n_best > 1:
        confidence = _weighed("a no", confidence,
                              lambda: yes_twin.weigh_no(unprompted, text, lang, prompt_text, confidence))
    if expecting == Expected.YES_NO and text and value_of(text) is None and n_best > 1:
        found = _weighed("an unclear answer", None, lambda: yes_twin.weigh_neither(unprompted, text, lang))
        if found is not None:
            text, confidence = found
    short = seconds <= closing.LONGEST
    if gathering and n_best > 1 and text and short and not closing.heard_as_closing(text, lang):
        said = _weighed("a closing", None, lambda: closing.weigh_closing(unprompted, text, lang))
        if said is not None:
            text, confidence, lost = said, CLOSING, False
    if lost:
        confidence = 0.0  # what is left of a decode that stopped early is no value and no piece
    distinct: dict[str, Hypothesis] = {}
    for h in [*hypotheses, *closed]:  # best score first: each text keeps its best
        distinct.setdefault(h.text, h)
    return Heard(text, confidence, tuple(distinct.values()))


# A yes with a no among the decoder's readings this close behind it (length-normalized log-probability)
# is no yes: espeak-ng en-us m1 and m3's "Nah." heard "Yeah." at 0.9, "That's wrong." 0.17 and 0.05
# behind, f4's "Nuh uh." heard "Yes. Yes." with a no 0.25 behind (on an Intel Xeon). Of the 88 yeses
# ("Yeah.", "Yes.", "Yep.", "Yeah, that's right.") of five espeak-ng and four Kokoro voices, clean and
# in cab noise, one had a no in its readings at all, 0.34 behind. (A no with a yes in it, "No, that's
# right. That's right.", 0.14 behind en-us+f4's "That's right.", is no such no.) English only: a Spanish
# "Sí." has "No." close behind it often (made-up set 85 re-run with it: Spanish yeses heard at 0 went
# from 9 to 20, each a "¿sí o no?"; English from 6 to 10), and no Spanish no sounds like a "Sí".
NO_CLOSE_BEHIND = 0.3
# An answer this long (seconds of voice) heard as nothing is decoded again without the prompt: asked
# again, the caller would have all of it to say again. A short one is only asked again: decoded
# unprompted, an address of 4 s came out "M-U-T-R-S-A-R-O-A transportes-nava.MX" (an echo and a "no"
# more than "¿me lo repites?"; made-up set 85 re-run).
LONG_ANSWER = 5.0
# A closing found on the audio: as sure as a usual yes (its own confidence says nothing of the pieces).
CLOSING = 0.5


def hear_for(model, pcm: np.ndarray, rate: int, listening: Listening, lang: str,  # type: ignore[no-untyped-def]
             now: datetime | None = None) -> Heard:
    """One caller turn heard for what Daisy listens for now (daisy.core.expectation.listening)."""
    return hear(model, pcm, rate, listening.expecting, lang, now, spelled=listening.spelled,
                refused=listening.refused, caller_name=listening.caller_name, gathering=listening.gathering)


def _weighed(what: str, fallback: T, step: Callable[[], T]) -> T:
    """`step()`, a reading weighed on the audio; `fallback` if the scoring fails (the turn is heard)."""
    try:
        return step()
    except Exception as e:  # noqa: BLE001
        log.warning("%s not weighed on the audio: %s", what, type(e).__name__)
        return fallback


# An address heard near the caller's name (confirmed, or the known names heard when it was not): two
# sources agree on it, enough not to be heard with doubt (ladder.DOUBTFUL), not enough for a doubtful
# yes to confirm it (ladder.CLEAR_VALUE).
AS_THE_NAME = 0.5


def _as_the_name(
    text: str, confidence: float, address: str | None, name: str, lang: str, refused: frozenset[str],
    spelled: bool = False, turn: TurnAudio | None = None, tied: list[str] | None = None,
) -> tuple[str, float]:
    """The heard address with its local part set to the caller's name it sounds like (bent further,
    only when the name said that way fits the audio at least as well as what was heard). `tied`: the
    addresses of readings the decoder scored nearly as well, tried in turn when the heard one is not
    near the name ("Tremis dot haleway" and "Tram is dot haleway" for travis dot holloway)."""
    from daisy.understanding.email_from_name import NEAR_IF_HEARD, said, toward_name, with_initial

    if not address or "@" not in address:
        return text, confidence
    if address in refused:
        initial = None if spelled else with_initial(address, name, refused)  # "hines@": "ehines"?
        return (initial, max(confidence, AS_THE_NAME)) if initial else (text, confidence)
    mended = next((m for a in [address, *(tied or [])] if "@" in a
                   and (m := toward_name(a, name, lang, spelled)) is not None), None)
    if mended is None and not spelled and turn is not None:
        loose = toward_name(address, name, lang, near=NEAR_IF_HEARD)
        # a shorter reading fits the audio better by its length alone: the name may not drop letters
        shorter = len(address.split("@")[0]) - len((loose or "").split("@")[0])
        if loose is not None and loose not in refused and shorter <= SHORTER_BY:
            heard, named = said(address, lang), said(loose, lang)
            mended = loose if _weighed("an address", heard, lambda: turn.best_reading(
                heard, [named], AS_WELL)) == named else None
    if mended is None or mended in refused:
        return text, confidence
    return mended, max(confidence, AS_THE_NAME)


# Readings scored within this much (per-token log-probability) of the best are a tie the decoder could
# not break: on one machine Whisper base put "Tram is dot haleway" first, on another 0.006 behind.
TIED = 0.05
AS_WELL = 0.0  # nats: the name said as the address must fit the audio no worse than what was heard
# On 127 unspelled addresses of the audio evaluation (callers' names known): 2 more read right, and the
# 3 further readings that won only by being shorter ("voyacarmonar" → carmona) are kept out.
SHORTER_BY = 2


def _copies_of(value: str | None, unit: str | None) -> bool:
    if not value or not unit or len(value) <= len(unit) or len(value) % len(unit):
        return False
    return value == unit * (len(value) // len(unit))


AGREED = 0.9  # the free and the closed-vocabulary decodes read the same value


def two_opinions(
    free: list[Hypothesis], free_lengths: list[int], closed: list[Hypothesis], closed_lengths: list[int]
) -> tuple[str, float]:
    """The free decode and the one restricted to spelling words, weighed together: the same value
    from both is sure; a value from only one of them keeps that decode's own confidence; two
    different values are a doubt, settled for the closed decode (it cannot wander into other words)
    unless only the free one makes a whole address."""
    if not free:
        return choose(closed, closed_lengths, value_wanted=True)
    free_text, free_conf = choose(free, free_lengths, value_wanted=True)
    closed_text, closed_conf = choose(closed, closed_lengths, value_wanted=True)
    free_value = next(h.value for h in free if h.text == free_text)
    closed_value = next(h.value for h in closed if h.text == closed_text)
    if closed_value is None or (free_value or "").startswith("move:"):
        return free_text, free_conf  # "That's all" cannot be said in spelling words
    if free_value is None:
        return closed_text, closed_conf
    if free_value == closed_value:
        return free_text, max(free_conf, closed_conf, AGREED)
    doubt = round(min(free_conf, closed_conf) * 0.5, 3)
    if reader.is_complete_email(free_value) and not reader.is_complete_email(closed_value):
        # the closed decode lost the provider it has no words for, and went round a loop of letters
        # instead ("…, Lima, Delta, One, Two, Alpha, Delta, Alpha, Whiskey, …" for "…, one, two, at
        # hotmail dot com"): a whole address heard freely is nearer what was said, still in doubt
        return free_text, doubt
    return closed_text, doubt


def choose(hypotheses: list[Hypothesis], lengths: list[int], value_wanted: bool = False) -> tuple[str, float]:
    """The winning text and its confidence (hypotheses come best score first). For a value (not a
    yes/no) the decoder's per-token probability counts by its square root: on a phone line Whisper
    base is unsure of words it gets right (a name, "six hundred thirty nine"), and the agreement of
    the hypotheses tells more. Measured on 130 synthesized values (espeak-ng and Kokoro, half noisy),
    gate at 0.45: 73 right and 20 wrong read back, against 55 and 8 with the plain probability at
    0.55 (a wrong read-back costs one "no"; a right value refused costs a question and a try)."""
    top = hypotheses[0]
    fitting = [h for h in hypotheses if h.value is not None and h.score >= top.score - MAX_RESCUE]
    chosen = fitting[0] if fitting else top
    # Each hypothesis's weight: its probability relative to the best one, on the length-normalized
    # scores the beam search ranks by (whole-sequence totals would favour the shortest), scaled to
    # the hypotheses' mean length.
    scale = sum(lengths) / len(lengths)
    weights = [math.exp((h.score - top.score) * scale) for h in hypotheses]
    if chosen.value is None:
        same = [h.text == chosen.text for h in hypotheses]
    else:  # "639 639" (an echo the cleaning could not date) agrees with "639"
        same = [h.value == chosen.value or _copies_of(h.value, chosen.value) for h in hypotheses]
    agreement = sum(w for w, s in zip(weights, same, strict=True) if s) / sum(weights)
    certainty = min(1.0, math.exp(chosen.score))
    confidence = round((math.sqrt(certainty) if value_wanted else certainty) * agreement, 3)
    # A reading rescued far below the best rounds to nothing, which is the sign of a decode that lost
    # most of what was said (ladder.LOST): it keeps the least confidence instead, a doubt ("Tango, Romeo,
    # four, nine, one" rescued from "ten don't roam at all…" after a no had been left empty twice).
    return chosen.text, max(confidence, LEAST) if chosen.value is not None else confidence


LEAST = 0.001
