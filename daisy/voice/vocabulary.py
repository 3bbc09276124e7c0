"""The words to expect, per kind of answer and language: the decoder's prompt for Whisper, and the
prompt a cloud recognizer takes (the cascade pipeline's STT).

A prompt is the vocabulary written as the transcript we want back ("Sí." rather than "C"), with no
example values: Whisper biased towards an example writes it in place of what was said ("Cuarenta y
seis, noventa" for "cuarenta y cinco", with high confidence). Measured on synthesized answers
(benchmarks/hearing_accuracy.py), value-free prompts gave as many right answers and far fewer wrong
ones. A decode that hands the prompt back (a run across two of its phrases, or a long run) is
dropped (hearing.cleaning).
"""

from __future__ import annotations

import re
from functools import cache

from daisy.core.expectation import Expected

_LETTERS_ES = (
    "a be ce de e efe ge hache i jota ka ele eme ene o pe cu erre ese te u ve doble u equis i griega zeta"
)
_DIGITS_ES = "uno dos tres cuatro cinco seis siete ocho nueve cero"
_LETTERS_EN = "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z"
_DIGITS_EN = "one two three four five six seven eight nine zero"
# How an English address ends and what joins its parts: said after the address itself in a prompt
_EMAIL_ENDINGS_EN = (
    "at gmail dot com, at hotmail dot com, at outlook dot com, at yahoo dot com. Underscore, dash, dot."
)
# Among the most frequent given names and surnames in Mexico: the decoder then writes a common name
# the way it is spelled ("José Hernández", not "Soy sofea rande"). Measured on names on and off the
# list: 7 of 14 right instead of 3, and fewer wrong (one name off the list came back as "José").
_GIVEN_MX = (
    "José Juan Luis Miguel Jesús Francisco Antonio Alejandro Pedro Carlos Manuel Jorge Ricardo Fernando "
    "Roberto María Guadalupe"
)
_SURNAMES_MX = (
    "Hernández García Martínez López González Pérez Rodríguez Sánchez Ramírez Cruz Flores Gómez Morales "
    "Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz"
)
_NAMES_MX = f"{_GIVEN_MX} {_SURNAMES_MX}"
# ...and in the United States. Without them, Whisper base gave back the bare prompt ("My name is...") for
# 26 of 166 English name answers re-heard from made-up sets 62-64 (espeak-ng and Kokoro, clean and cab;
# one set also with seven other espeak-ng variants); with them 3, and the names read right went 45 → 56
# (18 more, 7 fewer; the wrong ones heard at 0.6 or more 41 → 26). Some of the listed names come back in
# place of a name said ("John Carter" for Sean Carter): a read-back the caller refuses, as the wrong
# names heard without the list were. (An earlier try, on another build, had found as many right.)
_GIVEN_US = "James John Robert Michael William David Mary Patricia Jennifer Linda Elizabeth"
_SURNAMES_US = "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor"


@cache
def prompted_names(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The given names and the surnames the name prompt lists (folded: lowercase, no accents)."""
    from daisy.understanding.intents import fold

    if not lang.lower().startswith("es"):
        return frozenset(fold(_GIVEN_US).split()), frozenset(fold(_SURNAMES_US).split())
    return frozenset(fold(_GIVEN_MX).split()), frozenset(fold(_SURNAMES_MX).split())

_PROMPTS: dict[str, dict[Expected, str]] = {
    "es": {
        Expected.YES_NO: "Sí. No. Sí, correcto. No, está mal. Así es.",
        # Word lists without commas: a comma between number words splits the number ("doscientos,
        # diez" reads 200 | 10), and listed examples ("Cuarenta y seis, noventa") were written in
        # place of what was said.
        Expected.DIGITS: f"{_DIGITS_ES} diez once doce trece catorce quince veinte treinta cuarenta "
        "cincuenta sesenta setenta ochenta noventa cien doscientos mil",
        # "Es todo." closes a plate said in pieces: without it, the letters prompt wrote "N S O"
        Expected.PLATE: f"Es todo. {_LETTERS_ES} {_DIGITS_ES}",
        Expected.TIME: (
            "A las ... de la mañana, de la tarde, de la noche. Y media, y cuarto. En una hora, en dos "
            "horas. Mediodía."
        ),
        Expected.EMAIL: (
            "Mi correo es... arroba gmail punto com, arroba hotmail punto com, arroba outlook punto com, "
            "arroba yahoo punto com punto mx. Guion bajo, guion, punto."
        ),
        Expected.NAME: f"Me llamo... Soy... {_NAMES_MX}",
        Expected.FREE: "",
    },
    "en": {
        Expected.YES_NO: "Yes. No. Yes, correct. No, that's wrong. That's right.",
        Expected.DIGITS: f"{_DIGITS_EN} oh ten eleven twelve thirteen fourteen fifteen twenty thirty forty "
        "fifty sixty seventy eighty ninety hundred thousand",
        Expected.PLATE: f"That's all. Letters {_LETTERS_EN} numbers {_DIGITS_EN}",
        Expected.TIME: (
            "At ... in the morning, in the afternoon, in the evening, a.m., p.m. Thirty, fifteen, half "
            "past. In an hour, in two hours. Noon."
        ),
        Expected.EMAIL: f"My email is... {_EMAIL_ENDINGS_EN}",
        Expected.NAME: f"My name is... This is... I'm... {_GIVEN_US} {_SURNAMES_US}",
        Expected.FREE: "",
    },
}


# An English name spelled in NATO words ("Carl: Juliett, Echo, …"): with the plain name prompt Whisper
# wrote "My name is..." for the whole answer, "Gauss" for Golf, "Brongo" for Bravo. With the NATO
# words after it (Whisper's own "Alpha", not "Alfa", which it bent into "Delta"), 14 of 18
# synthesized spelled surnames came back right instead of 8 (3 names, 3 espeak-ng voices, clean and
# noisy). In Spanish no prompt tried read key-word spelling better than the name prompt.
_NATO_PROMPT = (
    "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa "
    "Quebec Romeo Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu"
)

# A plate or an address spelled when asked to ("Zulu, Sierra, Romeo, seven…"): with the letters-only
# plate prompt Whisper wrote NATO words as strings of letters ("zero zero zero" for Zulu, Sierra, Romeo;
# "L E M T R L E G…" for Lima, Charlie, Golf). With the NATO words added, of 61 English plates spelled
# on the audio evaluation (espeak-ng and Kokoro, clean and noisy) 34 read right instead of 31, 27 of
# them at a confidence the core reads back (0.3) instead of 20, and no more wrong ones there (3). Of
# 33 spelled addresses the same were read right, 16 of them at 0.3 or more instead of 12. A plate
# said unasked keeps the letters-only prompt: with NATO words, espeak-ng's plain plates were read
# back wrong more often (15 → 21 of 124).
_SPELLED_EN: dict[Expected, str] = {
    Expected.NAME: f"My name is... {_NATO_PROMPT}",
    Expected.PLATE: f"That's all. Letters {_LETTERS_EN} {_NATO_PROMPT} numbers {_DIGITS_EN}",
    Expected.EMAIL: f"My email is... {_NATO_PROMPT} {_EMAIL_ENDINGS_EN}",
}


def prompt(expecting: Expected, lang: str, spelled: bool = False) -> str:
    """The decoder prompt for this kind of answer ('' for a free answer: no bias at all); `spelled`:
    Daisy asked for the value letter by letter."""
    english = not lang.lower().startswith("es")
    if spelled and english and expecting in _SPELLED_EN:
        return _SPELLED_EN[expecting]
    return _PROMPTS["en" if english else "es"].get(expecting, "")


# --- spelled answers: a closed vocabulary -----------------------------------------------------------
# A value spelled symbol by symbol uses few words: letter names, key words, NATO words, number words.
# Whisper decoding restricted to the tokens of those words cannot turn "Lima, Alfa" into "email for";
# it is a second opinion next to the free decode (hearing.closed_vocabulary), not a replacement.
_NATO = (
    "Alfa Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Juliett Kilo Lima Mike November "
    "Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu"
)
_NUMBER_WORDS_EN = (
    "oh ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred thousand double triple"
)
_KEY_WORDS_EN = "Adam Boy Dog Frank George Henry John King Lincoln Mary Nancy Ocean Peter Queen Robert Sam "
_KEY_WORDS_EN += "Tom Union Van William Young Zebra Apple Baker Easy Fox Charles David Edward"
_EMAIL_WORDS_EN = "at dot dash underscore gmail hotmail outlook yahoo live icloud com mx net org"

# English only: Spanish drivers spell with key words of their own choosing ("pe de Pato"), and a
# closed list turns the ones it lacks into noise ("Eres Cuela" for "e de Escuela"). Measured on 20
# spelled plates per language (espeak-ng and Kokoro, half noisy): English right 3 → 10, Spanish 3 → 1.
_SPELLING: dict[str, str] = {
    "en": f"{_LETTERS_EN} {_DIGITS_EN} {_NUMBER_WORDS_EN} as in like for letter dash {_KEY_WORDS_EN} {_NATO}",
}
_EMAIL: dict[str, str] = {"en": _EMAIL_WORDS_EN}


def key_words(lang: str) -> frozenset[str]:
    """The key words of "B as in Baker" (lowercase): said bare among NATO words, a word misheard."""
    return frozenset(_KEY_WORDS_EN.lower().split()) if not lang.lower().startswith("es") else frozenset()


def spelling_words(expecting: Expected, lang: str) -> tuple[str, ...]:
    """The closed vocabulary of a value spelled symbol by symbol ((): the kind is not spelled)."""
    pack = "es" if lang.lower().startswith("es") else "en"
    # not names: the given name said before the spelled surname is no spelling word
    if expecting not in (Expected.PLATE, Expected.EMAIL) or pack not in _SPELLING:
        return ()
    words = _SPELLING[pack] + (" " + _EMAIL[pack] if expecting == Expected.EMAIL else "")
    return tuple(dict.fromkeys(words.split()))


# --- a yes that may have been a no ------------------------------------------------------------------
# hearing.yes_twin scores plain yes-words against plain no-words on the audio of a yes: the everyday
# short forms, not any caller's phrasing.
_YES_NO_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "es": (("Sí.", "Sí, sí.", "Correcto."), ("No.", "No, no.", "Incorrecto.")),
    "en": (("Yes.", "Yeah.", "Correct."), ("No.", "Nope.", "Incorrect.", "Negative.")),
}
# ...and for a yes with a twin word in it, the same words around "correct" and "right" as in the
# everyday no ("Está incorrecto.", "That's incorrect."): a no Whisper wrote as such a yes with its
# negative prefix glued to the word before ("Está en correcto.", "Have sin correct.") fits its own no
# better than any bare yes-word. (Only then: eight more readings cost a yes ~50 ms.)
_AROUND_TWINS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "es": (
        ("Es correcto.", "Está correcto.", "Sí, correcto.", "Está bien."),
        ("Es incorrecto.", "Está incorrecto.", "No, incorrecto.", "Está mal."),
    ),
    "en": (
        ("That's correct.", "That's right.", "Yes, correct."),
        ("That's incorrect.", "That's wrong.", "No, incorrect."),
    ),
}


# ...and for a no, the short yeses drivers say every day, none of them a twin of a no-word ("Correcto." /
# "Incorrecto." fit the same audio nearly alike): Whisper base hears some voices' "Eso." as "No. No." and
# "Ándale." as "No, está." (hearing.yes_twin.weigh_no).
_EVERYDAY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "es": (("Sí.", "Sí, sí.", "Eso.", "Eso es.", "Ajá.", "Ándale.", "Así es.", "Claro."), ("No.", "No, no.")),
    # ("You got it." heard "No, that's wrong." at 0.24 had refused a right name and a right address)
    "en": (("Yes.", "Yeah.", "Yep.", "Uh-huh.", "Sure.", "You got it.", "Exactly."),
           ("No.", "Nope.", "No, no.")),
}


def everyday_yes_and_no(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _EVERYDAY["es" if lang.lower().startswith("es") else "en"]


def yes_and_no_words(lang: str, around_twins: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    pack = "es" if lang.lower().startswith("es") else "en"
    yes, no = _YES_NO_WORDS[pack]
    if around_twins:
        more_yes, more_no = _AROUND_TWINS[pack]
        return (*yes, *more_yes), (*no, *more_no)
    return yes, no


# --- a closing that may have been heard as a piece -------------------------------------------------
# hearing.closing scores these against the audio of an answer to "¿qué sigue?": the usual ways a
# driver says the value is all there (the packs' DONE_SAID, written as said, accents and all).
_CLOSINGS: dict[str, tuple[str, ...]] = {
    "es": ("Es todo.", "Eso es todo.", "Ya es todo.", "Son todas.", "Ya son todas.", "Son todos.",
           "Nada más.", "Sería todo."),
    "en": ("That's it.", "That's all.", "That's everything.", "Nothing else.", "That's the whole thing."),
}


def closings(lang: str) -> tuple[str, ...]:
    return _CLOSINGS["es" if lang.lower().startswith("es") else "en"]


# Whisper base hears some voices' "That's wrong." as "That's right." with no other hypothesis and good
# confidence. Scored against the audio (forced alignment), the same words with the no-word in place
# come out close behind when the caller said no, and far behind when they said yes
# (hearing.yes_twin.weigh_yes). Only answers with a word that has a near twin ("right" / "wrong",
# "correcto" / "incorrecto") are turned.
_TWINS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("right", "wrong"), ("correct", "incorrect")),
    "es": (("correcto", "incorrecto"), ("correcta", "incorrecta"), ("bien", "mal")),
}
_PLAIN: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("yes", "no"), ("yeah", "no"), ("yep", "nope")),
    "es": (("sí", "no"), ("si", "no")),
}


# The words a yes puts before "correct" ("That's correct.", "Sí, correcto.", "Es correcto."). A no
# Whisper bent into a yes has the negative prefix fused into some other word there instead: "Be
# correct.", "You're correct." and "Have sin correct." for "(That's) incorrect.", "Into, correcto." and
# "Está en correcto." for "(Está) incorrecto.". ("Right" is left alone: "Darn right." is a yes, and the
# noes Whisper writes with it keep their lead: "That's right." for "That's wrong.".)
_CORRECT_LEADS: dict[str, frozenset[str]] = {
    "en": frozenset("that's thats that is it's its yes yeah yep yup absolutely totally "
                    "exactly perfectly all quite completely ok okay sir ma'am maam".split()),
    "es": frozenset("sí si es está esta todo muy así asi eso bueno ajá aja exacto claro perfecto ok okey "
                    "señorita señor joven".split()),
}
_CORRECT = re.compile(r"correct[oa]?")


def odd_lead(text: str, lang: str) -> bool:
    """A "correct" / "correcto" right after a word no yes puts there (nor another "correct")."""
    pack = "es" if lang.lower().startswith("es") else "en"
    words = re.findall(r"[\w']+", text.lower())
    return any(_CORRECT.fullmatch(w) and k > 0 and words[k - 1] not in _CORRECT_LEADS[pack]
               and not _CORRECT.fullmatch(words[k - 1]) for k, w in enumerate(words))


def prompt_yes_phrase(text: str, lang: str) -> bool:
    """The words are one of the yes/no prompt's yes-phrases of two words or more ("Yes, correct.",
    "Sí, correcto."): words the decoder may give back from its prompt as well as hear."""
    pack = "es" if lang.lower().startswith("es") else "en"
    said = " ".join(re.findall(r"[\w']+", text.lower()))
    prompt = _PROMPTS[pack][Expected.YES_NO]
    phrases = (" ".join(re.findall(r"[\w']+", p.lower())) for p in prompt.split(". "))
    return any(said == p and len(p.split()) > 1 and p.split()[0] not in ("no", "not") for p in phrases)


def only_correct(text: str) -> bool:
    """The answer is the word "correct" / "correcto" and nothing else ("Correct.", "correcto")."""
    words = re.findall(r"[\w']+", text.lower())
    return len(words) == 1 and bool(_CORRECT.fullmatch(words[0]))


def said_as_no(text: str, lang: str) -> tuple[str, ...]:
    """The same words with their yes-words turned into the matching no-words ("That's right." →
    "That's wrong.", "Yes, correct." → "No, incorrect."), and with two twin words or more each one
    turned alone ("Está bien correcto." → "Está bien incorrecto.": the words Whisper wrote for a noisy
    "Está incorrecto."); () when no twin word is in them."""
    pack = "es" if lang.lower().startswith("es") else "en"
    found = sorted((m.start(), m.end(), no) for yes, no in _TWINS[pack]
                   for m in re.finditer(rf"(?i)\b{yes}\b", text))
    if not found:
        return ()
    turned = text
    for yes, no in (*_TWINS[pack], *_PLAIN[pack]):
        turned = re.sub(rf"(?i)\b{yes}\b", lambda m, no=no: _as_written(m.group(0), no), turned)
    alone = [text[:a] + _as_written(text[a:b], no) + text[b:] for a, b, no in found] if len(found) > 1 else []
    return tuple(dict.fromkeys([turned, *alone]))


# Noes that sound like a yes on a phone line, where Whisper base writes the yes with no other
# hypothesis and whatever its prompt: the "Not" of espeak-ng's "Not right." and "Not quite." like a
# "That's" ("That's right."), its "Nah." like "Yes." (hearing.yes_twin.weigh_yes scores the no in the
# yes's place). Only these exact yeses: one with more words before "right" ("Yes, that's right.") fits
# "Yes, not right." nearly as well as what was said, "That's correct." its "Not correct." too, and a
# "Yeah." its "Nah." as near as a real "Nah." comes.
_SOUNDS_LIKE_NO: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": ((re.compile(r"(?!not |no )[\w']+ right"), "Not right."), (re.compile(r"yes"), "Nah.")),
}


def said_as_a_close_no(text: str, lang: str) -> tuple[str, ...]:
    """The no a yes heard may have been, where the two sound alike ("That's right." → "Not right.",
    "Yes." → "Nah."); () for any other words."""
    pack = "es" if lang.lower().startswith("es") else "en"
    said = " ".join(re.findall(r"[\w']+", text.lower()))
    return tuple(no for yes, no in _SOUNDS_LIKE_NO.get(pack, ()) if yes.fullmatch(said))


def _as_written(word: str, other: str) -> str:
    return other.capitalize() if word[:1].isupper() else other
