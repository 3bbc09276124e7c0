"""Whisper's artifacts, taken out before anything reads the words.

- echoes: on a short answer in a fitted window Whisper often writes it twice ("twelve" → "12 12",
  "treintaidós" → "32 32", "Sí. Sí."), or its last words twice ("… treinta y dos treinta y dos");
  the audio says which: two copies cannot fit in it;
- inventions on noise or silence ("Subtítulos realizados por la comunidad de Amara.org");
- the decoder's prompt handed back as the transcript, and absurd numbers ("100,000,000,000");
- stray punctuation between spelled symbols ("L.M.N.4", "XM-U-3").
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

# Whisper's well-known inventions on silence or noise (folded: lowercase, no accents).
INVENTIONS = (
    "subtitulos", "subtitulado", "amara.org", "gracias por ver", "gracias por mirar", "suscribete",
    "thanks for watching", "thank you for watching", "please subscribe", "subtitles by",
)
# The least time a caller takes to say the same words again: a syllable each, and a beat between
# copies. A transcript of copies the voiced audio cannot hold is Whisper's echo, not the caller's.
SECONDS_PER_SYLLABLE = 0.15
SECONDS_BETWEEN = 0.15
WHOLE_PHRASE_WORDS = 3
PROMPT_RUN = 3  # prompt words in a row, across two of its phrases: the prompt came back
PROMPT_RUN_ANYWHERE = 8  # so many prompt words in a row, even within one phrase (a word list)

_FOLD = str.maketrans("áéíóúüÁÉÍÓÚÜ", "aeiouuAEIOUU")
_WORD = re.compile(r"[a-zñ0-9]+")


def fold_words(text: str) -> list[str]:
    """Lowercase words without accents or punctuation ("¿Sí?" → ["si"]); digits stay words."""
    return _WORD.findall(text.lower().translate(_FOLD))


def voiced_seconds(pcm: np.ndarray, rate: int) -> float:
    """From the first to the last 20 ms frame within 35 dB of the loudest one and 10 dB above the
    line's noise: how long the caller actually spoke, padding and pauses at either end left out."""
    hop = max(1, rate // 50)
    n = len(pcm) // hop
    if n == 0:
        return 0.0
    frames = pcm[: n * hop].astype(np.float64).reshape(n, hop)
    level = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-9)
    floor = np.percentile(level, 10)  # the line's own noise (a cab, hiss) between words
    # 20 dB ≈ |sample| of 10: the quietest level that can be speech on a clean line
    voiced = np.flatnonzero(level > max(level.max() - 35.0, floor + 10.0, 20.0))
    return 0.0 if voiced.size == 0 else (voiced[-1] - voiced[0] + 1) * hop / rate


_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    """A low estimate of a word's syllables; a numeral counts one per digit ("12" → 2)."""
    if word.isdigit():
        return len(word)
    return max(1, len(_VOWELS.findall(word.replace("qu", "q").replace("gu", "g"))))


# A caller speaks at least this many syllables a second of voiced audio, even spelling with pauses;
# words heard that fill far less than that are what is left of a decode that stopped early.
FEWEST_SYLLABLES_A_SECOND = 1.0
LOST_AFTER_SECONDS = 2.5  # shorter answers ("Delta", a pause, "Foxtrot") may be slower than that


def spoken_syllables(text: str) -> float:
    """The syllables it takes to say what was heard: words as written, a numeral's digits, a spelled
    plate's symbols ("X81MXC" is six of them)."""
    count = 0.0
    for token in re.findall(r"[^\W_]+", text):
        if token.isdigit():
            count += 1.5 * len(token)  # "2944": two thousand nine hundred forty four
        elif any(c.isdigit() for c in token) or (token.isupper() and len(token) > 1):
            count += len(token)
        else:
            count += syllables(token.lower().translate(_FOLD))
    return count


def lost_most_of(text: str, voiced: float) -> bool:
    """The words heard are too few for the time the caller spoke: the decoder stopped early ("ene" for
    five seconds of "te de Toluca, ele de Luna, seis, cuatro, …")."""
    return voiced >= LOST_AFTER_SECONDS and spoken_syllables(text) < FEWEST_SYLLABLES_A_SECOND * voiced


def _seconds_to_say(words: list[str]) -> float:
    """About how long a caller takes to say these words once."""
    return SECONDS_PER_SYLLABLE * sum(syllables(w) for w in words) + SECONDS_BETWEEN


def _period(words: list[str]) -> int:
    """The length of the words' first copy when they are two or more copies of it (the last copy may
    stop short, even inside a word: the token budget cut it), else 0."""
    n = len(words)
    for p in range(1, max(n // 2, n - 2) + 1):  # a second copy begun counts from two words on
        if all(words[i] == words[i - p] for i in range(p, n - 1)) and words[n - 1 - p].startswith(words[-1]):
            return p
    return 0


def _a_number(words: list[str]) -> bool:
    from daisy.understanding.packs import en_us_words, es_mx_words

    known = {"y", "and", "mil", "thousand", "hundred", "cien", "oh"}
    for pack in (es_mx_words, en_us_words):
        for table in (pack.UNITS, pack.TEENS, pack.TENS, getattr(pack, "HUNDREDS", {})):
            known.update(table)
    return all(w.isdigit() or w in known for w in words)


def drop_echo(text: str, voiced: float) -> str:
    """The first copy of a transcript that repeats the same words ("12 12", "No, está mal. No, está
    mal. No, está"), when the voiced audio is too short to hold them all. Real repeats ("dos dos",
    "cero cero cero" in a digit string) take their time and stay."""
    tokens = text.split()
    words = [fold_words(t) for t in tokens]
    flat = [w for ws in words for w in ws]
    if len(flat) < 2 or voiced <= 0:
        return text
    size, looped = _period(flat), _looped_start(flat, voiced)
    size = looped if looped and (not size or looped < size) else size
    if not size:
        return _drop_echoed_end(tokens, words, flat, voiced)
    copies = len(flat) / size
    needed = copies * _seconds_to_say(flat[:size])
    # A phrase of three words or more said twice over in one turn means what it means once, whether
    # the caller or Whisper repeated it ("Así es correcto. Así es correcto."): one copy is heard.
    if voiced >= needed and (size < WHOLE_PHRASE_WORDS or _a_number(flat[:size]) or copies < 2):
        return text  # "treinta y dos, treinta y dos" is 3232 said in pairs
    count, kept = 0, []  # the tokens that make the first copy, with their own spelling
    for token, ws in zip(tokens, words, strict=True):
        if count >= size:
            break
        kept.append(token)
        count += len(ws)
    return " ".join(kept).rstrip(",;:-")


def _looped_start(flat: list[str], voiced: float) -> int:
    """The length of a phrase of three words or more written twice at the start of a decode that
    then went on round a loop, each round a little off ("Charlie three three two Charlie three three
    two three two Charlie three three two…" for two seconds of "Charlie, three, three, two"), when
    the voiced audio is too short to hold it all; else 0."""
    n = len(flat)
    if voiced >= _seconds_to_say(flat):
        return 0
    twice = next((p for p in range(WHOLE_PHRASE_WORDS, n // 2 + 1) if flat[p : 2 * p] == flat[:p]), 0)
    if twice:
        return twice
    # ...or started over from its first words with the first round a little off ("cuatro guion be
    # grande de de guion cuarenta y seis cuatro guion be grande de guion cuarenta…"): the first round,
    # when what follows it is more rounds (its first words at least twice again)
    head = flat[:WHOLE_PHRASE_WORDS]
    starts = [p for p in range(WHOLE_PHRASE_WORDS, n - WHOLE_PHRASE_WORDS + 1)
              if flat[p : p + WHOLE_PHRASE_WORDS] == head]
    return starts[0] if len(starts) >= 2 else 0


def _drop_echoed_end(tokens: list[str], words: list[list[str]], flat: list[str], voiced: float) -> str:
    """ "tres mil doscientos treinta y dos treinta y dos", "… arroba hotmail punto com, arroba hotmail
    punto com": a decoder that wrote its last words twice, when the voiced audio is too short to
    hold them all (a caller who says "treinta y dos, treinta y dos" takes the time to)."""
    text = " ".join(tokens)
    n = len(flat)
    tail = next((k for k in range(n // 2, 1, -1) if flat[n - k:] == flat[n - 2 * k : n - k]), 0)
    if not tail or voiced >= _seconds_to_say(flat):
        return text
    count, kept = 0, []
    for token, ws in zip(tokens, words, strict=True):
        if count >= n - tail:
            break
        kept.append(token)
        count += len(ws)
    return " ".join(kept).rstrip(",;:-")


def drop_inventions(text: str) -> str:
    """The sentences Whisper makes up on noise, taken out; the rest stays."""
    sentences = re.split(r"(?<=[.!?¡¿])\s+", text)
    kept = [s for s in sentences if not any(inv in s.lower().translate(_FOLD) for inv in INVENTIONS)]
    return " ".join(kept).strip()


_SPELLED_RUN = re.compile(r"(?<![\w@])(?:[A-Za-zÑñ0-9]{1,3}[.\-]){2,}[A-Za-zÑñ0-9]{0,3}(?![\w@])")


def space_spelled_symbols(text: str) -> str:
    """'L.M.N.4' → 'L M N 4', 'XM-U-3' → 'XM U 3': punctuation Whisper puts between spelled symbols.
    One separator stays ("10.30", "MNA-14"), and so does anything next to an @."""
    return _SPELLED_RUN.sub(lambda m: " ".join(p for p in re.split(r"[.\-]", m.group(0)) if p), text)


_BIG_GROUPED = re.compile(r"\d{1,3}(?:[,.]\d{3}){2,}")  # 1,000,000 and up, written with separators
_LONG_DIGITS = re.compile(r"\d{14,}")


def absurd(text: str) -> bool:
    """Numbers nobody gives Daisy: millions written out ("100,000,000,000"), 14+ digits in a row."""
    return bool(_BIG_GROUPED.search(text) or _LONG_DIGITS.search(text.replace(" ", "")))


# The name prompt's list given back as a name: four of its names or more, in an order no name has: three
# of its surnames running, four of its given names running, one of them twice, or a surname first
# ("Díaz Guadalupe Hernández García Martínez", "López López López González"). On the Spanish name
# answers of made-up sets 13-40, 18 such, none the name said (espeak-ng, a spelled surname mostly).
LISTED_NAMES = 4


def names_from_the_prompt(text: str, lang: str) -> bool:
    """Whisper wrote out the name prompt's list of names, not the caller's name."""
    from daisy.understanding.intents import fold
    from daisy.voice.vocabulary import prompted_names

    given, surnames = prompted_names(lang)
    words = [w for w in fold(text).split() if w not in _NAME_LEADS]
    if sum(w in given or w in surnames for w in words) < LISTED_NAMES:
        return False
    listed = [w for w in words if w in given or w in surnames]
    kinds = "".join("s" if w in surnames else "g" if w in given else "-" for w in words)
    return "sss" in kinds or "gggg" in kinds or len(set(listed)) < len(listed) or kinds[:1] == "s"


_NAME_LEADS = frozenset({"me", "llamo", "soy", "mi", "nombre", "es", "el", "la", "si", "claro", "este",
                         "my", "name", "is", "this", "i'm", "it's", "yeah", "yes", "sure"})


def echoes_prompt(text: str, prompt: str) -> bool:
    """The decoder gave back (part of) its prompt: prompt words in a row that run from one of its
    phrases into the next (an answer said like one of the examples is fine), or a long run."""
    if not prompt:
        return False
    said = fold_words(text)
    given: list[str] = []
    boundaries: set[int] = set()  # indexes in `given` where a new phrase starts
    for phrase in re.split(r"[.:;!?](?:\s|$)", prompt):
        words = fold_words(phrase)
        if words:
            boundaries.add(len(given))
            given.extend(words)
    for i in range(len(said)):
        for j in range(len(given)):
            k = 0
            while i + k < len(said) and j + k < len(given) and said[i + k] == given[j + k]:
                k += 1
            crosses = any(j < b < j + k for b in boundaries)
            if k >= PROMPT_RUN_ANYWHERE or (k >= PROMPT_RUN and crosses):
                return True
    return False


# English spellings Whisper slips into Spanish ("dos zero nueve" for "dos cero nueve").
_ENGLISH_IN_SPANISH = re.compile(r"(?i)\bzero\b")


def clean(text: str, voiced: float, prompt: str = "", keep_dots: bool = False, lang: str = "es") -> str:
    """A hypothesis as the dialogue should read it; '' when nothing of it is the caller's words.
    `keep_dots`: an email is being dictated, where "juan.perez" is the caller's own dot."""
    text = " ".join(text.split())
    # the prompt is looked for in one copy: "That's wrong. That's wrong." is the caller's answer
    # said once and echoed, not the prompt's "No, that's wrong. That's right." given back
    if not text or absurd(text) or echoes_prompt(drop_echo(text, voiced), prompt):
        return ""
    text = drop_inventions(text)
    if lang.startswith("es"):
        text = _ENGLISH_IN_SPANISH.sub("cero", text)
    if not keep_dots:
        text = space_spelled_symbols(text)
    return drop_echo(text, voiced).strip()


@cache
def _digit_words() -> frozenset[str]:
    """Digit words a caller says one by one, folded ("uno", "five", "7"), from the language packs."""
    from daisy.understanding.packs import en_us_words, es_mx_words

    return frozenset([*es_mx_words.UNITS, *en_us_words.UNITS, "cero", "zero", "oh", *"0123456789"])


def without_echoed_last_digit(text: str) -> str | None:
    """The words without their last digit word when it ends a run of three of them ("nueve uno uno
    uno", "four seven seven seven"); None otherwise. Whisper writes a digit said twice at the end of
    a dictation three times: on the heard answers of made-up sets 8–10, 6 fleet numbers and plates
    so heard were all a double said ("T911" heard "…nueve uno uno uno"), none a triple."""
    tokens = text.split()
    last = [fold_words(t) for t in tokens[-4:]]
    if len(last) < 3 or any(len(ws) != 1 for ws in last[-3:]):
        return None
    a, b, c = (ws[0] for ws in last[-3:])
    before = last[-4] if len(last) == 4 else []
    if not (a == b == c and c in _digit_words()) or before == [c]:
        return None  # (four of them running is no echo of a double)
    return " ".join(tokens[:-1]).rstrip(",;:-")
