"""The one door from the dialogue core to the value parsers: read, gather pieces, correct, read back.

Everything here is a pure function of its arguments, so the core stays pure while the language
packs (parsers and word lists) live in this folder.
"""

from __future__ import annotations

import itertools
import re
from datetime import datetime

from daisy.understanding import (
    corrections,
    emails,
    field_cues,
    name_asides,
    name_lexicon,
    names,
    numbers,
    plausible,
    readback,
    spelling,
    times,
    values,
)
from daisy.understanding.intents import (
    QUESTIONS,
    classify,
    fold,
    holds_with_reason,
    only_yes_no,
    without_done,
)
from daisy.understanding.normalize import is_english, strip_accents
from daisy.understanding.packs import en_us_words, es_mx_words

PIECED_KINDS = ("plate", "email")
_MOST_WORDS_BEFORE_SPELLING = 4  # given names and a first surname


# "Ya, aquí estoy. Soy Ramón…", "Hola, buenas tardes, me llamo…": the name follows the last intro.
_NAME_INTRO = re.compile(
    r"(?i)\b(?:soy|me llamo|mi nombre es|(?:le |te )?habla|this is|my name is|name'?s|i am|i'm)\b"
)


def read_value(kind: str, text: str, lang: str, now: datetime) -> str | None:
    """The canonical value the words give for a field of this kind, or None."""
    if _only_a_hold(text, lang):
        return None
    if kind == "name":
        # the intro that counts is in the name's own words, not in an aside ("…, I'm hauling for Werner")
        head = name_asides.split(text, lang).name_text
        intros = list(_NAME_INTRO.finditer(head))
        if intros and intros[-1].start() > 0 and text.startswith(head):
            text = text[intros[-1].start() :]
    return values.read_value(kind, text, lang, now)


def _only_a_hold(text: str, lang: str) -> bool:
    """ "Espérame, voy por la tarjeta de circulación", "¿eres de carne y hueso?": a hold with its
    reason or a question about Daisy, whose words give no value (a letter or two read out of
    "circulación", "carne" or "one sec" are not one)."""
    if only_yes_no(text, lang):
        return True  # "al cien", "a huevo", "roger that": a yes or no, never a value
    if not holds_with_reason(text, lang) and not classify(text, lang) & QUESTIONS:
        return False
    symbols = spelling.spell(text, lang)
    return len(symbols) <= 2


def read_piece(kind: str, text: str, lang: str) -> str:
    """The part of a plate or email dictated in this utterance ('' when none)."""
    if _only_a_hold(text, lang):
        return ""
    if kind == "plate":
        return spelling.spell(text, lang, plate=True)
    if kind == "email":
        return _email_piece(text, lang)
    return ""


# A piece of an email may start or end on a separator ("juan punto" / "punto perez"), which a whole
# address never does: keep it, or the pieces glue into "juanperez".
_SEPARATORS = {
    "es-MX": (("guion bajo", "_"), ("punto", "."), ("arroba", "@"), ("guion", "-")),
    "en-US": (("underscore", "_"), ("dot", "."), ("at", "@"), ("dash", "-"), ("hyphen", "-")),
}


def _email_piece(text: str, lang: str) -> str:
    text = without_done(text, lang)  # "…punto com, es todo": the closing words are no part of it
    body = emails.read_email(text, lang)
    if not body:
        return ""
    words = fold(text).split()
    if not words:
        return body
    separators = _SEPARATORS.get(lang, _SEPARATORS["es-MX"])
    # a separator word at either end, not the recognizer's full stop; the longest that matches only
    # ("guion bajo" is "_", never "-" and "_")
    for word, sep in separators:
        if " ".join(words[: len(word.split())]) == word:
            body = body if body.startswith(sep) else sep + body
            break
    for word, sep in separators:
        if " ".join(words[-len(word.split()) :]) == word:
            body = body if body.endswith(sep) else body + sep
            break
    return body


def best_guess(kind: str, gathered: str) -> str:
    """What to read back when the caller says they are done: "juan@gmail" offers "juan@gmail.com"."""
    if kind == "email":
        return emails.guess_complete(gathered) or gathered
    return gathered


def looks_complete(kind: str, gathered: str) -> bool:
    if kind == "plate":
        return spelling.looks_complete_plate(gathered)
    if kind == "email":
        return emails.is_complete_email(gathered)
    return bool(gathered)


def names_the_whole(kind: str, text: str, lang: str) -> bool:
    """The caller names the whole value before saying it ("my email is …"): it is said again whole."""
    return kind == "email" and emails.names_the_whole(text, lang)


def ends_like_a_whole(kind: str, gathered: str) -> bool:
    """Pieces that already end the way the value ends (an address's domain ending): a whole value
    said next is the value said again, not more of it."""
    return kind == "email" and emails.ends_in_a_domain_ending(gathered)


def correct(kind: str, text: str, lang: str, current: str, now: datetime) -> str | None:
    """The value after the caller's correction of `current`, or None when it is no correction."""
    if only_yes_no(text, lang):
        return None
    fixed = corrections.apply_correction(text, lang, kind, current, now=now)
    if kind == "time" and fixed and current:
        fixed = _same_half_of_day(fixed, current, text)
    return fixed


_PART_OF_DAY = re.compile(
    r"(?i)ma[ñn]ana|madrugada|tarde|noche|mediod|\b[ap]\.? ?m\b|morning|afternoon|evening|night|noon"
)


def _same_half_of_day(fixed: str, current: str, text: str) -> str:
    """'No, a las seis' after 17:00 means 18:00: a bare hour keeps the half of the day read back."""
    hour, minute = (int(x) for x in fixed.split(":"))
    relative = re.search(r"(?i)\b(?:horas?|minutos?|hours?|minutes?)\b", text)
    if (
        not relative
        and int(current[:2]) >= 12 > hour >= 1
        and not _PART_OF_DAY.search(text)
        and not re.search(r"\d\d:\d\d", text)
    ):
        return f"{hour + 12:02d}:{minute:02d}"
    return fixed


def starts_with_no(text: str, lang: str) -> bool:
    """The reply opens with a "no" ("No, ele eme, …"), not one inside a key word ("ene de no pal")."""
    words = fold(text).split()
    return bool(words) and words[0] in ("no", "nop", "nope", "nel")


def trails_off(text: str, lang: str) -> bool:
    """The words end on a joiner ("…cinco guion", "…and"): more is coming."""
    words = fold(text).split()
    return bool(words) and words[-1] in ("guion", "dash", "hyphen", "luego", "then")


def read_letters(text: str, lang: str, longest: int = 3, clear: bool = False) -> str:
    """Only letters dictated, at most `longest` ("Letra ce.", "T as in Tango"); else ''. `clear`: only
    letters said so they are no word ("letra ce", "ce de Casa", "Charlie"; not "se", "yé")."""
    if _only_a_hold(text, lang):
        return ""
    symbols = spelling.spell(text, lang)
    if clear and not spelling.symbols(text, lang, strict=True):
        return ""
    return symbols if symbols.isalpha() and len(symbols) <= longest else ""


# A symbol three or more times running, as Whisper writes a repeated symbol heard ("November, November"
# → "November November November", "seven, five, five" → "seven five five five")
_ECHOED = re.compile(r"(.)\1\1+")


def echo_dropped(symbols: str) -> str:
    """`symbols` with each run of three or more of a symbol cut to two: the recognizer's added repeat."""
    return _ECHOED.sub(r"\1\1", symbols)


def without_echo(symbols: str) -> list[str]:
    """Readings of heard `symbols` less the recognizer's echo, likeliest first: each run of a symbol
    cut to two ("TR7555" → "TR755"), an ending of two or more symbols written twice said once
    ("Tango, seven, eight" heard "Tango seven eight seven eight": "T7878" → "T78"), a last digit twice
    said once ("T4488" → "T448"), a start written twice said once ("8585HL0J" → "85HL0J"), the whole
    said again a symbol short ("7AYT527YT52" → "7AYT52"), a run one shorter ("TR5555" → "TR555", "EE3" →
    "E3")."""
    readings = [echo_dropped(symbols)] if echo_dropped(symbols) != symbols else []
    once = ending_echoed(symbols, shortest=2)
    if once:
        readings.append(once)
    n = len(symbols) if symbols.isalnum() else 0
    start = next((k for k in range(n // 2, 1, -1) if symbols[:k] == symbols[k : 2 * k]), 0)
    if start:
        # ...a start of two or more symbols written twice, said once ("ocho, cinco, hache de Hormiga, …"
        # heard "ocho cinco ocho cinco hache de hormiga …": "8585HL0J" → "85HL0J", Kokoro, set 85)
        readings.append(symbols[start:])
    again = next((k for k in range(3, n - 1) if _said_again_short(symbols[:k], symbols[k:])), 0)
    if again:
        # ...the whole said again a symbol short ("siete, a, i griega, te, cincuenta y dos" heard "siete
        # letra letra y letrate 52 siete letra y letrate 52": "7AYT527YT52" → "7AYT52", Kokoro, set 85)
        readings.append(symbols[:again])
    # (n is 0 for a name's or an address's words: they are no symbols)
    if n > 2 and symbols[-1] == symbols[-2] != symbols[-3] and symbols[-1].isdigit():
        # ...and a last digit said once, written twice ("Tango, four, four, eight" heard "Tango four four
        # eight eight", three times running: espeak-ng, made-up set 34); a double said last is mostly
        # real (22 of 272 such values said no to on sets 13-34 were an echo), so it goes last
        readings.append(symbols[:-1])
    # ...and a run written once too often ("Tango, Romeo, five, five, five" heard "Tango Romeo 5555" on
    # three tries, Kokoro, made-up set 80: cut to two, it was refused again; "Echo, three" heard "Echo,
    # Echo, three" twice, set 82), last: most doubles are real
    for run in re.finditer(r"(.)\1+", symbols if n else ""):
        readings.append(symbols[: run.end() - 1] + symbols[run.end() :])
    return list(dict.fromkeys(readings))


def _said_again_short(first: str, rest: str) -> bool:
    """`rest` is `first` with one of its symbols left out (a second round a symbol short)."""
    return len(rest) == len(first) - 1 and any(first[:k] + first[k + 1 :] == rest for k in range(len(first)))


# An ending of this many symbols or more written twice is Whisper's echo even before any "no": on the
# plates and fleet numbers read back on made-up sets 13-42, 5 so heard were the value with it once,
# none the value as heard ("de tomate siete ocho cuatro siete ocho cuatro" for T784).
ECHOED_ENDING = 3


def ending_echoed(symbols: str, shortest: int = ECHOED_ENDING) -> str | None:
    """`symbols` with its longest ending of `shortest` symbols or more that is written twice said once;
    None when none is (a name's or an address's words are no symbols)."""
    n = len(symbols) if symbols.isalnum() else 0
    size = next((k for k in range(n // 2, shortest - 1, -1)
                 if symbols[n - k :] == symbols[n - 2 * k : n - k]), 0)
    return symbols[: n - size] if size else None


def name_from_letters(letters: str, lang: str, heard: bool = False) -> str:
    """A spelled surname as a name: "VAZQUEZ" → "Vázquez" when the lexicon knows it with accents; heard
    (not typed), one letter off the only surname of the lexicon that near ("HOLLOWDY": Alfa heard Delta
    → Holloway). On 67 spelled names of the audio runs: 29 → 32 right, none lost."""
    surname = echo_dropped(letters).capitalize()  # no name has a letter three times running
    if heard and not name_lexicon.known(surname):
        # the last letter's word is the one the line most often loses ("Hotel, Echo, …, Echo, Zulu"
        # heard without its Zulu): the one known name that ends one letter later is nearer than any
        # name a letter off in place (Hernandez, not Hernando)
        surname = name_lexicon.one_letter_longer(surname, lang) or surname
    return name_lexicon.mend_word(surname, lang) if heard or name_lexicon.known(surname) else surname


def given_name_said(text: str, lang: str) -> str:
    """The name said before a spelled surname ("Juan: pe de Perro, e…", "Tania Arriaga: be de…"), its
    words mended from the lexicon; '' when the spelling comes first. Every name word said goes in: a
    Mexican caller says the first surname and spells the second, and a word the lexicon does not know
    ("Ariaga", two letters off two names) was said all the same."""
    said, start = _words_before_spelling(text)
    name = names.read_name(" ".join(said), lang) if start is not None and len(said) > 1 else None
    if name:
        return name_lexicon.mend(" ".join(_first_name_words(name.split(), _MOST_WORDS_BEFORE_SPELLING)), lang)
    # one word, or no spelling heard where it starts (the words may be the spelling itself, bent out of
    # shape: "Saúleta Cruz Enene Núme…"): only the given names the lexicon knows
    known = list(itertools.takewhile(name_lexicon.known, [w for w in said if len(w) >= 3][:3]))
    return " ".join(w.capitalize() for w in known)


def _first_name_words(words: list[str], most: int) -> list[str]:
    """The first `most` name words with the particles among them ("Eugenia de la Garza" is two)."""
    out: list[str] = []
    for w in words:
        counted = w.lower() not in names.PARTICLES
        if counted and sum(x.lower() not in names.PARTICLES for x in out) == most:
            break
        out.append(w)
    while out and out[-1].lower() in names.PARTICLES:
        out.pop()
    return out


def _words_before_spelling(text: str) -> tuple[list[str], int | None]:
    """The words said before the spelling starts, and where it starts (None: nowhere heard)."""
    words = re.findall(r"[^\W\d_]+", text)
    start = next((i for i in range(len(words)) if _spelling_starts(words, i)), None)
    said = words[:start] if start is not None else words[:-1]
    if start is not None and _name_before_a_lost_letter(words, start):
        said = words[: start + 1]
    while said and (len(said[-1]) < 3 or spelling.letter_size(said[-1])):
        said.pop()  # the letter the spelling starts with, and its size ("Dusco, be grande, a de…")
    return said, start


def _name_before_a_lost_letter(words: list[str], i: int) -> bool:
    """ "Marcela Alcala de Tomate, o de Oaxaca…" for "Marcela Alcala: te de Tomate, …" (Kokoro, set
    86): the word before the first "de" is a name the lists know, not the letter, whose own first
    letter is not the key word's: the letter was lost, and the name is one of those said."""
    if i + 2 >= len(words):
        return False
    word, key = words[i], words[i + 2]
    return (len(word) >= 4 and name_lexicon.known(word) and words[i + 1].lower() == "de"
            and strip_accents(word[0]).lower() != strip_accents(key[0]).lower())


def surname_letters(text: str, lang: str, longest: int) -> str:
    """The letters of a surname spelled after the given name ("Mark: Mike, Echo, Lima, …"): not the
    given name's own letter, when the words before the spelling are all given names the lists know and
    no NATO word ("Mark Mike Echo…" had read MMELENDE, "Julie Oscar Delta…" JODONNELL; espeak-ng)."""
    letters = read_letters(text, lang, longest=longest)
    words, start = re.findall(r"[^\W\d_]+", text), _words_before_spelling(text)[1]
    if not start or not all(name_lexicon.given(w) and not spelling.is_nato_word(w) for w in words[:start]):
        return letters
    spelled = read_letters(" ".join(words[start:]), lang, longest=longest)
    return spelled if 2 <= len(spelled) < len(letters) and letters.endswith(spelled) else letters


def words_before_spelling(text: str) -> str:
    """The name words said before a spelled surname as heard, known to the lexicon or not (at most
    two): '' when the spelling comes first."""
    said, start = _words_before_spelling(text)
    return " ".join(w.capitalize() for w in said[:2]) if start is not None else ""


def _spelling_starts(words: list[str], i: int) -> bool:
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    after = words[i + 2].lower() if i + 2 < len(words) else ""
    return (
        # "pe de Perro", "P as in Papa"; not a surname's "de la" ("Eugenia de la Garza: a de Ana")
        nxt in ("de", "as", "like", "for", "como") and not (nxt == "de" and after in ("la", "las", "los"))
        # "Tyler: Victor, Alfa, …" (a NATO word and more later: "I'm from Quebec." spells nothing)
        or (i > 0 and spelling.is_nato_word(words[i]) and any(map(spelling.is_nato_word, words[i + 1 :])))
        # ...or from the first word, with the given name lost ("Tango Hotel Oscar Mike Alpha Sierra"), when
        # that word is no given name too (Victor, Oscar) and two NATO words follow
        or (i == 0 and spelling.is_nato_word(words[0]) and not name_lexicon.given(words[0])
            and sum(map(spelling.is_nato_word, words[1:])) >= 2)
        or spelling.glued_key_word(words[i])  # "Evelio Tedetaco Erederatón…"
        or nxt.startswith("de") and spelling.glued_key_word(words[i] + nxt)  # "Kiros Te detomate…"
        or i > 0 and spelling.cut_name_with_key(words[i], nxt)  # "Micaela Edénrique…", "Ede Estrella"
        or bool(nxt) and spelling.glued_name_and_de(words[i])  # "Alcántar Heredé Rancho…"
    )


def known_given_name(value: str) -> str:
    """The given name(s) of a name heard whole ("Lonnie Plut" → "Lonnie"), when the lexicon knows each
    of them; else the given names it starts with ("Noemí Otis Regalado" → "Noemí"); '' otherwise."""
    words = value.split()
    given = words[:-1] if len(words) > 1 else words
    if given and all(name_lexicon.known(w) for w in given):
        return " ".join(given)
    return " ".join(itertools.takewhile(name_lexicon.given, given))


def with_given_name(said: str, known_before: str) -> str:
    """The words said before a spelled surname, after the given name heard before when they start with
    none: a Mexican caller asked to spell gives the first surname and spells the second, and the given
    name may be lost ("No es mi Ortiz, erre de Rancho…" after "Noemí Otis Regalado" → Noemí Ortiz), or
    heard a letter off as a surname ("Olivera" after "Oliver")."""
    words = said.split()
    if not words or not known_before or name_lexicon.given(words[0]):
        return said
    from rapidfuzz.distance import Levenshtein

    before = known_before.split()
    if Levenshtein.distance(strip_accents(words[0].lower()), strip_accents(before[-1].lower())) <= 1:
        words = words[1:]  # "Olivera, zeta de…" after "Oliver": the given name, a letter run into it
    return " ".join(dict.fromkeys([*before, *words]))


def with_names_heard_before(given: str, heard_before: str, lang: str) -> str:
    """The names said before a spelled surname, as heard whole on an earlier try when that said more
    of them: asked to spell the last surname, a caller says the others again and the line may bend
    them now ("Miguel Monta Yes, uve de Vaso…" after "Miguel Montañés Pilar": Miguel Montañez, then
    the spelling). Only a name of three words or more heard before (its last word being the one
    spelled now) whose first words are the ones kept now."""
    before = heard_before.split()[:-1]
    kept = given.split()
    folded = [strip_accents(w.lower().strip(".,;:")) for w in heard_before.split()]
    if len(before) < 2 or len(before) <= len(kept) or len(set(folded)) < len(folded):
        # (a word in it twice is an echo, no names: "Monica Garcia Monica Darcy", "Stephen Taylor
        # Steven Taylor", espeak-ng, made-up set 69)
        return given
    if sum(spelling.is_nato_word(w) for w in folded) >= 2:
        # a hearing of a spelling, no names: "Sophia Bramble Elf Indian Romeo Delta" (espeak-ng's
        # "Sophia: Bravo, Alfa, India, Romeo, Delta", made-up set 70) gave "Bramble Elf Indian Romeo"
        # (one NATO word may be a name: Víctor, Óscar)
        return given
    if [strip_accents(w.lower()) for w in kept] != [strip_accents(w.lower()) for w in before[: len(kept)]]:
        return given
    mended = name_lexicon.mend(" ".join(before), lang)
    if is_english(lang) and not all(name_lexicon.known(w) for w in mended.split()[len(kept):]):
        # an English name is a given name and one surname: a word between them the lists do not know
        # is no name said again ("Michael Pan Johnson" heard before "Michael: Hotel, Echo, …" gave
        # "Michael Pan Henderson": espeak-ng, made-up set 72). (A Mexican caller's first surname may
        # come bent and still be said: kept, as heard.)
        return given
    return mended


def named(text: str, lang: str) -> bool:
    """The words give a name on purpose: an intro ("me llamo…", "soy…") or a name the lexicon knows."""
    if _NAME_INTRO.search(text):
        return True
    value = names.read_name(text, lang)
    return bool(value) and name_lexicon.any_known(value)


def common_name(value: str) -> bool:
    """A name made only of names the lexicon knows: plausible even when the recognizer was unsure."""
    return name_lexicon.all_known(value)


def mend_name(value: str, lang: str = "es") -> str:
    """A name the recognizer heard, with its near-miss words mended from the lexicon."""
    return name_lexicon.mend(value, lang)


def sound_alike_names(value: str, lang: str = "es") -> list[str]:
    """The name with one word written another way that sounds the same (Carbajal, Carvajal)."""
    return name_lexicon.sound_alikes(value, lang)


def given_name_alikes(value: str, lang: str) -> list[str]:
    """The name with a given name written another way that sounds the same (Dylan, Dillon)."""
    from daisy.understanding.name_sounds import given_name_alikes

    return given_name_alikes(value, lang)


def read_name(text: str, lang: str) -> str | None:
    return names.read_name(text, lang)


def read_time(text: str, lang: str, now: datetime) -> str | None:
    return times.read_time(text, lang, now)


def read_digits(text: str, lang: str) -> str | None:
    return numbers.spoken_digits(text, lang)


def read_email(text: str, lang: str) -> str:
    return emails.read_email(text, lang)


def is_complete_email(value: str) -> bool:
    return emails.is_complete_email(value)


def spoken(kind: str, value: str, lang: str) -> str:
    """A value as Daisy reads it back, made for the ear (the wording lives in `readback`)."""
    return readback.spoken(kind, value, lang)

def values_ahead(
    text: str, lang: str, now: datetime, fields: list[field_cues.FieldInfo], current: str
) -> tuple[str, dict[str, str]]:
    """Values for other fields said in the same breath ("el 3120 con placas RT-45-22"): the current
    field's own words, and each other field's value (only values possible for their kind)."""
    parts = field_cues.split(text, lang, fields, current)
    if set(parts) == {current}:
        return text, {}
    kinds = {f.key: f.kind for f in fields}
    ahead: dict[str, str] = {}
    own = parts.get(current, "")
    for key, words in parts.items():
        if key.startswith(field_cues.UNDECIDED):
            key, value = _by_value(key[1:], words, lang, now, fields)
            if key == current:
                own = f"{own} {words}".strip()
                continue
        elif key != current:
            value = read_value(kinds[key], words, lang, now)
        else:
            continue
        if key and value and plausible.plausible(kinds[key], value):
            ahead[key] = value
    if not ahead or _whole_is_the_answer(text, own, kinds[current], lang, now):
        return text, {}
    return own, ahead


def _whole_is_the_answer(text: str, own: str, kind: str, lang: str, now: datetime) -> bool:
    """A cue word heard where a spelled letter's key word goes ("…i griega de llego a ocho cero ocho"
    for "i griega de Yegua, ocho, cero, ocho", Kokoro, made-up set 56): when the words left to the
    field asked make no value of its kind and the whole answer does, the whole is its answer. (A cue
    anywhere else starts another field's value: "a be ce, la caja es la 512".)"""
    if kind not in ("plate", "number", "email") or not own.strip() or not text.startswith(own):
        return False
    # the key word's connector ("de", "as in", "for") last before the cue, or first in the cue's part,
    # which may have taken it ("de llego a …")
    connectors = en_us_words.KEY_CONNECTORS if is_english(lang) else es_mx_words.KEY_CONNECTORS
    around = re.findall(r"[\w']+", own.lower())[-1:] + re.findall(r"[\w']+", text[len(own):].lower())[:1]
    if not connectors & set(around):
        return False
    whole = read_value(kind, text, lang, now)
    if not whole or not plausible.plausible(kind, whole):
        return False
    left = read_value(kind, own, lang, now)
    return not left or not plausible.plausible(kind, left)


def _by_value(subject: str, words: str, lang: str, now: datetime, fields: list[field_cues.FieldInfo]
              ) -> tuple[str, str | None]:
    """ "y la caja es la 512": of the fields about the subject, the one whose kind the value fits
    (a plate has letters and digits and five symbols or more; a fleet number is shorter or digits)."""
    candidates = {f.kind: f.key for f in field_cues.about(subject, fields)}
    if "plate" in candidates:
        plate = read_value("plate", words, lang, now)
        if plate and plausible.plausible("plate", plate) and sum(c.isalpha() for c in plate) >= 2:
            return candidates["plate"], plate
    if "number" in candidates:
        return candidates["number"], read_value("number", words, lang, now)
    return "", None
