"""Plates (and other codes) spelled by a caller, one piece per turn or all at once.

A caller spells with letter names ("eme", "jota"), with "letra X", with a key word ("B de Burro":
the key word's first letter is the letter, whatever the word), with the NATO alphabet, or the
recognizer writes the plate itself ("MNA-14"). The recognizer also damages these forms: "de" heard
as "ve"/"be"/"re" ("Se ve gato", "Bebe burro") or glued to the letter ("Areáguila"). Numbers
arrive as words in groups ("catorce ochenta" -> "1480") or digits.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from daisy.understanding import readback
from daisy.understanding.bent_digits import digit_words_bent, ordinals_as_numbers
from daisy.understanding.normalize import is_english, last_version, normalize, strip_accents
from daisy.understanding.numbers import Num, find_numbers, is_number_word, word_table
from daisy.understanding.packs import en_us_words, es_mx_words
from daisy.understanding.plausible import plate
from daisy.understanding.spelled_connectors import connectors_heard_as_symbols

log = logging.getLogger(__name__)

_ES_NAMES = es_mx_words.LETTER_NAMES
_EN_NAMES = en_us_words.LETTER_NAMES
# Two-word letter names, merged before the walk.
_PAIRS = {
    ("doble", "u"): "dobleu", ("doble", "ve"): "dobleve", ("doble", "v"): "dobleve",
    ("doble", "uve"): "dobleve", ("i", "griega"): "igriega", ("y", "griega"): "ygriega",
    # "doble" with its b lost on the line ("letra dole u", "letra dole ve": Kokoro, made-up sets 19, 23)
    ("dole", "u"): "dobleu", ("dole", "ve"): "dobleve", ("dole", "v"): "dobleve", ("dole", "uve"): "dobleve",
    ("double", "u"): "doubleu", ("double", "you"): "doubleu", ("double", "v"): "doubleu",
    ("i", "latina"): "i", ("x", "ray"): "xray", ("ex", "ray"): "xray", ("equis", "ray"): "xray",
    # X-ray as a Spanish speaker says it, written as it sounds ("romeo ex rai", "ekis rai")
    ("x", "rai"): "xray", ("ex", "rai"): "xray", ("equis", "rai"): "xray", ("ekis", "rai"): "xray",
}
_NATO = {
    "alfa", "alpha", "bravo", "charlie", "charly", "delta", "echo", "eco", "foxtrot", "fox", "golf",
    "hotel", "india", "juliet", "juliett", "julieta", "kilo", "lima", "mike", "maik", "november",
    "noviembre", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "uniforme",
    "victor", "whiskey", "whisky", "xray", "yankee", "yanqui", "zulu",
}
# Letter names that are also everyday words: in a fleet number they count only next to digits.
_AMBIGUOUS_ES = es_mx_words.AMBIGUOUS_LETTERS
_AMBIGUOUS_EN = en_us_words.AMBIGUOUS_LETTERS

_FILLER = {
    # Spanish
    "las", "los", "la", "el", "lo", "placa", "placas", "son", "es", "seria", "serian", "mi", "mis",
    "guion", "guiones", "y", "pues", "bueno", "este", "esta", "esto", "eh", "ehh", "mmm", "mm", "ah",
    "gion", "yon", "mion", "llon",  # "guion" as the line bends it ("noventa y seis yon hache de…")
    "numero", "numeros", "letras", "digitos", "tractor", "caja", "remolque", "trailer", "tracto",
    "si", "no", "ok", "okey", "okay", "sigue", "siguiente", "luego", "despues", "entonces", "ahora",
    "tiene", "tienen", "mayuscula", "minuscula", "con", "otra", "otro", "va", "van", "ya", "todo",
    "del", "al", "que", "ahi", "aqui", "espacio", "raya", "medio", "sin", "primero", "tambien",
    "ultima", "ultimo", "nada", "mas", "sera", "creo", "seguida", "sus", "su", "tu", "tus",
    "mira", "mire", "oye", "oiga", "fijate", "hmm", "hm", "shh", "psst", "pff", "brr", "uhm", "mhm",
    # English
    "my", "the", "plate", "plates", "is", "its", "it", "thats", "and", "then", "dash", "hyphen",
    "space", "uh", "um", "number", "numbers", "license", "truck", "yes", "yeah", "sorry", "capital",
    "next", "letter", "letters", "lowercase", "uppercase", "small", "so", "well", "like", "as", "in",
    "for", "after", "that", "this", "they", "ray", "on", "last", "first",
}
_VERB_BEFORE = {"plates", "plate", "they", "numbers", "letters", "these", "those", "we", "there", "thank"}
# Short everyday words that are never a plate's letters
_SHORT_WORDS = {
    "por", "con", "sin", "que", "mas", "muy", "hay", "ver", "dia", "uno", "dos", "pon", "son", "sus", "tus",
    "mis", "les", "nos", "los", "las", "una", "eso", "esa", "ese", "era", "fue", "soy", "voy", "van", "ahi",
    "asi", "oye", "ok", "si", "no", "ya", "yo", "tu", "mi", "su", "te", "se", "me", "le", "lo", "la", "el",
    "en", "es", "un", "al", "the", "and", "its", "is", "it", "my", "to", "of", "in", "on", "at", "by", "or",
    "so", "uh", "um", "oh", "ah", "eh", "hey", "yes", "yep", "nah", "nop", "bye", "for", "not", "but", "are",
    "was", "has", "had", "can", "got", "get", "let", "see", "say", "two", "six", "ten", "one", "all", "now",
    "how", "who", "why", "hmm", "mmm", "aja", "pues", "old", "new", "num", "nro", "no.",
}
_PRONOUN_LIKE = {"te", "se", "de", "me", "ese"}
_PRONOUN_CUES = {"no", "lo", "que", "ya", "me", "te", "se", "si", "por", "le", "nos", "les"}
_PRONOUN_NEXT = {"lo", "la", "los", "las", "le", "les", "doy", "paso", "digo", "mando", "escucho", "oigo",
                 "entiendo", "hablo", "llamo", "marco"}
_KEY_CONNECTORS_ES = es_mx_words.KEY_CONNECTORS
_KEY_CONNECTORS_EN = en_us_words.KEY_CONNECTORS
_B_MODS = {"grande", "larga", "alta"}
_V_MODS = {"chica", "chiquita", "corta", "baja", "pequena", "chaparrita"}
_CASE_MODS = {"mayuscula", "minuscula", "capital", "lowercase", "uppercase", "small", "chica",
              "grande"}
_VOWELS = set("aeiou")

# a "Y" glued to a plate by a dash or to its digits ("JDR-186-Y", "186Y") is the letter, in any case
_CAPITAL_Y = re.compile(r"(?<=[\s,;:])Y(?![\w'’])|^Y(?=[\s]*[,.;:!]|\s*$)"
                        r"|(?<=[A-Za-z0-9]-)[yY](?![\w'’-]*[a-z])|(?<=\d)[yY](?![\w'’])|(?<![\w'’-])Y(?=-[A-Z0-9])")
_CAPITAL_O = re.compile(r"(?<![\w'’])O(?![\w'’])")
_COUNTS = re.compile(r"\b(?:dos|tres|cuatro|cinco|seis|siete|two|three|four|five|six|seven|[2-7]) "
                     r"(?:letras|numeros|digitos|letters|numbers|digits)\b")
_DURATION = re.compile(r"\b(?:\w+ )?(?:\w+|\d+) (?:minutos|minuto|segundos|segundo|horas|hora|minutes|minute|"
                       r"seconds|second|hours|hour|mins|min|secs|sec)\b")
_TALK = re.compile(r"\b(?:a ver|ahi te va|ahi va|ahi le va|te digo|fijate que|ya ves|la verdad|es que|"
                   r"dejame ver|deja ver|deja lo busco|dejame lo busco|let me see|let me check|here it is|"
                   r"here you go|are you ready|you ready|ready|write this down|got it|sure thing|"
                   r"so basically|alright|okay so)\b")
_CAPS_TOKEN = re.compile(r"[A-ZÑ0-9]+(?:-[A-ZÑ0-9]+)*")
_ALPHA_RUN = re.compile(r"[A-ZÑ]{2,}")
# a letter name, its "de" and the key word run together ("adeavion", "erederaton"); longer names are
# tried first, so "erederaton" is erre-de-ratón rather than e-re-deratón
# A bare consonant is a name the recognizer cut to its letter ("gregato": ge de gato).
_GLUED_NAMES = sorted("a be ce se de e efe ge hache i jota ka ele eme ene o pe cu erre ere ese te u ve uve "
                      "ube equis zeta b c d f g j k l m n p r s t v x z".split(), key=len, reverse=True)
# (the "de" may be heard as a nasal, as elsewhere: "tenetoro" for te de Toro, or as an l: "teletoro",
# "aleacapulco" for a de Acapulco, in Spanish only)
_GLUED_KEY = re.compile(rf"^({'|'.join(_GLUED_NAMES)})(de|di|re|ve|be|ne|me|le)([a-zñ]{{3,}})$")


def _names(lang: str) -> dict[str, str]:
    return _EN_NAMES if is_english(lang) else _ES_NAMES


def _mended_name(token: str, names: dict[str, str]) -> str | None:
    """A letter name as the recognizer mangles it: an h put in front ("heme", "herre"), a consonant
    doubled ("jotta", "zetta", "effe"), or one of the spellings listed with the names."""
    if len(token) < 3 or not token.isalpha():
        return None
    if token[0] == "h" and token[1:] in names and len(token) > 3:
        return names[token[1:]]
    single = re.sub(r"([b-df-hj-np-qs-z])\1", r"\1", token)
    if single != token and single in names and len(single) > 1:
        return names[single]
    return None


def _letter_of(token: str, lang: str) -> str | None:
    """The letter a single token names, if it is a letter name or a lone letter."""
    if token in ("doubleu",):
        return "W"
    if token in ("xray",):
        return "X"
    got = _names(lang).get(token) or _mended_name(token, _names(lang))
    if got is None and not is_english(lang) and token[:2] in ("ae", "ee") and len(token) >= 4:
        got = _ES_NAMES.get(token[1:])  # "aene", "eere": an e-name with a vowel heard before it
    if got is None and len(token) == 1 and token.isalpha():
        got = token.upper()
    if got is None and not is_english(lang):
        # a Spanish caller may still use an English-looking single letter name ("zee" is rare)
        return None
    return "N" if got == "Ñ" else got


def _key_letter(word: str) -> str:
    first = word[0]
    if first == "j" and _y_written_j(word):
        return "Y"
    return "N" if first == "ñ" else first.upper()


@lru_cache(maxsize=512)
def _y_written_j(word: str) -> bool:
    """ "Jolanda", "Jucatan": the Mexican y of a Y's key word (Yolanda, Yucatán) written as a j, as
    Whisper writes it ("ye de Yolanda" heard "Gede Jolanda"): no name nor state as heard, one with y."""
    from daisy.understanding import name_lexicon  # (it builds on this module)

    with_y = "y" + word[1:]
    return len(word) > 3 and not name_lexicon.known(word) and word not in _STATE_WORDS and (
        with_y in _STATE_WORDS or name_lexicon.given(with_y))


def _caps_words(text: str) -> set[str]:
    """Runs of capitals the recognizer wrote as a plate ("MNA-14" -> {"mna"})."""
    if sum(1 for ch in text if ch.islower()) == 0 and len(text.split()) > 3:
        return set()  # a shouted sentence, not a plate
    out: set[str] = set()
    for m in _CAPS_TOKEN.finditer(text):
        for run in _ALPHA_RUN.findall(m.group(0)):
            low = run.lower()
            if low not in _FILLER and low not in _ES_NAMES and low not in _EN_NAMES and \
                    low not in word_table("es") and low not in word_table("en"):
                out.add(low)
    return out


def _is_keyword(word: str, lang: str) -> bool:
    return (
        len(word) >= 3
        and word.isalpha()
        and word not in _FUNCTION_WORDS
        and word not in _names(lang)
        and word not in word_table(lang)
        and word not in _PAIR_WORDS
        and _mended_name(word, _names(lang)) is None  # "pe be heme" is P, B, M: "heme" names a letter
    )


def _letter_heard_as_digit(words: list[str], i: int, nums: dict[int, Num], lang: str) -> int:
    """A one-word number with a key word after it ("siete de Sol", "tres de Tomate"): no one gives a
    digit a key word, so it was a letter's name (ese, te) that the recognizer wrote as a number. Also
    with the "de" swallowed, before a key word that starts as the number does ("tres tomate" for "te
    de Tomate"). The words it takes (0: none)."""
    num = nums.get(i)
    if num is None or num.end != i + 1 or words[i].isdigit():
        return 0
    if i + 2 < len(words) and words[i + 1] == "de" and _is_keyword(words[i + 2], lang):
        return 3
    key = words[i + 1] if i + 1 < len(words) else ""
    # (in Spanish "ce" sounds as the s of "siete" and "seis": "siete coches" for "ce de Coche"; a key
    # word of a hard c only, as "cierra" and "cilto" are Sierra and "cinco" bent)
    alike = key[:1] == words[i][:1] or not is_english(lang) and words[i][:1] == "s" \
        and key[:1] == "c" and key[1:2] in ("a", "o", "u", "l", "r")
    # (not a NATO word: it is said alone, no "de" before it: "cinco, Charlie, November" is 5CN)
    return 2 if len(key) > 3 and alike and _is_keyword(key, lang) and not _a_number_word_bent(key) \
        and key not in _NATO else 0


_ES_NUMBER_WORDS = frozenset(es_mx_words.UNITS) | frozenset(es_mx_words.TEENS) | frozenset(es_mx_words.TENS)


def _a_number_word_bent(word: str) -> bool:
    """ "veis" (seis): a Spanish number word with one letter changed, no key word."""
    from rapidfuzz.distance import Levenshtein

    return any(Levenshtein.distance(word, n) <= 1 for n in _ES_NUMBER_WORDS)


def _e_with_its_de_bent(words: list[str], i: int, lang: str) -> bool:
    """ "ele escuela": e de Escuela, its "de" heard as the l of another letter's name; or as the
    article "el" before a key word no "el" goes with, one ending in a ("el escuela", "el ensinada";
    not "el económico", "el estado"), or a given name ("el enrique cinco uno cinco": no one calls
    a fleet number by a person)."""
    if i + 1 >= len(words) or words[i + 1][:1] != "e":
        return False
    w, key = words[i], words[i + 1]
    article = w == "el" and len(key) > 4 and (key.endswith("a") or _given_name(key))
    return (w in _E_NAMES or article) and _is_keyword(key, lang) and key not in _NATO


def _given_name(word: str) -> bool:
    from daisy.understanding import name_lexicon  # (it builds on this module)

    return name_lexicon.given(word)


# Words that never serve as the key word of "X de <palabra>"
_FUNCTION_WORDS = {
    "las", "los", "del", "que", "con", "por", "para", "una", "uno", "este", "esta", "esto", "ese", "esa",
    "eso", "guion", "numero", "numeros", "letra", "letras", "placa", "placas", "sus", "tus", "mis",
    "the", "and", "that", "this", "its", "dash", "letter", "number", "plate", "plates", "digitos",
    "tractor", "caja", "remolque", "trailer", "camion", "unidad", "troca", "economico", "mayuscula",
    "minuscula", "ahi", "aqui", "todo",
    "estos", "estas", "esos", "esas", "ellos", "ellas", "entonces",
}
# Spanish words a key word heard in two may start with ("del fin": Delfín, "la guna": Laguna)
_KEY_WORD_STARTS = frozenset({"del", "el", "la", "las", "los", "al"})
# Short letter names that are also words: "de dónde" is not "D de Dónde"
_NO_SAME_INITIAL = {"de", "te", "se", "a", "e", "o", "u", "i", "y", "me"}
# Spanish letter names the recognizer does not confuse with another letter's, in every way it writes
# them ("equis", "seta", "hota", "ku"…): when the key word after one starts otherwise ("equis de
# Xalapa" heard "equis de salapa"), the name decides.
_CLEAR_NAMES = frozenset(
    {w for w, letter in _ES_NAMES.items() if letter in "XJZHQW" and len(w) > 1} | {"igriega", "ygriega"}
)
_PAIR_WORDS = {"griega", "doble", "double", "latina"}
# Names of letters other than E that start with its sound: before a key word of E they are "e de"
_E_NAMES = {w for w, letter in _ES_NAMES.items() if w.startswith("e") and letter != "E" and len(w) > 2}
# The last vowel of a Spanish key word the recognizer wrote apart ("llego a" for Yegua, "gai o" for Gallo)
_WORD_ENDS = {"a", "o"}
# A synthetic or hurried "de" the recognizer writes as a nasal syllable ("te me Toluca", "eme ene
# Monte", "el ene rosa"): before a key word it is the "de" unless the key word is its own (M, N).
_DE_AS_NASAL = {"me", "ne", "eme", "ene"}
# Letters Mexican Spanish says alike, as a key word's first letter may show (seseo, b/v, j/g, y/ll)
_SOUNDS_ALIKE = {"S": "SZC", "Z": "ZSC", "C": "CSZK", "B": "BV", "V": "VB", "J": "JG", "G": "GJ",
                 "Y": "YLI", "K": "KCQ", "Q": "QKC", "X": "XSJ", "I": "IY"}
# Letter names no recognizer takes one for the other, of letters whose key words sound alike in Mexican
# Spanish (Sapo, zapato, cereza: one s sound): the name tells the letter, not how the key word was
# written ("ese de Sapo" heard "ese de zapo", Kokoro, made-up set 82)
_SAID_APART = {"ese": "S", "zeta": "Z"}
_KEYABLE_NUMBERS = {"uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
                    "once", "doce", "trece", "catorce", "quince", "veinte", "treinta", "cuarenta",
                    "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien", "mil", "cero"}


# W's Castilian name, "uve doble" (also heard "u ve doble"), before a key word or the next symbol;
# not before a digit ("uve, doble cero": V, 0, 0)
_UVE_DOBLE = (["uve", "doble"], ["u", "ve", "doble"], ["ube", "doble"])


def _w_key_after(words: list[str], i: int) -> bool:
    """ "de Waffle", "de Washington" at `i`: W's key word after its "de"."""
    return words[i : i + 1] == ["de"] and i + 1 < len(words) and words[i + 1].startswith("w")


def _merge_pairs(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        w_name = next((len(p) for p in _UVE_DOBLE if words[i : i + len(p)] == p), 0)
        after = words[i + w_name] if w_name and i + w_name < len(words) else ""
        # (a number after it may be "doble": "uve, doble cuatro"; not after "letra", which names one)
        if w_name and (out[-1:] == ["letra"] or not (after in word_table("es") or after.isdigit())):
            out.append("dobleu")
            i += w_name
            continue
        if words[i : i + 2] == ["u", "doble"] and (out[-1:] == ["letra"] or _w_key_after(words, i + 2)):
            # "letra u doble", "u doble de Waffle": W's name said the other way round (a letra names
            # one; so does a key word of W after its "de")
            out.append("dobleu")
            i += 2
            continue
        if i + 1 < len(words) and (words[i], words[i + 1]) in _PAIRS:
            out.append(_PAIRS[(words[i], words[i + 1])])
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


def _is_letter_prefix(word: str) -> bool:
    """A letter name glued to a damaged "de": "ave" (a-ve), "bebe" (be-be), "ede"."""
    for conn in ("de", "ve", "be", "re"):
        if word.endswith(conn) and word[: -len(conn)] in _ES_NAMES:
            return True
    half = len(word) // 2
    # "kaka kiosko", "ee ensenada": the name said twice
    return len(word) % 2 == 0 and word[:half] == word[half:] and word[:half] in _ES_NAMES


# "D de Dado" heard without its "de": a letter name that is also a word ("de", "te", "se") followed by
# a key word with its initial. Counted when the recognizer capitalized the letter mid-sentence ("Son De
# Durango", "Litra ye De Daniel") or when the pair is a piece of its own ("De dado", "Te Tampico,").
_DROPPED_DE = re.compile(
    r"(?:(?<=[\w,] )(?P<mid>De|Te|Se)|(?:^|(?<=[,.;:!] ))(?P<own>[DdTtSs]e|[AaEeOoUu]))\s+"
    r"(?P<key>[^\W\d_]{3,})(?P<end>(?=\s*(?:[,.;:!]|$)))?"
)
# "be de Bota" / "ve de Barco" run together into the everyday word "verde" ("verde bota"): before a key
# word of a B or a V it is the letter's name and its "de" (the key word then says which)
_GREEN_FOR_BE_DE = re.compile(r"\b[BbVv]erde (?=[BbVv][^\W\d_]{2,})")
_STATES = (
    "aguascalientes|baja california sur|baja california|campeche|chiapas|chihuahua|coahuila|colima|durango|"
    "guanajuato|guerrero|hidalgo|jalisco|mexico|michoacan|morelos|nayarit|nuevo leon|oaxaca|puebla|queretaro|"
    "quintana roo|san luis potosi|san luis|sinaloa|sonora|tabasco|tamaulipas|tlaxcala|veracruz|yucatan|"
    "zacatecas|cdmx|ciudad de mexico|la ciudad de mexico|distrito federal|texas|california|arizona|"
    "nuevo mexico|new mexico|illinois|florida|georgia"
)
_STATE_WORDS = frozenset(w for w in _STATES.split("|") if " " not in w)
_REPEAT_WORD = {"dos": "doble", "two": "double", "twice": "double", "tres": "triple", "three": "triple",
                "thrice": "triple"}
_TIMES_BEFORE = re.compile(r"\b(dos|tres|two|three) (?:veces|times) (?:la |el |the |letra |letter )?"
                           r"|\b(twice) ")
# "Tango three times two": espeak-ng's "three five two" as Whisper base writes it ("time(s)" for five, as
# among digits elsewhere); a caller repeating a symbol says "two three times" or "double two"
_FIVE_BETWEEN_DIGITS = re.compile(r"\b(two|three) times "
                                  r"(?=(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|\d)\b)")
_TIMES_AFTER = re.compile(r"\b([a-z]+|\d) (dos|tres|two|three)(?: veces| times)\b|\b([a-z]+|\d) (twice)\b")
_MULTI_STATES = ("baja california sur|baja california|nuevo leon|quintana roo|san luis potosi|"
                 "ciudad de mexico|la ciudad de mexico|distrito federal|nuevo mexico")
# "las placas son del estado de Nuevo León", "plates from the state of Texas", "son de Nuevo León"
_STATE = re.compile(
    rf"\b(?:(?:del|de|en el|en) )?estado(?: de)?(?: (?:{_STATES}))?\b"
    rf"|\b(?:from )?(?:the )?state of(?: (?:{_STATES}))?\b"
    rf"|\b(?:son|es|from|placas|placa|plates) (?:de |del )?(?:{_STATES})(?= *(?:[,.;:]|$))"
    rf"|\b(?:son|es|placas|placa) de (?:{_MULTI_STATES})\b"
)
_NOT_KEYS = set("""
donde dia dias tarde tardes todo toda todos todas tanto tantito tiempo tardas tardaste tardo toca tengo
tienes traigo dije digo dices dicho decir deja dejame debo debe siento sigo sirve ser sea seguro sale
otra otro otros otras ahi aqui eso esa ese esto esta este esas esos unas unos uno una ella ellos alla
ayer ahorita aca adelante oiga oye orale entonces
""".split())


def _dropped_de(m: re.Match[str]) -> str:
    letter = (m.group("mid") or m.group("own")).lower()
    key = m.group("key")
    plain = strip_accents(key.lower())
    initials = {"de": "d", "te": "t", "se": "c"}.get(letter, letter)
    before = m.string[: m.start()].split()
    if before and _ES_NAMES.get(strip_accents(before[-1].lower())) == _ES_NAMES.get(letter):
        return m.group(0)  # "Te Te Toluca": the letter, then its own name where "de" was said
    if plain[0] not in initials or plain in _NOT_KEYS or plain in _ES_NAMES or plain in word_table("es") \
            or m.group("own") and m.group("end") is None:
        return m.group(0)
    return f"letra {key}"


def _plural_noun(word: str) -> bool:
    """An English word that reads as a plural noun ("trades", "places"), not a spelled letter."""
    return len(word) >= 4 and word.isalpha() and word.endswith("s") and word not in _NATO \
        and word[:-1] not in _NATO


def _mark_capitals(text: str, english: bool) -> str:
    """A capital "Y" (Spanish) or "O" (English) standing alone is the letter the recognizer heard."""
    if english:
        return _CAPITAL_O.sub(" oscar ", text)
    return _CAPITAL_Y.sub(" ygriega ", text)


def symbols(text: str, lang: str, strict: bool = False) -> str:
    """The letters and digits spelled in ``text``; ``strict`` keeps only clearly spelled letters."""
    if not isinstance(text, str) or not text.strip():
        return ""
    english = is_english(lang)
    caps = _caps_words(text)
    # commas stay as tokens: "N, November" is two letters, "eme mamá" one
    # "tres letras y tres números": how many, not which (before "letras" becomes "letra")
    if not english:
        text = _DROPPED_DE.sub(_dropped_de, _GREEN_FOR_BE_DE.sub("ve de ", text))
    marked = _COUNTS.sub(" ", strip_accents(_mark_capitals(text, english).lower()))
    marked = _STATE.sub(" ", marked)  # "son del estado de Nuevo León": where from, not which symbols
    if english:
        marked = _FIVE_BETWEEN_DIGITS.sub(r"\1 five ", marked)
    if "vec" in marked or "twice" in marked or "times" in marked:  # "dos veces la ele": "doble ele"
        marked = _TIMES_BEFORE.sub(lambda m: _REPEAT_WORD[m.group(1) or m.group(2)] + " ", marked)
        marked = _TIMES_AFTER.sub(
            lambda m: f"{_REPEAT_WORD[m.group(2) or m.group(4)]} {m.group(1) or m.group(3)}", marked)
    marked = _DURATION.sub(" ", marked)  # "dame dos minutos": a wait, not a number
    marked = _TALK.sub(" ", marked)  # "a ver", "ahí te va": talk around the symbols
    norm = normalize(marked, keep=",").replace(",", " , ")
    # "Uniforms, Lima": a NATO word with a stray plural s is still that word
    words = _merge_pairs([w[:-1] if w.endswith("s") and w[:-1] in _NATO else w for w in norm.split()])
    if not english:
        words = _a_run_into_letra(_name_bent_after_letra(_d_for_de(_bv_name_bent(words))))
        words = _rejoined(_r_named(_k_keys(_guion_unglued(words))))
        words = _nato_heard_in_spanish(_digits_bent_among_digits(_and_heard_as_i(words)))
    else:
        words = _letter_bent_before_key(_eff_spelled_out(_n_heard_as_and(words)))
        words = _letter_lost_before_key(_connector_bent(words))
    if not words:
        return ""
    names = _names(lang)
    connectors = _KEY_CONNECTORS_EN if english else _KEY_CONNECTORS_ES
    table = word_table(lang)
    num_words = list(words)
    if english:
        # a run of "oh"s touching a number is zeros ("three oh oh"); elsewhere "oh" is the letter O
        for i, w in enumerate(words):
            if w in ("o", "oh"):
                num_words[i] = "letter_o"
        changed = True
        while changed:
            changed = False
            for i, w in enumerate(num_words):
                if w != "letter_o":
                    continue
                near = [num_words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
                pair = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words)]
                if any(x.isdigit() or x in table or x in ("double", "triple") for x in near) \
                        or w == "letter_o" and words[i] == "oh" and "oh" in pair:  # "oh oh": zeros
                    num_words[i] = words[i]
                    changed = True
    if english:
        _homophone_digits(num_words, table)
        # "oh, Y as in yellow, Delta": a caller who keys their letters says a bare "oh" for zero
        keyed = any(w in _NATO for w in words) or any(
            w in ("as", "like") and nxt not in ("a", "an", "the")
            for w, nxt in zip(words, words[1:], strict=False))
        if keyed:
            for k, w in enumerate(words):
                nxt = words[k + 1] if k + 1 < len(words) else ""
                if w == "oh" and num_words[k] == "letter_o" and nxt not in connectors:
                    num_words[k] = "oh"
    nums = {n.start: n for n in find_numbers(num_words, lang)}
    out: list[str] = []
    kinds: list[str] = []  # "L", "L!" (clearly a letter) or "D" per emitted piece
    spans: list[tuple[int, int]] = []  # the words each piece came from
    i = 0
    n = len(words)
    at = 0
    noise = 0

    keyed: list[bool] = []  # the piece came with its key word ("ge de gato")

    def emit(sym: str, kind: str, with_key: bool = False) -> None:
        if with_key and out and out[-1] == sym and not keyed[-1] and kinds[-1] != "D" \
                and all(w in (",", "o", "or") for w in words[spans[-1][1]:at]):
            # "la ge, ge de gato": the letter named, then said again with its key word, is one letter
            out.pop(), kinds.pop(), spans.pop(), keyed.pop()
        out.append(sym)
        kinds.append(kind)
        spans.append((at, i))
        keyed.append(with_key)

    while i < n:
        w = words[i]
        at = i
        # "letra X" / "letter X": whatever follows is a letter
        if w in ("letra", "letter") and i + 1 < n:
            nxt = words[i + 1]
            if nxt in ("letra", "letter"):
                i += 1  # "letra, letra eme": the first one's letter was lost
                continue
            letter = _letter_of(nxt, lang) or _letter_of(nxt, "es") or _letter_of(nxt, "en")
            if nxt in ("double", "doble"):
                after = words[i + 2] if i + 2 < n else ""
                if after and after not in ("letra", "letter") and i + 2 not in nums \
                        and _letter_of(after, lang) is not None:
                    i += 1  # "letter double L": the letter twice
                    continue
                letter = "W"  # "letter double, letter F": W's name with its "u" lost (never a D)
            if letter is None and nxt.isalpha() and nxt not in _FILLER and nxt not in table:
                letter = _key_letter(nxt)
            if letter is not None:
                i = _after_letter(words, i + 2, lang, connectors)
                letter, i = _bv_modifier(words, i, letter)
                before = i
                letter, i = _maybe_key(words, i, letter, lang, connectors)
                emit(letter, "L!", with_key=i != before)
                continue
            i += 1
            continue
        if not english and (taken := _letter_heard_as_digit(words, i, nums, lang)):
            i += taken  # "siete de Sol": ese de Sol, the letter's name heard as a number's
            emit(_key_letter(words[i - 1]), "L!", with_key=True)
            continue
        if i in nums and num_words[i] != "letter_o":
            num = nums[i]
            i = num.end
            emit(num.digits, "D")
            continue
        if w in ("doble", "double", "triple") and i + 1 < n and num_words[i + 1] not in table:
            twin = _letter_of(words[i + 1], lang)
            if twin is not None and words[i + 1] not in _FILLER:
                i += 2  # "doble ele", "double A": the letter twice (doble u / double u are W above)
                emit(twin * (3 if w == "triple" else 2), "L!")
                continue
        if w in caps:
            i += 1
            for ch in w:
                emit("N" if ch == "ñ" else ch.upper(), "L!")
            continue
        glued = _GLUED_KEY.match(w)
        if glued and english and glued.group(2) == "le":
            glued = None
        if glued and glued.group(3)[0] == _ES_NAMES.get(glued.group(1), glued.group(1)).lower()[:1]:
            i += 1
            emit(_key_letter(glued.group(3)), "L!")
            continue
        if glued and not english and _vowel_run_into_de(glued):
            i += 1
            emit(glued.group(1).upper(), "L!")
            continue
        cut_short = None if english else _cut_name_with_key(words, i)
        if cut_short:
            letter, i = cut_short
            emit(letter, "L!", with_key=True)
            continue
        if w in _NATO:
            key, i = _maybe_key(words, i + 1, _key_letter(w), lang, connectors)
            emit(key, "L!")
            continue
        if w == "y" and not english and _y_is_letter(words, i):
            key, i = _maybe_key(words, i + 1, "Y", lang, connectors)
            emit(key, "L!")
            continue
        if not english and _e_with_its_de_bent(words, i, lang):
            i += 2
            emit("E", "L!", with_key=True)
            continue
        letter = _letter_of(w, lang)
        cue = i > 0 and words[i - 1] in _PRONOUN_CUES and not (i > 1 and words[i - 2] == "letra")
        if not english and w in _PRONOUN_LIKE and (cue or i + 1 < n and words[i + 1] in _PRONOUN_NEXT) \
                and not _spelled_next(words, i + 1, lang, nums):
            letter = None  # "no sé", "ya te lo di": words, not letters (but "se te ka" is spelling)
        if english and w in ("are", "arr", "is", "you", "r") and i > 0 and (
                words[i - 1] in _VERB_BEFORE or i == 1 and _plural_noun(words[0])):
            i += 1  # "my plates are ...", "they are ...", "Trades are" (plates bent by the line)
            continue
        if letter is not None and not (w == "y" and not english):
            if w == "de" and not english and _de_is_preposition(words, i):
                i += 1
                continue
            if w == "de" and not english and i + 1 < n and _is_keyword(words[i + 1], lang) \
                    and _key_letter(words[i + 1]) != "D" and words[i + 1] not in _NATO:
                # "…, de Enrique, en el de Naranja": the letter's name was lost before its "de"
                i += 2
                emit(_key_letter(words[i - 1]), "L!", with_key=True)
                continue
            j0 = _after_letter(words, i + 1, lang, connectors)
            letter, j = _bv_modifier(words, j0, letter)
            # "be grande" is complete: a NATO word after it is the next letter
            key, j2 = _maybe_key(words, j, letter, lang, connectors, nato_key=len(w) > 1 and j == j0)
            if not english and (w in _CLEAR_NAMES or letter == "H" and key in "AEIOU"
                                or w == "x" and j2 != j and _x_sound(words[j2 - 1])):
                # "equis de Salapa": Xalapa said, the key word bent; the name is clear (also written
                # "X": the recognizer writes it for "equis" only, and the key words of X in Mexico,
                # Xalapa, Xilófono, Xóchitl, start with the s or j sound: "X de Salapa", "x de
                # cilofono"). And H's key word heard without its silent h ("h de otel") is still H's.
                key = letter
            if j != j0 and key in ("B", "V"):
                key = letter  # "be grande de verco": the size tells B from V; the key word's b or v is the
                # recognizer's guess between two letters that sound the same
            explicit = j2 != j or (w not in (_AMBIGUOUS_EN if english else _AMBIGUOUS_ES))
            i = j2
            emit(key, "L!" if explicit else "L", with_key=j2 != j)
            continue
        # "<palabra> de <palabra>" and damaged "Bebe burro" / "Ave águila" / "kaka kiosko"
        if w.isalpha() and w not in _FILLER and i + 1 < n:
            # ("be grande", "ve chica" are a letter and its size, never "de Grande": "e de Enrique, be
            # grande" heard "el enrique be grande" had read G)
            bv_named = i + 2 < n and words[i + 1] in ("be", "ve") and words[i + 2] in _B_MODS | _V_MODS
            if words[i + 1] in connectors and i + 2 < n and _is_keyword(words[i + 2], lang) and not bv_named:
                i += 3
                emit(_key_letter(words[i - 1]), "L!", with_key=True)
                continue
            nxt = words[i + 1]
            keyable = _is_keyword(nxt, lang) or nxt in _KEYABLE_NUMBERS and nxt[0] == w[0]
            if not english and _is_letter_prefix(w) and keyable:
                i += 2
                emit(_key_letter(words[i - 1]), "L!", with_key=True)
                continue
        # a written run of consonants ("mnx") is a piece of plate, not a word
        if 2 <= len(w) <= 4 and w.isalpha() and not (set(w) & _VOWELS) and w not in _FILLER \
                and w not in names:
            i += 1
            for ch in w:
                emit("N" if ch == "ñ" else ch.upper(), "L!")
            continue
        # a short unknown run written in lowercase beside digits ("abc 123") is the plate's letters
        if 2 <= len(w) <= 3 and w.isalpha() and w not in _FILLER and w not in _SHORT_WORDS \
                and w not in names and (i + 1 in nums or i - 1 >= 0 and words[i - 1].isdigit()):
            i += 1
            for ch in w:
                emit("N" if ch == "ñ" else ch.upper(), "L!")
            continue
        if w not in _FILLER and w != ",":
            noise += 1
        i += 1
    if noise and out and all(kind == "L" for kind in kinds):
        return ""  # only word-like letter names inside a sentence: not spelling
    if noise >= 2 and ("?" in text or "¿" in text):
        return ""  # a question ("¿De dónde me hablas?") is not a piece of plate
    if strict:
        out = _keep_clear(out, kinds, spans, words)
    return "".join(out)


# (with an h the recognizer put in front: "herede" for "erre de")
_GLUED_NAME_LIST = "be|de|efe|ge|jota|ka|ele|eme|ene|pe|erre|ere|ese|te|ve|uve|ube|equis|zeta"
_GLUED_NAMES = rf"^h?({_GLUED_NAME_LIST})"
_NAME_GLUED_TO_DE = re.compile(_GLUED_NAMES + r"(?:de|re)$")
# ...and its "de" heard "da" ("Hereda Rancho"): only before a key word of that letter, as "Hereda" may
# also be the surname Heredia bent
_NAME_GLUED_TO_DA = re.compile(_GLUED_NAMES + r"da$")
# ...and its "de" heard as a nasal, as between words ("vene perro", "kane koala": espeak-ng's "pe de
# Perro", "ka de Koala"); only before a key word, which decides the letter
# (here also C's and S's names, whose "se de"/"ce de" would read as "sede", "cede"; and C's heard with
# an f: "Féne Carmen" for ce de Carmen, espeak-ng, made-up set 54)
_NAME_GLUED_TO_NASAL = re.compile(rf"^h?({_GLUED_NAME_LIST}|ce|se|fe)(?:ne|me)$")
# ...and heard "te" ("sete coches" for ce de Coche, Kokoro, made-up set 67): only before a key word of
# that letter, as "vete" and "pete" are words too
_NAME_GLUED_TO_TE = re.compile(rf"^h?({_GLUED_NAME_LIST}|ce|se)te$")


def glued_name_and_de(word: str) -> bool:
    """ "Bede", "Heredé": a letter name and its "de" heard as one word (the key word comes next)."""
    return bool(_NAME_GLUED_TO_DE.match(strip_accents(word.lower())))


# ...and glued to its key word too ("tedetoro", "heredratón"): only when the key word starts with the letter
_NAME_GLUED_TO_KEY = re.compile(_GLUED_NAMES + r"de?([a-z]{3,})$")
# D's name and the "de" after it sound alike: Whisper writes one ("dedado": de de Dado)
_D_RUN_INTO_KEY = re.compile(r"^de(d[a-z]{2,})$")
_VOWEL_DE_VOWEL = re.compile(r"^([aeiou])de\1$")
# ...or the key word's first vowel and the consonant after it ("Eden Senada": e de Ensenada, Kokoro, made-up
# sets 80 and 81): the vowel said twice is heard once, the consonant stays with the "de"
_VOWEL_DE_ITS_CONSONANT = re.compile(r"^([aeiou])de([lmnrs])$")
_TE_DE_HEARD = re.compile(r"^tre[tvdrn]e$")
# ...and run into its key word too ("tredetaco": te de Taco, Kokoro, made-up set 83)
_TE_DE_KEY_HEARD = re.compile(r"^tre[tdr]e(t[a-zñ]{2,})$")
# R's name as Whisper base writes Kokoro's Spanish "erre" (with an h, or as "era"): it keeps the R that
# the key word after it loses or bends ("era del ancho", "here de gancho", "era delatón" for erre de
# Rancho / Ratón; 5 of 5 such on made-up sets 13-28 were R, while the key word wins other conflicts)
_R_NAMES = frozenset({"erre", "ere", "here", "herre", "era", "hera"})
# ...but Kokoro's "e de" comes out as those too ("Era de Escuela", "here ensenada", "era estrella"): before
# a key word of E (one that starts with e) the bent ones are E's name and its "de". On the heard Spanish
# answers of made-up sets 13-39, 8 such, each an E said; none of the R's key words so bent starts with e
# (they lose their r: "era del ancho", "era delatón").
_E_HEARD_AS_R = frozenset({"here", "era", "hera"})
# the words that name what is spelled: after them "de" is a preposition and "era" a verb
_FIELD_NOUNS = frozenset({"placas", "placa", "numero", "numeros", "letras", "digitos", "tractor", "caja",
                          "remolque"})


def _e_key_after(nxt: str, after: str) -> str | None:
    """The key word of E after a name heard as R's, with or without its "de" ("era de escuela", "here
    ensenada"); None if what follows is none."""
    key = after if nxt in ("de", "del") else nxt
    return key if len(key) >= 4 and key.isalpha() and key.startswith("e") and key not in _FUNCTION_WORDS \
        else None


def _r_named(words: list[str]) -> list[str]:
    """R named before a key word that does not start with r: R, the key word dropped. Not the verb
    after what it tells of ("la placa era de Jalisco"). (E's name and its "de" heard as R's name, or
    as "en", before a key word of E: E.)"""
    out: list[str] = []
    i = 0
    while i < len(words):
        w, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        if w == "era" and out and out[-1] in _FIELD_NOUNS:
            out.append(w)
            i += 1
        elif w in _E_HEARD_AS_R and (key := _e_key_after(nxt, after)):
            out.extend(["e", "de", key])
            i += 3 if nxt in ("de", "del") else 2
        elif w == "en" and nxt not in ("de", "del") and (key := _e_key_after(nxt, after)) \
                and _is_keyword(key, "es") and not key.startswith("ede"):
            # espeak-ng's "e de Escuela" heard "en esuela" (but "en edenayari" is N's name and the "de"
            # of Nayarit glued to it)
            out.extend(["e", "de", key])
            i += 2
        elif w in _R_NAMES and nxt in ("de", "del") and len(after) >= 3 and after.isalpha() \
                and not after.startswith("r"):
            out.append("erre")
            i += 3
        elif w in _R_NAMES and len(nxt) >= 5 and nxt.startswith("del") and nxt[3:4] != "r":
            out.append("erre")  # "era delatón": the "de" glued to the key word
            i += 2
        else:
            out.append(w)
            i += 1
    return out


# The tail of a letter name that starts with "e", as the recognizer writes it when the name before
# ends in "e" too and the two vowels run together ("ene eme" → "ene me"); "se" stays C.
_NAME_TAILS = {"me", "ne", "le", "fe", "rre", "re"}
# Letter names less their last e ("es" for ese), heard before an "ele" that is their "de" bent
_NAMES_LESS_E = frozenset({"es", "ef", "el", "em", "en", "er"})


# "guion" run into the symbol after it ("quionciera" for guion Sierra, "guionte de toluka",
# "guionuno"): no Spanish word starts so, and the dash is only a separator
_GUION_GLUED = re.compile(r"^(?:gu|q|qu|g)i?on(?=[a-z]{2,}$)")


def _guion_unglued(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        m = _GUION_GLUED.match(w)
        out += ["guion", w[m.end():]] if m and w not in ("quiones", "guiones") else [w]
    return out


def _rejoined(words: list[str]) -> list[str]:
    """ "e le eme", "e rre": a letter name the recognizer cut after its first vowel is one name (only
    when the second part is no letter name itself: "e se" stays E, C). Letters are feminine in
    Spanish ("la eme"): "el" right before a letter name that is no word is "ele" cut short ("el eme"
    for "ele eme"); and a name's tail right after a name ending in "e" is that name ("ene me")."""
    out: list[str] = []
    de_next = False
    key_taken = False
    for i, w in enumerate(words):
        if de_next:  # (the "ele" of "es elé sapo")
            de_next = False
            out.append("de")
            continue
        if key_taken:
            key_taken = False
            continue
        glued = _NAME_GLUED_TO_DE.match(w)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _NAMES_LESS_E and nxt in ("ele", "le") and i + 2 < len(words) \
                and _is_keyword(words[i + 2], "es") and words[i + 2][0] == _ES_NAMES[w + "e"].lower():
            # "es elé sapo": ese de Sapo, the name's last e run into its "de" heard as an l (Kokoro)
            out.append(w + "e")
            de_next = True
            continue
        if not glued and (da := _NAME_GLUED_TO_DA.match(w)) and nxt[:1] == _ES_NAMES[da.group(1)].lower():
            glued = da
        if not glued and (te := _NAME_GLUED_TO_TE.match(w)) and _is_keyword(nxt, "es") \
                and _sounds_like(_key_letter(nxt), _ES_NAMES[te.group(1)]):
            glued = te
        if not glued and (nasal := _NAME_GLUED_TO_NASAL.match(w)) and _is_keyword(nxt, "es"):
            glued = nasal
            if nasal.group(1) == "fe":  # (no letter's name: the key word after it decides)
                out += ["efe", "de"]
                continue
        if out and out[-1] == "e" and w not in _ES_NAMES and "e" + w in _ES_NAMES and len(w) >= 2:
            out[-1] = "e" + w
        elif w == "ed" and nxt.startswith("e") and _is_keyword(nxt, "es"):
            out += ["e", "de"]  # "ed enrique": e de Enrique, the "de" cut short
        elif out and out[-1] == "de" and _lost_its_e(w):
            out.append("e" + w)  # "de streia": the key word's first e run into the "de" (Estrella)
        elif w in ("ve", "be") and out and out[-1] == "u" and (nxt == "de" or out[-2:-1] == ["letra"]):
            out[-1] = "uve"  # "u ve de Victoria", "letra u be": the name "uve" cut in two is one V
        elif w == "be" and out and out[-1] == "doble" and nxt == "de" and words[i + 2 : i + 3] \
                and words[i + 2].startswith("w"):
            out[-1] = "dobleve"  # "doble be de Walter": W's name, its v heard b (the key word says W)
        elif w in _NAME_TAILS | {"se"} and len(out) >= 2 and out[-1] in ("a", "e") and out[-2] == "letra":
            out[-1] = "e" + w  # "letra a fe": "letra efe" cut after its first vowel
        elif w == "el" and nxt in _ES_NAMES and nxt not in _NO_SAME_INITIAL and nxt != "ese":
            out.append("ele")
        elif w in _NAME_TAILS and out and len(out[-1]) > 1 and out[-1].endswith("e") \
                and out[-1] in _ES_NAMES and "e" + w in _ES_NAMES and not _de_heard_nasal(out[-1], w, nxt):
            out.append("e" + w)
        elif _TE_DE_HEARD.match(w) and nxt.startswith(("t", "r")) and _is_keyword(nxt, "es"):
            # "trete tomate", "treve toro": te de Tomate, its t heard "tr"; espeak-ng's "te de Taco, erre
            # de Rosa" heard "trene taco trene roca" (its "de" a nasal): the key word decides
            out += ["te", "de"]
        elif (key := _TE_DE_KEY_HEARD.match(w)) and _is_keyword(key.group(1), "es"):
            out += ["te", "de", key.group(1)]
        elif (key := _NAME_GLUED_TO_KEY.match(w)) and key.group(2)[0] == _ES_NAMES[key.group(1)].lower():
            out += [key.group(1), "de", key.group(2)]  # "heredratón": erre de Ratón as one word
        elif (vowel := _VOWEL_DE_VOWEL.match(w)) and _is_keyword(nxt, "es"):
            # "odeo aksaka": o de Oaxaca, the key word's first vowel run into the "de" and its rest
            # written apart (Kokoro; made-up set 59, twice)
            out += [vowel.group(1), "de", vowel.group(1) + nxt]
            key_taken = True
        elif (vowel := _VOWEL_DE_ITS_CONSONANT.match(w)) and nxt[:1] not in "aeiouhy" \
                and _is_keyword(nxt, "es"):
            out += [vowel.group(1), "de", vowel.group(1) + vowel.group(2) + nxt]
            key_taken = True
        elif (key := _D_RUN_INTO_KEY.match(w)) and _is_keyword(key.group(1), "es"):
            out += ["de", "de", key.group(1)]  # "dedado": de de Dado, one "de" written
        elif glued and len(nxt) >= 3 and (
            nxt[0] == _ES_NAMES[glued.group(1)].lower() or _is_keyword(nxt, "es")
        ):
            # "pere paco", "pede parco": "pe de Paco" run together; "dede tomate": a name and its "de"
            # before a key word (the key word decides the letter)
            out += [glued.group(1), "de"]
        else:
            out.append(w)
    return out


# Two consonants a Spanish word can start with; any other pair ("st", "sc", "ns") begins no Spanish word:
# a key word heard so lost its first vowel into the "de" before it ("e de Escuela" → "edescuela").
_ONSETS = frozenset("pl pr bl br fl fr cl cr gl gr tr dr tl kl kr ch ll rr".split())


def _lost_its_e(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and not set(word[:2]) & set("aeiouhwy") \
        and word[:2] not in _ONSETS


# A letter name cut short and run into its "de" (and its key word): "jodejaro", "edelupe", "pede".
_CUT_NAME_KEY = re.compile(r"^([a-zñ]{0,4}?)(de|re)([a-zñ]{3,})$")
_CUT_NAME_DE = re.compile(r"^([a-zñ]{1,4})(de|re)$")
# ...and a vowel's name whose "de" lost its e into the key word's own first vowel: "Adacapulco", "adávión"
# (a de Acapulco, a de Avión), "odoro". Not E's: "ede…" is ele's or ene's cut short ("en edenayari").
_VOWEL_D_KEY = re.compile(r"^([aiou])d(\1[a-zñ]{2,})$")


# A one-syllable letter name ("pe", "ge") the recognizer bent into another consonant before its "e":
# a stop for a stop ("quede pero": pe de Perro), or the Mexican "ge"/"je" sound written h ("hede
# gallo"). Only a name glued to its "de" before a key word of that letter counts (the key decides).
_STOPS = "ptkqcbdgv"
_BENT_SYLLABLE = re.compile(r"^(qu|[a-zñ])e$")


def _bent_syllable_of(prefix: str, letter: str) -> bool:
    m = _BENT_SYLLABLE.match(prefix)
    if not m:
        return False
    heard = m.group(1)[0]
    names = [name for name, named in _ES_NAMES.items() if named == letter and _BENT_SYLLABLE.match(name)]
    return any(heard in _STOPS and name[0] in _STOPS or heard in "hj" and name[0] in "gj" for name in names)


def _starts_a_name_of(prefix: str, key: str) -> bool:
    """`prefix` begins a Spanish letter name whose letter sounds like the key word's first letter:
    "jo" (jota) before "jaro", "e" (ele) before "lupe"; or is that name's syllable bent ("que" for pe
    before "pero")."""
    k = _key_letter(key)
    whole = prefix in _ES_NAMES and _sounds_like(k, _ES_NAMES[prefix])  # "ede estrella": e de Estrella
    # ...or a name's tail, its first e lost ("Lede León": ele de León)
    tail = prefix in _NAME_TAILS and "e" + prefix in _ES_NAMES and _sounds_like(k, _ES_NAMES["e" + prefix])
    # ...or a vowel's name with the h the recognizer writes before it ("hide irapuato": i de Irapuato).
    # Kokoro's "ele de Limón" comes out "hide limón" too: after "hi" the key word decides, as after I's
    # name said apart ("i de limón"); "he" is more often other names bent ("heredera ton": erre de Ratón)
    vowel = len(prefix) == 2 and prefix[0] == "h" and prefix[1] in _VOWELS and (k == prefix[1].upper()
                                                                                or prefix == "hi")
    alike = any(len(name) > 1 and name.startswith(prefix) and _sounds_like(k, letter)
                for name, letter in _ES_NAMES.items())
    return whole or tail or vowel or alike or _bent_syllable_of(prefix, k)


def _cut_name_with_key(words: list[str], i: int) -> tuple[str, int] | None:
    """ "jodejaro" (jota de Jarro), "el edelupe" (ele de Lupe), "jota dejaron" (jota de Jarro),
    "pede, parco": a letter name cut short and run into its "de", with the key word that decides the
    letter, when what is left of the name agrees with the key word. Returns the letter and the index
    after the key word."""
    w = words[i]
    glued = _CUT_NAME_KEY.match(w)
    if glued and glued.group(1) == "e" and _lost_its_e(glued.group(3)):
        return "E", i + 1  # "edestreia", "edense": e de Estrella, the key word's e run into the "de"
    vowel = _VOWEL_D_KEY.match(w)
    if vowel and _is_keyword(vowel.group(2), "es"):
        return vowel.group(1).upper(), i + 1
    if glued and _is_keyword(glued.group(3), "es"):
        prefix, key = glued.group(1), glued.group(3)
        before = _ES_NAMES.get(words[i - 1], "") if i > 0 else ""
        if prefix and _starts_a_name_of(prefix, key):
            return _key_letter(key), i + 1
        if not prefix and before and _sounds_like(_key_letter(key), before):
            return before, i + 1  # "ese decilla": the name said whole decides between S and C
    glued = _CUT_NAME_DE.match(w)
    if glued and i + 1 < len(words) and _is_keyword(words[i + 1], "es") \
            and _starts_a_name_of(glued.group(1), words[i + 1]):
        return _key_letter(words[i + 1]), i + 2
    if i + 2 < len(words) and words[i + 1] == "de" and _is_keyword(words[i + 2], "es") \
            and _bent_syllable_of(w, _key_letter(words[i + 2])):
        return _key_letter(words[i + 2]), i + 3  # "que de Puebla": the bent name kept apart from its "de"
    return None


# "ka de" run together, as the recognizer writes it ("cada cala", "cadecarla" for "ka de Karla")
_KA_DE = re.compile(r"^cad[ae]([a-zñ]{3,})?$")
# K's key words (Karla, Koala, kilo) begin with the sound Spanish also writes c or qu
_K_SOUND = re.compile(r"^(?:c(?=[aoulr])|qu(?=[ie]))")


def _k_keys(words: list[str]) -> list[str]:
    """ "cada cala", "cadecarla", "ka de cala": K's name run into its "de", and K's key word written with
    the c the recognizer hears in it, are K and its key word (the key word had decided C). "cae" alone
    is K's name heard as a verb."""
    out: list[str] = []
    for i, w in enumerate(words):
        glued = _KA_DE.match(w)
        if w == "cae" and not (i and (words[i - 1] in _DE_AS_NASAL or words[i - 1] in _KEY_CONNECTORS_ES)):
            out.append("ka")  # the verb no plate holds ("em y griega cae cinco…"); after a "de", a key word
        elif not glued:
            out.append(w)
        elif glued.group(1):
            out += ["ka", "de", glued.group(1)]
        else:  # "cada de ochenta…" for "ka, de, ochenta…": the "de" said is the one after it
            out += ["ka"] if words[i + 1 : i + 2] == ["de"] else ["ka", "de"]
    return [_K_SOUND.sub("k", w) if k > 1 and out[k - 1] == "de" and _ES_NAMES.get(out[k - 2]) == "K" else w
            for k, w in enumerate(out)]


_NATO_BY_SOUND = {es_mx_words.sounds_as(w): w for w in _NATO}


def _nato_heard_in_spanish(words: list[str]) -> list[str]:
    """Whisper writes a NATO word a Spanish caller says as the Spanish word it sounds like ("cierra"
    for Sierra, "mique" for Mike, "hecho" for Echo): among other NATO words it is that word."""
    if not any(w in _NATO for w in words) and not _two_nato_by_sound(words):
        return words
    words = [part for w in words for part in _nato_unglued(w)]
    out: list[str] = []
    for w in words:  # ...also split in two ("mi ke", "al fa")
        joined = _nato_by_sound(out[-1] + w) if out and out[-1] not in _NATO and w not in _NATO else None
        if joined:
            out[-1] = joined
        else:
            out.append(w)
    out = [w if w in _NATO else _nato_by_sound(w) or w for w in out]
    if sum(w in _NATO for w in out) < _NATO_BESIDE:
        return out
    # beside two NATO words, a word a single sound off a shorter one is that one too ("uniform alfa
    # domeo" for Romeo, "hecho azulu romeo" for Echo, Zulu): no Spanish number word is so near one;
    # a shorter word, only as the NATO word less one of its sounds ("charlie victor gof": Golf)
    out = _nato_in_three_pieces(out)
    return [_nato_one_sound_off(es_mx_words.sounds_as(w), _SHORT_NATO) or w
            if w not in _NATO and len(w) >= _SHORT_NATO + 1 else _nato_less_a_sound(w) or w for w in out]


_NATO_LONGEST_FIRST = tuple(sorted(_NATO, key=lambda w: (-len(w), w)))


def _nato_unglued(word: str) -> list[str]:
    """A NATO word run into the next one or into a "guion" ("kilomique" for Kilo, Mike; "papagion" for
    Papa, guion: Kokoro, made-up sets 65-70), as two words; any other word as it is."""
    if word in _NATO:
        return [word]
    for nato in _NATO_LONGEST_FIRST:  # ("julietttango": Juliett, then Tango)
        rest = word[len(nato):]
        if len(nato) >= 4 and word.startswith(nato) and len(rest) >= 3 \
                and (rest in _NATO or rest == "guion" or _nato_by_sound(rest)):
            return [nato, rest]
    return [word]


def _nato_in_three_pieces(words: list[str]) -> list[str]:
    """Three short words that together sound like a NATO word of five sounds or more, or one sound
    off it ("ya en que kilo hecho": Yankee, Kilo, Echo), are that word; no digit word among them."""
    out: list[str] = []
    i = 0
    while i < len(words):
        piece = words[i : i + 3]
        joined = "".join(piece)
        if len(piece) == 3 and all(len(w) <= 3 and w not in _NATO and w not in _ES_DIGIT_WORDS
                                   for w in piece):
            found = _NATO_BY_SOUND.get(es_mx_words.sounds_as(joined)) or _nato_one_sound_off(
                es_mx_words.sounds_as(joined), _SHORT_NATO + 1)
            if found:
                out.append(found)
                i += 3
                continue
        out.append(words[i])
        i += 1
    return out


def _nato_less_a_sound(word: str) -> str | None:
    """The one NATO word of four sounds or more that `word` sounds like with one of its sounds
    dropped ("gof": Golf; "hilo", its h silent: Kilo), unless `word` is a sound off a digit word
    ("cera": cero, not Sierra less its i)."""
    from rapidfuzz.distance import Levenshtein

    if word in _NATO or len(word) < _SHORT_NATO - 1:
        return None
    sound = es_mx_words.sounds_as(word)
    if any(Levenshtein.distance(sound, es_mx_words.sounds_as(d)) <= 1 for d in _ES_DIGITS):
        return None
    return _nato_one_sound_off(sound, _SHORT_NATO, dropped=True)


_NATO_BESIDE = 2
_SHORT_NATO = 4  # sounds this long or longer (Zulu's "sulu"; not "eko", which "ocho" is a sound off)


def _two_nato_by_sound(words: list[str]) -> bool:
    """Two NATO words written as Spanish sounds, next to each other or one word apart ("llanke mi ke"
    for Yankee, Mike)."""
    found = [bool(_nato_by_sound(w)) or k + 1 < len(words) and bool(_nato_by_sound(w + words[k + 1]))
             for k, w in enumerate(words)]
    return any(a and (b or c) for a, b, c in zip(found, found[1:], found[2:] + [False], strict=False))


def _nato_by_sound(word: str) -> str | None:
    """The NATO word `word` sounds like, also with the vowel a Spanish speaker adds after its last
    consonant ("uniformi", "foxtrote")."""
    found = _NATO_BY_SOUND.get(es_mx_words.sounds_as(word))
    if found is None and len(word) > 4 and word[-1] in "eio":
        found = _NATO_BY_SOUND.get(es_mx_words.sounds_as(word[:-1]))
    if found is None and len(word) > 4 and word[-1] == "e":
        found = _NATO_BY_SOUND.get(es_mx_words.sounds_as(word + "i"))  # "whiske": Whiskey's last i lost
    if found is None and len(word) >= 6:
        found = _nato_one_sound_off(es_mx_words.sounds_as(word))  # "fokstrock" for Foxtrot
    return found


def _nato_one_sound_off(sound: str, shortest: int = 6, dropped: bool = False) -> str | None:
    """The one NATO word whose sound is a single edit from `sound` (words of `shortest` sounds or more);
    `dropped`: only a NATO word `sound` is with one of its sounds dropped."""
    from rapidfuzz.distance import Levenshtein

    near = [w for key, w in _NATO_BY_SOUND.items()
            if len(key) >= shortest and Levenshtein.distance(key, sound) <= 1
            and (not dropped or len(key) == len(sound) + 1)]
    return near[0] if len(set(near)) == 1 else None


_ES_DIGITS = ("cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")
_ES_DIGIT_WORDS = set(_ES_DIGITS)
_EN_DIGIT_WORDS = {"zero", *en_us_words.UNITS, *"0123456789"}


def digit_words(lang: str) -> tuple[str, ...]:
    """The ten digit words of the language, zero to nine."""
    return ("zero", *en_us_words.UNITS) if is_english(lang) else _ES_DIGITS


# Digit words the recognizer bends among digits said one by one: "dos" heard "los"/"nos"/"do", "tres"
# its s dropped ("ocho, tre, seis"), "seis" heard "veis"
# ...and words no one puts in a plate or a fleet number, espeak-ng's nine, five, seven and two as
# Whisper base writes them (2-20 times each on made-up sets 13-23; Kokoro's nine "nove", 4 times on sets
# 62-66): digits wherever they are ("el cinto")
_NO_PLATE_WORDS = {"huele": "nueve", "cinto": "cinco", "tiete": "siete", "hueve": "nueve", "mosa": "dos",
                   "nove": "nueve"}
_BENT_DIGITS = {"los": "dos", "nos": "dos", "do": "dos", "tre": "tres", "veis": "seis", **_NO_PLATE_WORDS}
# ...of which one no Spanish word nor letter name: before a digit it is one after anything ("te de
# Taco, do, cero" for T20; made-up set 19)
_NO_WORD_BUT_A_DIGIT = {"do"}


def _digits_bent_among_digits(words: list[str]) -> list[str]:
    """ "cuatro, los, ocho": a digit word bent among digits said one by one (_BENT_DIGITS)."""
    def digit_at(k: int, step: int) -> bool:
        while 0 <= k < len(words) and words[k] == ",":
            k += step
        return 0 <= k < len(words) and words[k] in _ES_DIGIT_WORDS

    return [_BENT_DIGITS[w] if w in _NO_PLATE_WORDS or w in _BENT_DIGITS
            and (w in _NO_WORD_BUT_A_DIGIT or digit_at(i - 1, -1)) and digit_at(i + 1, 1) else w
            for i, w in enumerate(words)]


def _de_heard_nasal(name: str, heard: str, nxt: str) -> bool:
    """ "be ne Bolívar": the "de" between a letter name and its key word heard as "ne" or "me"."""
    letter = _ES_NAMES.get(name, "?")
    return heard in _DE_AS_NASAL and _is_keyword(nxt, "es") and _sounds_like(_key_letter(nxt), letter)


def _sounds_like(key: str, letter: str) -> bool:
    return key in _SOUNDS_ALIKE.get(letter, letter)


def _spelled_next(words: list[str], j: int, lang: str, nums: dict[int, object]) -> bool:
    """The word at ``j`` is a letter or a number: the caller is spelling."""
    if j >= len(words):
        return False
    nxt = words[j]
    return j in nums or nxt in _names(lang) or nxt in _NATO or len(nxt) == 1 and nxt.isalpha()


def _bv_name_bent(words: list[str]) -> list[str]:
    """ "de grande de barco", "re grande", "me chica": the "be"/"ve" before its modifier heard as another
    short word (Kokoro and espeak-ng, made-up sets 62-66). "grande", "chica" and the like say B or V
    and nothing else in a spelled value, so the word before them was its name."""
    return ["be" if i + 1 < len(words) and words[i + 1] in _B_MODS | _V_MODS and w not in ("be", "ve")
            and w.isalpha() and len(w) <= 3 and w not in _ES_DIGIT_WORDS and w not in ("y", "la", "una")
            else w for i, w in enumerate(words)]


def _bv_modifier(words: list[str], j: int, letter: str) -> tuple[str, int]:
    """ "be grande" is B, "be chica"/"ve chica" is V (the two sound the same in Spanish)."""
    if letter in ("B", "V") and j < len(words) and words[j] in _B_MODS | _V_MODS:
        return ("B" if words[j] in _B_MODS else "V"), j + 1
    return letter, j


# espeak-ng's digits as Whisper base writes them (said and heard on made-up sets 13-23; "nero",
# "heaven", "seine" on set 46 and espeak-ng subsets of 47-50, 18, 5 and 2 times): no connector
# ("F for Fox") nor key word (but after a connector a word is the key word: "E like Evan")
_PLAIN_HOMOPHONES = {"time": "five", "times": "five", "fix": "six", "evan": "seven", "famine": "seven",
                     "hive": "five", "free": "three", "nile": "nine", "wern": "one", "lerop": "zero",
                     "hyde": "five", "big": "six", "nero": "zero", "heaven": "seven", "seine": "nine"}
_HOMOPHONES = {"for": "four", "to": "two", "too": "two", "won": "one", "ate": "eight", "tree": "three",
               **_PLAIN_HOMOPHONES}


def digit_heard_as_word(word: str) -> str | None:
    """The English digit a word the recognizer wrote for it stands for ("heaven": seven), if any."""
    return _PLAIN_HOMOPHONES.get(word)


def _homophone_digits(words: list[str], table: dict[str, tuple[int, int]]) -> None:
    """ "seven for two": among digits the recognizer's "for"/"to"/"won" are four, two, one; so after a
    NATO word and before a digit ("Tango for seven three": no key word follows that "for")."""
    at = [j for j, w in enumerate(words) if w != ","]  # commas apart: "Tango, Wern, Lerop, Hive"
    seen = [words[j] for j in at]

    def is_num(k: int) -> bool:
        return 0 <= k < len(seen) and (seen[k].isdigit() or seen[k] in table and seen[k] != "letter_o")

    def after_nato(k: int) -> bool:
        return k > 0 and seen[k - 1] in _NATO and is_num(k + 1)

    def is_nato(k: int) -> bool:
        return 0 <= k < len(seen) and seen[k] in _NATO

    def before_a_break(j: int) -> bool:  # "for dash Zulu", "For, C like Charles": no key word follows
        nxt = words[j + 1] if j + 1 < len(words) else ""
        return words[j] == "for" and (nxt in ("dash", "hyphen") or j == 0 and nxt == ",")

    k = 0
    while k < len(seen):
        end = k
        while end < len(seen) and seen[end] in _HOMOPHONES:
            end += 1
        if end == k:
            k += 1
            continue
        # a run of them among digits is digits too ("nine four time time time", "four six time time
        # for four"); "time", "fix", "Evan", no connector, also beside a NATO word, and before a number
        # but after a connector ("it's time for three one" for five four three one, "Nash Evan two")
        plain = all(seen[j] in _PLAIN_HOMOPHONES for j in range(k, end))
        first = all(w in _FILLER for w in seen[:k])
        after_connector = not first and seen[k - 1] in _KEY_CONNECTORS_EN
        before = is_num(k - 1) or plain and is_nato(k - 1) \
            or seen[k] in _PLAIN_HOMOPHONES and is_num(end) and not after_connector
        after = is_num(end) or end == len(seen) or plain and is_nato(end)
        if before and after or end == k + 1 and (after_nato(k) or before_a_break(at[k])):
            for j in range(k, end):
                words[at[j]] = _HOMOPHONES[seen[j]]
        k = end


def _eff_spelled_out(words: list[str]) -> list[str]:
    """ "E F F", "EF F": F's name "eff" written out letter by letter (Kokoro, Piper; 8 of the 9 such
    runs heard on made-up sets 13-28 were one "eff" said). A plate spelled E, F, F is rarer than that."""
    out: list[str] = []
    for w in words:
        if w == "f" and out[-2:] == ["e", "f"]:
            out[-2:] = ["f"]
        elif w == "f" and out[-1:] == ["ef"]:
            out[-1] = "f"
        else:
            out.append(w)
    return out


def _letter_lost_before_key(words: list[str]) -> list[str]:
    """ "For Apple, S like Sierra", "zero three for Adam": a letter lost into its connector ("A for
    Adam" heard "For Adam", "A as in" heard "As in"), where no letter comes before it: the key word's
    first letter is put back. Not before a NATO word, which may follow a "four" ("For Victor, Bravo").
    A digit right before it that sounds like that letter was the letter ("8 like Henry": H)."""
    out: list[str] = []
    for i, w in enumerate(words):
        size = 2 if words[i : i + 2] == ["as", "in"] else 1 if w in _KEY_CONNECTORS_EN else 0
        key = words[i + size] if size and i + size < len(words) else ""
        before = out[-1] if out else ""
        lost = not before or before == "," or before.isdigit() or is_number_word(before, "en")
        if lost and key not in _NATO and not is_number_word(key, "en") and _is_keyword(key, "en"):
            if key[0] in _LETTERS_HEARD_AS_DIGIT.get(before, ""):
                out[-1] = key[0]
            else:
                out.append(key[0])
        out.append(w)
    return out


def _no_symbol_of_its_own(word: str) -> bool:
    """An English word no reading of a spelled value keeps: no letter's name, number word, digit heard
    as a word ("heaven"), NATO word or connector (those before a key word are bent ones)."""
    return word.isalpha() and word not in _NATO and word not in _EN_NAMES and word not in _KEY_CONNECTORS_EN \
        and not is_number_word(word, "en") and word not in _HOMOPHONES


def _letter_bent_before_key(words: list[str]) -> list[str]:
    """ "all as in red", "Peel like Papa", "why for Yankee": a letter's name written as an everyday
    word before its connector and key word (Kokoro, made-up set 66). The key word says which letter;
    the word is none that a reading keeps (a letter, a digit, a digit heard as a word: "heaven for
    heaven" is 747, a NATO word), nor "and", as often "as" as a letter ("V and in Papa"). A bare "in"
    (heard for "as in") only after a short word ("am in green"): after a longer one it may be a place
    ("plates in Texas")."""
    out = list(words)
    for i, w in enumerate(words[:-2]):
        size = 2 if words[i + 1 : i + 3] == ["as", "in"] else 1 if words[i + 1] in _KEY_CONNECTORS_EN else 0
        key = words[i + 1 + size] if size and i + 1 + size < len(words) else ""
        if not key or words[i + 1] == "in" and len(w) > 3:
            continue
        # (a run of consonants is letters written together: "MNF for Frank")
        if len(w) >= 2 and _no_symbol_of_its_own(w) and re.search("[aeiouy]", w) \
                and w not in ("oh", "and", "letter", "number") and key not in _HOMOPHONES \
                and not is_number_word(key, "en") and (key in _NATO or _is_keyword(key, "en")):
            out[i] = key[0]
    return out


def _connector_bent(words: list[str]) -> list[str]:
    """ "R-Ranin Robert", "F, N in Frank": the "as in" between a letter and a key word of it written
    as a word of its own (espeak-ng, made-up set 65). A letter, a word no reading keeps, and a key
    word that starts with that letter: the word is the connector, and the letter is said once."""
    out = list(words)
    for i in range(len(words) - 2):
        letter, bent, key = words[i : i + 3]
        if len(letter) == 1 and letter.isalpha() and key[:1] == letter and len(bent) >= 3 \
                and _no_symbol_of_its_own(bent) and bent not in _FUNCTION_WORDS \
                and (key in _NATO or _is_keyword(key, "en")):
            out[i + 1] = "like"
    return out


# English letter names Whisper writes as a digit ("H" → 8, "O" → 0)
_LETTERS_HEARD_AS_DIGIT = {"8": "ah", "0": "o", "9": "n", "6": "sx", "4": "f", "2": "tu"}


_N_AS_HEARD = {"and", "an", "end", "in"}


def _n_heard_as_and(words: list[str]) -> list[str]:
    """ "and like Nancy", "and as in Nora": N's name heard as "and" (Piper and espeak-ng, made-up set
    25) before its connector and a key word of N."""
    out = list(words)
    for i, w in enumerate(words):
        k = i + 2 + (words[i + 1 : i + 3] == ["as", "in"])
        if w in _N_AS_HEARD and i + 1 < len(words) and words[i + 1] in _KEY_CONNECTORS_EN \
                and k < len(words) and words[k].startswith("n") and words[k] not in word_table("en"):
            out[i] = "n"
    return out


def _d_for_de(words: list[str]) -> list[str]:
    """ "N D Nube", "T D Toro": Whisper writes the "de" between a letter and its key word as the letter
    D (Kokoro's Spanish, made-up set 42). A key word that starts with the letter before it (a number word
    too: "N D Nueve" for ene de Nube) says the D was that "de"."""
    out = list(words)
    for k in range(1, len(words) - 1):
        before, key = words[k - 1], words[k + 1]
        letter = before.upper() if len(before) == 1 and before.isalpha() else _ES_NAMES.get(before)
        if words[k] == "d" and letter and len(key) >= 3 and key.isalpha() and key not in _FUNCTION_WORDS \
                and _sounds_like(_key_letter(key), letter):
            out[k] = "de"
    return out


def _a_run_into_letra(words: list[str]) -> list[str]:
    """ "letra letra ene", "letra guion cinco": an A said after "letra" runs into its last a and is
    lost; a "letra" with no letter after it (the next word another "letra", a "guion" or a number)
    was "letra a". On the Spanish answers of made-up sets 13-41 so heard, 13 of 19 were an A (3 an E)."""
    table = word_table("es")
    out: list[str] = []
    for k, w in enumerate(words):
        out.append(w)
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w == "letra" and (nxt in ("letra", "guion") or nxt.isdigit() or nxt in table and nxt != "y"):
            out.append("a")
    return out


# A letter's name bent into a word after "letra" ("le traeste", "le traer": letra ese, letra erre, heard
# so on Kokoro's Spanish, made-up set 53); "este" is the filler too ("letra, este, eme"), so it is
# the S only when no letter follows it.
_BENT_AFTER_LETRA = {"este": "ese", "er": "erre"}


def _name_bent_after_letra(words: list[str]) -> list[str]:
    table = word_table("es")
    out = list(words)
    for k in range(1, len(words)):
        name = _BENT_AFTER_LETRA.get(words[k])
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if name and words[k - 1] == "letra" and (name == "erre" or not nxt or nxt in ("letra", "guion")
                                                 or nxt.isdigit() or nxt in table):
            out[k] = name
    return out


def _and_heard_as_i(words: list[str]) -> list[str]:
    """ "delta tango lima i 18 22": the "y" before the digits written "i". A bare "i" right before a
    number, not after "letra" or "la", is that "and": the letter I is said "letra i", "i latina" or
    "i de Iglesia" (and Mexican private plates leave it out, with O and Q, for looking like 1 and 0)."""
    table = word_table("es")
    # ...also run into the word after it: "letra g inueve y letra t", "95 iletra efe" (made-up set 40)
    words = [part for w in words for part in
             (["y", w[1:]] if w[:1] == "i" and (w[1:] in table or w[1:] == "letra") else [w])]
    out = list(words)
    for k in range(1, len(words) - 1):
        nxt = words[k + 1]
        before_number = nxt.isdigit() or nxt in table
        # ...and between a number and a NATO word ("cero uno i delta"): among NATO words I is India
        after_number = (words[k - 1].isdigit() or words[k - 1] in table) and nxt in _NATO
        # ...and before "letra" ("95 i letra efe"): a caller who says "letra" names the I so too
        before_number = before_number or nxt == "letra"
        if words[k] == "i" and words[k - 1] not in ("letra", "la") and (before_number or after_number):
            out[k] = "y"
    return out


def _y_is_letter(words: list[str], i: int) -> bool:
    """Spanish "y" is "and" unless it is clearly the letter ("la y", "letra y", "Y de Yegua")."""
    prev = words[i - 1] if i > 0 else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if prev in ("la", "letra"):
        return True
    if i == 0 and (nxt in _ES_NAMES and nxt not in _NO_SAME_INITIAL or nxt in _NATO or nxt == "letra"
                   or len(nxt) == 1 and nxt.isalpha() or _is_letter_prefix(nxt)):
        return True  # "Y erre guion 619"
    return nxt == "de" and i + 2 < len(words) and words[i + 2].startswith("y")


_JOINERS = {",", "dash", "guion", "y", "and", "-", "hyphen"}


def _keep_clear(
    out: list[str], kinds: list[str], spans: list[tuple[int, int]], words: list[str]
) -> list[str]:
    """In a fleet number, a bare ambiguous letter name counts only right next to digits or letters."""
    kept: list[str] = []
    for k, (sym, kind) in enumerate(zip(out, kinds, strict=True)):
        if kind != "L":
            kept.append(sym)
            continue
        for j in (k - 1, k + 1):
            if not 0 <= j < len(kinds) or kinds[j] not in ("D", "L!"):
                continue
            lo, hi = (spans[j][1], spans[k][0]) if j < k else (spans[k][1], spans[j][0])
            if all(w in _JOINERS for w in words[lo:hi]):
                kept.append(sym)
                break
    return kept


def _de_is_preposition(words: list[str], i: int) -> bool:
    """ "de" in "las placas de la caja" is a preposition, not the letter D."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prev = words[i - 1] if i > 0 else ""
    after = words[i + 2] if i + 2 < len(words) else ""
    if nxt == "ese" and (after in _ES_NAMES or after in word_table("es") or after.isdigit()):
        return False  # "de, ese, se, seis": letters in a row
    if prev in ("es", "son", "placas", "placa") and len(nxt) >= 4 and nxt not in _ES_NAMES \
            and nxt not in _NATO and nxt not in word_table("es"):
        return True  # "son de Jalisco": where the plates are from
    return nxt in {"la", "el", "los", "las", "mi", "su", "tu", "mis", "sus", "tus", "este", "esta",
                   "ese", "esa", "que", "nuevo", "una", "un"} or prev in _FIELD_NOUNS \
        or prev in {"vez", "antes", "despues", "lugar"}


def _x_sound(key_word: str) -> bool:
    """A key word that starts the way Mexico's X key words sound: s, j, or c before e or i."""
    return bool(re.match(r"[sjx]|c[eiéí]", key_word))


def _after_letter(words: list[str], j: int, lang: str, connectors: set[str]) -> int:
    """Skip case words after a letter ("te minúscula")."""
    while j < len(words) and words[j] in _CASE_MODS - _B_MODS - _V_MODS:
        j += 1
    return j


def _maybe_key(
    words: list[str], j: int, letter: str, lang: str, connectors: set[str], nato_key: bool = False
) -> tuple[str, int]:
    """ "X de <palabra>", "X as in <word>": the key word decides the letter.

    A word right after a letter name that starts with the same letter is a key word said without
    "de" ("eme mamá"); a NATO word counts so only after a spoken name ("hache hotel"), since after
    "letra hache", a lone "H" or another NATO word it is the next letter.
    """
    n = len(words)
    if j + 1 < n and _names(lang).get(words[j]) == letter and _is_keyword(words[j + 1], lang) \
            and _key_letter(words[j + 1]) == letter:
        return letter, j + 2  # "Te Te Toluca": the letter's own name heard where "de" was said
    if not is_english(lang) and j + 1 < n and words[j] in ("le", "ele") and letter != "L" \
            and _is_keyword(words[j + 1], lang) and _sounds_like(_key_letter(words[j + 1]), letter):
        # "te le tomate": the "de" heard as an l (and read as L's name), the key word the letter's own
        return letter, j + 2
    if not is_english(lang) and j + 1 < n and words[j] in _DE_AS_NASAL and _is_keyword(words[j + 1], lang):
        key = _key_letter(words[j + 1])
        if _sounds_like(key, letter) or words[j - 1] in _CLEAR_NAMES:
            return letter, j + 2  # "te me toluca", "be ne bolívar", "jota me caro": "de" heard as "me"/"ne"
        if key != _ES_NAMES.get(words[j]):
            # "el ene rosa" (erre de Rosa): a nasal that is no letter of its own key word is the "de",
            # and the key word decides, as after a "de" heard right
            return key, j + 2
    if not is_english(lang) and 0 < j < n and words[j - 1] in _DE_AS_NASAL and _is_keyword(words[j], lang) \
            and words[j] not in _NATO and _key_letter(words[j]) != letter \
            and (j < 2 or _names(lang).get(words[j - 2]) is None):
        return _key_letter(words[j]), j + 1  # "ene pato" (pe de Pato): the letter lost, its "de" heard
    if j < n and words[j] in connectors:
        k = j + 1
        if words[j] == "as" and k < n and words[k] in ("in", "an"):  # ("as an": "as in" bent)
            k += 1
        if k < n and words[k] in _B_MODS | _V_MODS and words[j] in ("be", "ve"):
            return letter, j  # "ka, ve chica": the next letter, not a key word
        nato_said = j > 0 and words[j - 1] in _NATO
        if k < n and words[k] in _NATO and _key_letter(words[k]) != letter and nato_said:
            # "Bravo de Charlie": three letters, a NATO word is no key for another one; but in "ele de
            # Lima" (heard "ene de lima") Lima is the Spanish key word, as any city would be, and in
            # "V for Delta" (D's name heard V) Delta is the key word
            return letter, j
        # "a de a capulco", "ene de no pal": the key word split after its first syllable ("doble ve de o
        # alter": W's key word starts with the w heard as a vowel)
        first = words[k][:1] if k < n else ""
        # (H's key word is heard without its silent h: "hache de ir algo", "hache de i dalgo")
        silent_h = letter == "H" and first in "aeiou" and not is_english(lang) \
            and words[k + 1 : k + 2] != ["de"]  # (but "hache de a de Árbol" is H, D, A)
        # (the first piece may be a word of its own: "de de del fin", Delfín)
        short = k + 1 < n and (len(words[k]) <= 2 or words[k] in _KEY_WORD_STARTS and not is_english(lang))
        split_key = short and (
            first == letter.lower() or letter == "W" and first in "ou" and not is_english(lang) or silent_h)
        if split_key and _is_keyword(words[k] + words[k + 1], lang) and words[k + 1] not in _names(lang) \
                and (len(words[k]) <= 2 or _is_keyword(words[k + 1], lang)):
            return letter, k + 2
        # ...or in three pieces ("u de u a pan", "u de uro a pan": Uruapan; a first piece of three letters
        # only before a lone vowel)
        three = not is_english(lang) and k + 2 < n and (
            split_key or len(words[k]) == 3 and first == letter.lower() and words[k + 1] in _VOWELS)
        # (but never across a "de": "ene de N. de Avión" is N, then A whose name was lost)
        if three and len(words[k + 1]) <= 2 and words[k + 1].isalpha() and words[k + 1] not in connectors \
                and _is_keyword(words[k + 2], lang) \
                and words[k + 2] not in _names(lang) and words[k + 3 : k + 4] not in (["de"], ["y"]):
            return letter, k + 3
        if k < n and (words[k] == letter.lower() or is_english(lang) and words[k] == letter.lower() * 2):
            # "N. de N.", "W for W", "C like C", "S for Ss": the key word heard as its letter alone
            return letter, k + 1
        if k < n and is_english(lang) and words[j] == "as" and len(words[k]) == 2 and words[k].isalpha() \
                and words[k][0] == letter.lower() and words[k] not in _names(lang):
            return letter, k + 1  # "S as in Sx": the key word cut short, no two more letters
        if k < n and (_is_keyword(words[k], lang) or words[k] in _NATO):
            end = k + 1
            split_before_last_vowel = (
                not is_english(lang)
                and words[k] not in _NATO
                and end + 1 < n
                and words[end] in _WORD_ENDS
                and (words[end + 1] in word_table(lang) or words[end + 1].isdigit())
            )
            if split_before_last_vowel:
                end += 1  # "i griega de llego a, ocho": the key word (Yegua) split before its last vowel
            key = _key_letter(words[k])
            if not is_english(lang) and j > 0 and _SAID_APART.get(words[j - 1]) == letter \
                    and key in _SOUNDS_ALIKE[letter]:
                return letter, end  # "ese de zapo": the name heard, the key word's s or z is not
            return key, end
        if k < n and words[k] in _KEYABLE_NUMBERS and _key_letter(words[k]) == letter:
            return letter, k + 1  # "D de dos", "ese de seis": a number word as the key word
        if k < n and is_english(lang) and words[j] in ("like", "as") and words[k] in _EN_DIGIT_WORDS:
            # "K like eight", "K as in nine", "V like one ninety seven": no one keys a letter with a
            # number; it is the key word (Kite, Van) the line bent, and the letter stands alone
            return letter, k + 1
        return letter, j
    # "eme mamá": a letter followed right away by a word that starts with it (not "de dónde")
    if j < n and not is_english(lang) and _is_keyword(words[j], lang) and _key_letter(words[j]) == letter \
            and j > 0 and words[j - 1] not in _NO_SAME_INITIAL and (nato_key or words[j] not in _NATO) \
            and not _is_letter_prefix(words[j]):
        return letter, j + 1
    return letter, j


# An English NATO word bent a letter off in a run of them ("Lima Uniform Tango Hulu" for Zulu):
# written as a name (a capital), next to a NATO word, with two or more in the answer, and the one NATO
# word of four letters or more so near ("H like Hotel": "like" is no name, nor next to one)
_BENT_NATO_BESIDE = 2
# A Spanish caller's NATO word in a plate, written by Whisper as Spanish sounds ("tres poxtro bravo
# charlie" for Foxtrot, "papa golf victorio" for Victor): in lower case, and two letters off when it
# is six letters or more. Not after "de"/"como" (a key word: "ele de Lima") nor a number word. On the
# Spanish heard answers of made-up sets 8–10: two plates so bent, each read as said; nothing else changed.
_BENT_NATO_ES_LONG = 6


def _nato_bent(text: str, lang: str) -> str:
    """Each capitalized word a letter off exactly one NATO word, beside NATO words, as that word (in a
    Spanish plate, any word not led by a key word's connector: see above). Words Whisper joined with a
    hyphen ("7-Wiskey Romeo Romeo-Dash") are words apart here."""
    english = is_english(lang)
    # the words, and the spaces and hyphens between them (X-ray's is its own)
    parts = re.split(r"(\s+|-(?![Rr]ay\b))", text)
    at = [k for k, p in enumerate(parts) if p and not re.fullmatch(r"\s+|-", p)]
    bare = [re.sub(r"[^\w-]", "", parts[k]) for k in at]
    nato = [is_nato_word(w) for w in bare]
    if sum(nato) < _BENT_NATO_BESIDE:
        return text
    from rapidfuzz.distance import Levenshtein

    connectors = set(_KEY_CONNECTORS_ES)
    for i, (k, b) in enumerate(zip(at, bare, strict=True)):
        beside = (i > 0 and nato[i - 1]) or (i + 1 < len(at) and nato[i + 1])
        if not beside or nato[i] or len(b) < 4 or not b.isalpha():
            continue
        word = strip_accents(b.lower())
        if english:
            # (a connector is no NATO word bent: "G-Like Golf" is G, not G, Mike, Golf)
            if not b[0].isupper() or word in _KEY_CONNECTORS_EN:
                continue
            most = 1
        elif (i > 0 and strip_accents(bare[i - 1].lower()) in connectors) or word in word_table("es"):
            continue
        else:
            most = 2 if len(word) >= _BENT_NATO_ES_LONG else 1
        near = {n for n in _NATO if len(n) >= 4 and Levenshtein.distance(word, n) <= most}
        if len({n[0] for n in near}) == 1:
            parts[k] = parts[k].replace(b, min(near).capitalize())
    return "".join(parts)


# An English caller's "oh" after a digit, written "O" ("J M W 6 9 7 O"), is a zero: Mexican plates never
# use the letter O (nor I or Q). And the "okay" before a spelled plate, written "O K" ("O K letter Y,
# letter V, 7166"), is no letter at all.
_OKAY_AS_LETTERS = re.compile(r"^O[.,]? ?K\b[.,]?\s+(?=\S)")


def _okay_heard_as_letters(text: str, lang: str) -> str:
    """A leading "O K" as the caller's okay (English): before any O or I is read as a digit."""
    return _OKAY_AS_LETTERS.sub("okay, ", text) if is_english(lang) else text


def _oh_heard_as_o(text: str, lang: str, plate: bool) -> str:
    """ "O" after a digit as the zero said "oh" (English); in a plate, also one before a digit."""
    if not is_english(lang):
        return text
    words = text.split()
    digit = [bool(re.match(r"\d", w)) or w.strip(",.").lower() in word_table("en") for w in words]
    out = []
    for k, w in enumerate(words):
        # (after a digit: an O after letters, "B as in Boy, O, zero seventy", was said as a letter,
        # unless it is a plate's: "M like Mike, O 20" for "…, oh two zero")
        after_a_digit = k > 0 and digit[k - 1]
        named = k > 0 and words[k - 1].lower() == "letter"  # "letter O, 1 2 3": the letter
        before_a_digit = plate and k + 1 < len(words) and digit[k + 1] and not named
        bare_o = w.strip(",.") == "O"
        out.append(w.replace("O", "0") if bare_o and (after_a_digit or before_a_digit) else w)
    return " ".join(out)


# The last syllable of a NATO word ending in an r sound written again as the letter ("Sierra R. Oscar,
# November", espeak-ng on made-up set 55): where the caller says each letter as a NATO word, a bare R
# right after one of these is its echo (the caller would say Romeo).
_R_ECHO = re.compile(r"\b(Sierra|Victor|Oscar)\s+R\b\.?", re.IGNORECASE)


def _r_echo_after_nato(text: str, lang: str) -> str:
    if not _R_ECHO.search(text):
        return text
    if sum(is_nato_word(re.sub(r"[^\w-]", "", w)) for w in text.split()) <= _MARKS:
        return text
    return _R_ECHO.sub(r"\1", text)


# November heard as "No" and a word ("Echo No Memble Delta", "Hotel, Echo, no member, Delta": espeak-ng,
# 13 answers of made-up sets 62-72): among NATO words, a "no" and the word after it that together come
# near November (rapidfuzz ratio) are November, not a caller's "no" correcting what they said
_NO_AND_A_WORD = re.compile(r"\b[Nn]o,?\s+([MmVvBb][a-z]{3,})\b")
NOVEMBER_NEAR = 75


def _november_split(text: str) -> str:
    from rapidfuzz import fuzz

    if not any(is_nato_word(w) for w in re.findall(r"[\w-]+", text)):
        return text
    return _NO_AND_A_WORD.sub(
        lambda m: "November" if fuzz.ratio("no" + m.group(1).lower(), "november") >= NOVEMBER_NEAR
        else m.group(0), text)


def _as_said(text: str, lang: str, plate: bool) -> str:
    """What Whisper made of a spelled value put back before its symbols are read, step by step (each
    step reads the text the one before left)."""
    text = _GLUED_NATO.sub(r"\1 \2", text)
    if not is_english(lang):
        text = _vowel_off_a_number(_nato_bent(text, lang) if plate else text)
        return last_version(_BARE_I.sub("y", text) if plate else text)
    text = _november_split(_nato_in_capitals(text))
    text = last_version(connectors_heard_as_symbols(_article_among_nato(_alfa_heard_as_for(text)), lang))
    text = ordinals_as_numbers(text) if plate else text
    text = digit_words_bent(_nato_bent(text, lang), lang, is_nato_word)
    for step in (_eight_heard_as_h, _aitch_heard_as_eight, _okay_heard_as_letters, _r_echo_after_nato):
        text = step(text, lang)
    text = _five_heard_as_i(_letter_heard_as_a_word(text, lang), lang, plate)
    text = _seven_heard_as_m_n(text, lang, plate)
    return _letter_heard_as_zero(_oh_heard_as_o(text, lang, plate), lang)


# A vowel's letter name is the vowel alone, and Whisper glues it to a number word said just before it:
# "dos, A de Avión" heard "dosa de avión" (the A lost, and "dosa" no number). Only before "de" and a
# key word starting with that vowel, and not where the glued word is a number word itself ("una").
_GLUED_VOWEL = re.compile(
    r"\b(" + "|".join(sorted(word_table("es"), key=len, reverse=True)) + r")([aeiou])\b(?=[,.]?\s+de\s+h?\2)",
    re.IGNORECASE,
)


_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")


def _nato_in_capitals(text: str) -> str:
    """A NATO word Whisper wrote in capitals among others, "Romeo Sierra, FOX.138" for "Romeo, Sierra,
    Foxtrot, one, three, eight" (Kokoro, made-up set 85): the word, not its letters (F, O, X). Alone,
    capitals may be letters said quickly ("ECHO" for E, C, H, O)."""
    words = re.findall(r"[A-Za-z-]+", text)
    if sum(is_nato_word(w) and not w.isupper() for w in words) < 1:
        return text
    return _CAPS_WORD.sub(lambda m: m.group(0).capitalize() if is_nato_word(m.group(0)) else m.group(0), text)


def _vowel_off_a_number(text: str) -> str:
    def split(m: re.Match[str]) -> str:
        glued = m.group(0)
        return glued if glued.lower() in word_table("es") else f"{m.group(1)} {m.group(2)}"

    return _GLUED_VOWEL.sub(split, text)


def spell(text: str, lang: str, plate: bool = False) -> str:
    """The symbols (A–Z, 0–9) a caller dictated for a plate in this utterance; "" when none.

    "eñe" is written N (plates use A–Z only). `plate`: what is spelled is a plate, which has no letter
    I or O (an address or a name may).
    """
    try:
        got = symbols(_as_said(text, lang, plate), lang)
    except Exception:  # a parser must never crash the call, but its bug must not pass unseen
        log.warning("the spelling reader failed on %r; read as nothing spelled", text, exc_info=True)
        return ""
    half = len(got) // 2
    if len(got) >= 6 and len(got) % 2 == 0 and got[:half] == got[half:] and not got.isdigit() \
            and not got.isalpha():
        return got[:half]  # "ABC 123, a be ce uno dos tres": the same plate said twice
    # Whisper writes a symbol said over and over once more than it was said ("Zulu, Lima, Zulu, 4,
    # 4, 4, 4" for three fours); no plate has four alike in a row (plausible.py), so one is its echo.
    if got.isdigit() or got.isalpha():
        return got  # digits or letters only: no plate yet, nothing to judge by
    return _ECHOED_RUN.sub(lambda m: m.group(0)[:-1], got)


_ECHOED_RUN = re.compile(r"(.)\1{3,}")
# A bare "i" in a Spanish plate (not "letra i", "i griega", "i de Iglesia"), which has no letter I, is
# its "y" or a key word's piece ("hache de Hidalgo" heard "hache i dango"): read as the "y" it sounds
_BARE_I = re.compile(r"(?<!\bletra )(?<!\bla )\b[iI]\b(?![.,]? *(?:griega|latina|de)\b)(?!['’])")


# "Alfa" written "as for" by Whisper ("As for Mike, as for November, Delta, as for Papa…" for Alfa,
# Mike, Alfa, November, …; Kokoro, made-up set 58): "as for" with a NATO word after it and no letter
# before it, which would make it a connector ("B as for Bravo"), is the NATO word it sounds like.
_ALFA_AS_FOR = re.compile(
    rf"(?<!\b[A-Za-z] )(?<!\b[A-Za-z], )\bas for\b(?=[,.]? (?:{'|'.join(sorted(_NATO))})\b)", re.IGNORECASE
)


def _alfa_heard_as_for(text: str) -> str:
    """ "as for Mike" as "Alfa Mike" (English, before any connector is read)."""
    return _ALFA_AS_FOR.sub("Alfa", text)


def _article_among_nato(text: str) -> str:
    """A lowercase "a" between two NATO words ("I Lima a tango kilo fifty four" for "five, Lima, Tango,
    Kilo, …") is Whisper's article between them: a caller spelling with NATO words says Alfa for A."""
    words = text.split()
    bare = [re.sub(r"[^\w]", "", w).lower() for w in words]
    keep = [
        not (w == "a" and 0 < k < len(words) - 1 and bare[k - 1] in _NATO and bare[k + 1] in _NATO)
        for k, w in enumerate(words)
    ]
    return " ".join(w for w, kept in zip(words, keep, strict=True) if kept)


# Two NATO words said quickly, written as one ("kilodelta alfa seis…" for Kilo, Delta, Alfa): no word
# of either language is two of them joined
_NATO_ALTERNATION = "|".join(sorted(_NATO, key=len, reverse=True))
_GLUED_NATO = re.compile(rf"\b({_NATO_ALTERNATION})({_NATO_ALTERNATION})\b", re.IGNORECASE)


_H_BY_A_DIGIT = re.compile(r"\b[HA](?=\d|[ ,]+\d)|(?<=\d)[HA]\b|(?<=\d[ ,])[HA]\b")


def _eight_heard_as_h(text: str, lang: str) -> str:
    """"eight" heard as the letter H or A ("X-ray, H7, Charlie", "X-ray A1 Mike"): a caller spelling
    letters with NATO words says Hotel for H and Alfa for A, so a bare H or A by a digit is the eight."""
    if not is_english(lang) or sum(map(is_nato_word, re.findall(r"[A-Za-z]+", text))) < 2:
        return text
    return _H_BY_A_DIGIT.sub("8", text)


# "zero" before a lone capital letter, the way "letter N" is said ("zero N, zero H, 8863." for "letter N,
# letter H, …"; "zero G, K, 7167."): Whisper writes a bare letter it hears named in capitals
_ZERO_BEFORE_A_LETTER = re.compile(r"\b(?i:zero),?\s+(?=[A-Z](?![A-Za-z'’]))")  # ("zero B464": its digits)
# (a zero said apart from what follows, "zero, K, H, W, ninety one", is the digit: "letter" heard as
# "zero" runs into its letter, "zero G, K")
_ZERO_OPENS_LETTERS = re.compile(r"(?i:zero)\s+[A-Z][ ,]+[A-Z](?![\w'’])")


_EIGHT_AFTER_LETTER = re.compile(r"(?i)\b(letter),? (?:eight|8)\b")


def _aitch_heard_as_eight(text: str, lang: str) -> str:
    """ "letter H" heard "letter eight": the word "letter" names a letter, never a digit, and "aitch"
    sounds like "eight"."""
    return _EIGHT_AFTER_LETTER.sub(r"\1 H", text) if is_english(lang) else text


# "five" opening a plate, heard as the pronoun ("I, letter H, …", "I M H J D 31", "I m golf, Charlie"):
# the caller spells, so the "I" before a spelled symbol is the five (its v heard "m" or "'m")
# (or "I've": the five without its f, "I've double eight four", espeak-ng on made-up set 55)
_LEADING_I = re.compile(r"^((?:(?i:okay|ok|so|yeah)),?\s+)?I(?:'m|'ve|,?\s+[Mm](?![\w'’]))?,?\s+")


# "five hundred seventy two" heard "I 172": the five heard as the pronoun, its hundred as a one
_FIVE_HUNDRED_AS_I = re.compile(r"(?<![\w'’])I(?:'m)?,? 1([1-9]\d)\b")


# ...and a bare "I" where the caller marks the letters with NATO words: such a caller says "India" for
# the letter, so a bare "I" is a five heard short ("I, hotel, November, Kilo, zero, I"; "X-ray, Kilo,
# Delta, I-8, 6 8"). In a plate, which has neither letter I nor O, also where each letter is said
# "letter X" ("letter H letter N letter K O I"), the five's v sometimes heard as an "m" at the end
# ("letter k zero i m"), and a bare "O" there is the zero "oh"; unmarked, a capital I between symbols
# ("C E H I 4 1 1") is the five too. Two marks make a marked answer.
_MARKS = 2


def _letters_marked(bare: list[str], plate: bool) -> bool:
    """The caller marks the letters (`bare`: the answer's words, lowercase, without punctuation)."""
    nato = sum(is_nato_word(w) or any(is_nato_word(p) for p in w.split("-")) for w in bare)
    return nato >= _MARKS or plate and bare.count("letter") >= _MARKS


def _digits_among_marked_letters(text: str, plate: bool) -> str:
    """Each bare "I" (or "I-8") of an answer whose letters are marked, as "five" (and in a plate, as
    the comment above says, its bare "O" as "zero")."""
    words = text.split()
    bare = [re.sub(r"[^\w-]", "", w).lower() for w in words]
    marked = _letters_marked(bare, plate)

    def symbol(k: int) -> bool:  # the word at k is a symbol too, or there is none
        return k < 0 or k >= len(bare) or bare[k].isdigit() or is_nato_word(bare[k]) \
            or bare[k] in word_table("en") or plate and len(bare[k]) == 1

    out = []
    for k, w in enumerate(words):
        lone = re.fullmatch(r"([IiOo])([,.;]?)" if plate else r"(I)([,.;]?)", w)
        # (or glued to the digits after it: "Yankee Yankee I641" for "…, five, six, four, one")
        dashed = re.fullmatch(r"I-(\w+[,.;]?)|I(\d+[,.;]?)", w) if marked else None
        after_letter = k > 0 and bare[k - 1] == "letter"
        ends_in_m = plate and k == len(words) - 2 and bare[k + 1] == "m" and w.lower() == "i"
        among_symbols = plate and lone is not None and w[0] == "I" and symbol(k - 1) and symbol(k + 1)
        if lone and (k == 0 or not marked and not among_symbols):
            lone = None  # (the one opening the answer is _LEADING_I's: "I m golf" is one five)
        if lone and not after_letter and (lone.group(2) or symbol(k + 1) or ends_in_m):
            w = ("five" if lone.group(1) in "Ii" else "zero") + lone.group(2)
            if ends_in_m:
                out.append(w)
                break
        elif dashed and not after_letter:
            w = "five-" + (dashed.group(1) or dashed.group(2))
        out.append(w)
    return " ".join(out)


def _five_heard_as_i(text: str, lang: str, plate: bool = False) -> str:
    if is_english(lang):
        text = _digits_among_marked_letters(_FIVE_HUNDRED_AS_I.sub(r"five hundred \1", text), plate)
    m = _LEADING_I.match(text) if is_english(lang) else None
    if m is None:
        return text
    nxt = re.sub(r"[^\w-]", "", text[m.end() :].split(" ", 1)[0]).lower()
    spelled = nxt in ("letter", "double") or is_nato_word(nxt) or nxt.isdigit() or nxt in word_table("en") \
        or len(nxt) == 1 and text[m.end()].isupper()
    return f"{m.group(1) or ''}five, {text[m.end():]}" if spelled else text


_KEYED = {"like", "as", "for"}


def _letter_heard_as_a_word(text: str, lang: str) -> str:
    """ "Lena P Lena C O 653" for "letter P, letter C dash oh six five three" (Kokoro on a noisy line,
    made-up set 55): one word said before each of two letters or more, and nowhere else, is the
    word "letter" bent the same way each time, when it keeps its l (a "mash" so is a dash, a "double"
    a W's)."""
    if not is_english(lang):
        return text
    words = text.split()
    bare = [re.sub(r"[^\w]", "", w) for w in words]
    low = [b.lower() for b in bare]
    before = [low[k] for k in range(len(bare) - 1) if len(bare[k + 1]) == 1 and bare[k + 1].isupper()]
    bent = {w for w in before if before.count(w) >= _MARKS and low.count(w) == before.count(w)}
    bent = {w for w in bent if len(w) >= 3 and w[0] == "l" and w != "letter" and not is_nato_word(w)
            and w not in word_table("en")}
    return " ".join("letter" if b in bent else w for w, b in zip(words, low, strict=True)) if bent else text


def _seven_heard_as_m_n(text: str, lang: str, plate: bool) -> str:
    """espeak-ng's "seven" heard as the letters it sounds like, where the caller marks the letters with
    NATO words or "letter" (so a letter said bare is none): "Whiskey Bravo M N 1 2 6", "letter double
    u, letter b, m 1 2 6" for W, B, seven, one, two, six (made-up set 53). A bare "M N", or a bare "m"
    right before a digit or glued to it ("six, M4."), is the seven; one after "letter" or before its key
    word stays a letter."""
    if not is_english(lang) or not re.search(r"(?<![\w'’])[Mm](?=\d|(?![\w'’]))", text):
        return text
    words = text.split()
    bare = [re.sub(r"[^\w-]", "", w).lower() for w in words]
    if not _letters_marked(bare, plate):
        return text
    out: list[str] = []
    k = 0
    while k < len(words):
        nxt = bare[k + 1] if k + 1 < len(words) else ""
        bare_m = bare[k] == "m" and (k == 0 or bare[k - 1] != "letter") and nxt not in _KEYED
        if bare_m and nxt == "n" and bare[k + 2 : k + 3] != ["like"]:
            out.append("seven" + words[k + 1][1:])
            k += 2
            continue
        glued = re.fullmatch(r"m\d+", bare[k]) and (k == 0 or bare[k - 1] != "letter")
        out.append("seven" + words[k][1:] if bare_m and nxt.isdigit()
                   else "seven " + words[k][1:] if glued else words[k])
        k += 1
    return " ".join(out)


def _letter_heard_as_zero(text: str, lang: str) -> str:
    """"letter" heard as "zero" before the letters of a plate: when it comes before two letters or
    more, or opens the answer followed by a second letter, it is the word "letter", no digit (a zero
    before one letter elsewhere stays: "one zero A" is a digit)."""
    if not is_english(lang) or "zero" not in text.lower():
        return text
    found = list(_ZERO_BEFORE_A_LETTER.finditer(text))
    opens = _ZERO_OPENS_LETTERS.match(text) is not None
    if len(found) < 2 and not opens:
        return text
    return _ZERO_BEFORE_A_LETTER.sub("letter ", text)


def code_symbols(text: str, lang: str) -> str:
    """Like ``spell`` but bare ambiguous letter names ("a", "de", "ese") only count beside digits."""
    text = last_version(text)
    if not is_english(lang):
        text = _letters_heard_en_el(text)
    return symbols(text, lang, strict=True)


# A Spanish fleet number's letter, its name and "de" heard "en el" before its key word ("en el tomate
# cuatro nueve dos" for te de Tomate, cuatro, nueve, dos; "en el taco y en el rosa uno": espeak-ng, 9
# answers of made-up sets 62-71, 3 more heard so with the key word's first sound lost, "en el rique"
# for e de Enrique): the letters first in the answer, with a number after them (no one says "en el
# tomate" of a truck's number)
def _letters_heard_en_el(text: str) -> str:
    words = text.replace(",", " ").lower().split()
    out: list[str] = []
    i = 0
    while words[i : i + 2] == ["y", "en"] or words[i : i + 1] == ["en"]:
        at = i + (words[i] == "y")
        key = strip_accents(words[at + 2]) if at + 2 < len(words) and words[at + 1] == "el" else ""
        if len(key) < 4 or not key.isalpha() or not _is_keyword(key, "es"):
            break
        out += [key[0], "de", key]
        i = at + 3
    rest = words[i:]
    if not out or not any(is_number_word(w, "es") for w in rest):
        return text
    return " ".join(out + rest)


def looks_complete_plate(value: str) -> bool:
    """True when ``value`` looks like a whole Mexican or US plate.

    Plates have 6 or 7 symbols (sometimes 8) of a possible shape (plausible.py: "MNA1480", "12AB3C",
    "WYZ128"). Fewer symbols, or a shape no plate has, means the caller is still spelling.
    """
    if not isinstance(value, str):
        return False
    clean = "".join(ch for ch in value.upper() if ch.isascii() and ch.isalnum())
    return 6 <= len(clean) <= 8 and plate(clean)


def say_symbols(value: str, lang: str) -> str:
    """Read a plate for the ear (the wording lives in `readback`)."""
    return readback.say_symbols(value, lang)


_KEY_CUE_ES = re.compile(r"(?:^| )\w+ (?:de|como) \w+")
_KEY_CUE_EN = re.compile(r"(?:^| )\w+ (?:as in|like|for) \w+")


def cut_name_with_key(word: str, key: str = "") -> bool:
    """ "Edénrique", "jodejaro": a letter name cut short, its "de" and its key word heard as one word;
    or before the key word `key` ("Ede Estrella")."""
    folded = strip_accents(word.lower())
    words = [folded, strip_accents(key.lower())] if key.isalpha() else [folded]
    return folded.isalpha() and _cut_name_with_key(words, 0) is not None


def _vowel_run_into_de(glued: re.Match[str]) -> bool:
    """ "adevion", "adecapunco", "adeguacate": a de Avión, a de Acapulco, a de Aguacate with the key
    word's first vowel, the letter's own, run into the "de" before it. Not for e: names of other
    letters end in it ("En Edenayari" is ene de Nayarit). Its "de" may be heard as a nasal, as
    espeak-ng's Spanish says it ("Anérea", "Inésla", "anemion", "Inéguana": a de Ana, i de Isla, a de
    Avión, i de Iguana; 13 such on made-up sets 53-54, 12 the vowel they start with; no given name or
    surname of the lexicon is so made)."""
    return glued.group(1) in ("a", "i", "o", "u") and glued.group(2) in ("de", "ne") \
        and glued.group(3)[0] not in "aeiou"


def glued_key_word(word: str) -> bool:
    """ "Tedetaco", "Bedevota": a letter name, "de" and a key word sounding like it, heard as one word."""
    glued = _GLUED_KEY.match(strip_accents(word.lower()))
    if not glued:
        return False
    if _vowel_run_into_de(glued):
        return True
    letter = _ES_NAMES.get(glued.group(1), glued.group(1))[:1].upper()
    return _sounds_like(glued.group(3)[0].upper(), letter)


def letter_size(word: str) -> bool:
    """ "grande", "chica": said after "be" or "ve" to tell the two apart."""
    return word.lower() in _B_MODS | _V_MODS


NATO_WORDS = frozenset(_NATO)


def is_nato_word(word: str) -> bool:
    """'Victor', 'Mike', 'Oscar', 'X-ray': a NATO word (some are given names too)."""
    return strip_accents(word.lower()).replace("-", "") in _NATO


def key_word_cues(folded: str, lang: str) -> list[str]:
    """The letters said with a key word ("jota de Jalisco", "J as in Juliet") or as NATO words in
    folded text: two or more mean the caller is spelling."""
    cue = _KEY_CUE_ES if lang.startswith("es") else _KEY_CUE_EN
    found = [m.group(0).strip() for m in cue.finditer(folded)]
    found += [w for w in folded.split() if w in _NATO]
    if lang.startswith("es"):  # "adeana, adeahuacate": a letter, its "de" and its key word as one word
        found += [w for w in folded.split() if glued_key_word(w)]
    return found


def spelling_word(word: str, lang: str) -> bool:
    """A word (lowercase, accent-free) that spelling reads or passes over: a number, a letter's name, a
    NATO word, a connector, a bent digit it knows, or talk around the symbols ("placas", "dash")."""
    english = is_english(lang)
    connectors = _KEY_CONNECTORS_EN if english else _KEY_CONNECTORS_ES
    return (
        word.isdigit() or word in word_table(lang) or _letter_of(word, lang) is not None
        or word in _NATO or word in _FILLER or word in connectors or word in _PAIR_WORDS | {"triple"}
        or word in (_HOMOPHONES if english else _BENT_DIGITS) or word in _CASE_MODS
    )
