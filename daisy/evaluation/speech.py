"""How a simulated caller says things, as a phone speech recognizer would hand them over (times: times.py).

Small generators for Mexican Spanish and US English: numbers in words (whole, in pairs, digit by
digit, glued by the recognizer), letters (names, "letra", key words, NATO, damaged forms), times,
emails and names. Every choice goes through the caller's own seeded `random.Random`, so a caller
says the same thing on every run while the set as a whole stays varied.
"""

from __future__ import annotations

import random
import unicodedata

from daisy.evaluation.alphabet import EN_KEYS, EN_LETTER_NAMES, ES_KEYS, ES_LETTER_NAMES, NATO

# --- numbers -------------------------------------------------------------------------------------

_ES_0_29 = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
_GLUED_UNITS = {2: "dós", 3: "trés", 6: "séis"}
_ES_TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
_ES_HUNDREDS = [
    "",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
]

_EN_0_19 = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def es_number(n: int, glue: bool = False) -> str:
    """0..999999 in Spanish words; `glue` writes "treintaidós" as recognizers sometimes do."""
    if n < 30:
        return _ES_0_29[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        if not unit:
            return _ES_TENS[tens]
        if glue:  # the recognizer writes the stressed unit with its accent once glued: "treintaidós"
            return f"{_ES_TENS[tens]}i{_GLUED_UNITS.get(unit, _ES_0_29[unit])}"
        return f"{_ES_TENS[tens]} y {_ES_0_29[unit]}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if n == 100:
            return "cien"
        head = _ES_HUNDREDS[hundreds]
        return f"{head} {es_number(rest, glue)}" if rest else head
    thousands, rest = divmod(n, 1000)
    head = "mil" if thousands == 1 else f"{es_number(thousands, glue)} mil"
    return f"{head} {es_number(rest, glue)}" if rest else head


def en_number(n: int) -> str:
    """0..999999 in US English words ("four thousand eight hundred five")."""
    if n < 20:
        return _EN_0_19[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _EN_TENS[tens] + (f" {_EN_0_19[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_0_19[hundreds]} hundred" + (f" {en_number(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{en_number(thousands)} thousand" + (f" {en_number(rest)}" if rest else "")


def number(n: int, lang: str, glue: bool = False) -> str:
    return es_number(n, glue) if lang == "es" else en_number(n)


def digit_word(d: str, lang: str, rng: random.Random | None = None) -> str:
    if lang == "en" and d == "0" and rng is not None and rng.random() < 0.5:
        return "oh"
    return number(int(d), lang)


def digits_one_by_one(digits: str, lang: str, rng: random.Random, sep: str = " ") -> str:
    words: list[str] = []
    i = 0
    while i < len(digits):
        # a repeated digit is often said "doble cero" / "double oh"
        if i + 1 < len(digits) and digits[i] == digits[i + 1] and rng.random() < 0.3:
            words.append(f"{'doble' if lang == 'es' else 'double'} {digit_word(digits[i], lang, rng)}")
            i += 2
            continue
        words.append(digit_word(digits[i], lang, rng))
        i += 1
    return sep.join(words)


def hyphenate(text: str, lang: str, rng: random.Random) -> str:
    """English recognizers often write compound numbers with a hyphen: "forty-five"."""
    if lang != "en" or rng.random() < 0.5:
        return text
    for tens in _EN_TENS[2:]:
        for unit in _EN_0_19[1:10]:
            text = text.replace(f"{tens} {unit}", f"{tens}-{unit}")
    return text


def _pair_group(pair: str, lang: str, rng: random.Random, glue: bool) -> str:
    # "05" cannot be said as one number: callers say "cero cinco" / "oh five"
    if pair[0] == "0":
        return f"{digit_word('0', lang, rng)} {digit_word(pair[1], lang, rng)}"
    return number(int(pair), lang, glue)


def digit_string(digits: str, lang: str, rng: random.Random, style: str | None = None) -> str:
    """A string of digits ("3987", "0412") the way a caller reads it aloud.

    Styles: "whole" (one number), "pairs" ("treinta y nueve ochenta y siete"), "digits" (one by one),
    "numeric" (already digits), "mixed" (digits then words), "glue" (pairs with recognizer glue).
    """
    style = style or rng.choice(["whole", "pairs", "digits", "numeric", "pairs", "mixed", "glue"])
    leading_zero = digits.startswith("0") and len(digits) > 1
    if style == "numeric":
        # some recognizers space the digits out when they are read one by one
        return " ".join(digits) if len(digits) > 2 and rng.random() < 0.2 else digits
    if style == "whole" and not leading_zero and len(digits) <= 6:
        said = number(int(digits), lang)
        if lang == "es" and int(digits) < 10 and rng.random() < 0.5:
            said = f"el {said}"
        return said
    if style in ("pairs", "glue") and len(digits) >= 3:
        glue = style == "glue" and lang == "es"
        groups: list[str] = []
        rest = digits
        if len(rest) % 2:  # odd length: the first digit alone, or a hundreds group at the end
            if rng.random() < 0.5 and rest[-3] != "0":
                head, tail = rest[:-3], rest[-3:]
                groups = [_pair_group(head[i : i + 2], lang, rng, glue) for i in range(0, len(head), 2)]
                groups.append(number(int(tail), lang, glue))
                return " ".join(groups)
            groups.append(digit_word(rest[0], lang, rng))
            rest = rest[1:]
        groups += [_pair_group(rest[i : i + 2], lang, rng, glue) for i in range(0, len(rest), 2)]
        return " ".join(groups)
    if style == "mixed" and len(digits) >= 3:
        cut = len(digits) // 2
        return f"{digits[:cut]} {digit_string(digits[cut:], lang, rng, 'digits')}"
    if len(digits) <= 2 and not leading_zero:
        return number(int(digits), lang)
    return digits_one_by_one(digits, lang, rng)


# --- letters -------------------------------------------------------------------------------------


def letter(ch: str, lang: str, rng: random.Random, style: str | None = None) -> str:
    """One letter of a plate the way it reaches Daisy.

    Styles: "name" (eme), "capital" (M), "letra" (letra eme / letra M), "key" (eme de Morelia),
    "nato" (Mike), "as_in" (M as in Mike), "damaged" (litra eme, letraeme, eme ve Mesa ...).
    """
    ch = ch.upper()
    if lang == "en":
        style = style or rng.choice(["capital", "as_in", "nato", "name", "letter", "as_in"])
        name = rng.choice(EN_LETTER_NAMES[ch])
        if style == "as_in":
            key = rng.choice([NATO[ch], *EN_KEYS[ch]])
            return f"{ch} {rng.choice(['as in', 'like', 'for'])} {key}"
        if style == "nato":
            return NATO[ch]
        if style == "letter":
            return f"letter {ch}"
        if style == "name":
            return name
        return ch
    style = style or rng.choice(["letra", "key", "key", "name", "capital", "letra", "damaged", "nato"])
    name = rng.choice(ES_LETTER_NAMES[ch])
    key = rng.choice(ES_KEYS[ch])
    if style == "name":
        return name
    if style == "capital":
        return ch
    if style == "letra":
        return f"letra {rng.choice([name, ch])}"
    if style == "key":
        head = rng.choice([name, ch, name])
        return f"{head} de {key if rng.random() < 0.7 else key.lower()}"
    if style == "nato":
        return NATO[ch]
    # damaged by the recognizer: the patterns of the domain doc with other letters and words
    forms = [
        f"litra {name}",
        f"letra{name.replace(' ', '')}",
        f"le tra {name}",
        f"{name}{name} {key.lower()}" if len(name) <= 2 else f"{name} {key.lower()}",
        f"lectra {name}",
    ]
    if " " not in name:  # "de" heard as "ve" ("Ave águila"); with "doble u" it would read as two letters
        forms.append(f"{name} ve {key.lower()}")
    if ch == "A":
        forms.append(f"Are{key.lower()}")
    return rng.choice(forms)


def plate_pieces(
    plate: str,
    lang: str,
    rng: random.Random,
    letter_style: str | None = None,
    digit_style: str | None = None,
    in_pieces: bool = False,
) -> list[str]:
    """A plate said in one turn (one-item list) or in pieces, one turn each (letters first, then digits)."""
    runs: list[str] = []  # alternating runs of letters and digits, e.g. ["WYZ", "128"]
    for ch in plate:
        if runs and runs[-1][-1].isdigit() == ch.isdigit():
            runs[-1] += ch
        else:
            runs.append(ch)
    said: list[list[str]] = []  # per run, the spoken chunks
    for run in runs:
        if run[0].isdigit():
            said.append([digit_string(run, lang, rng, digit_style)])
        else:
            chunks: list[str] = []
            for k, c in enumerate(run):
                # a letter said twice is said the same way twice ("doble ve, doble ve"): a bare letter
                # then the same one with its key word is one letter made clear ("ge, ge de gato")
                chunks.append(chunks[-1] if k and run[k - 1] == c else letter(c, lang, rng, letter_style))
            said.append(chunks)
    if not in_pieces:
        joiner = rng.choice([", ", " ", ", "])
        # between the letters and the digits callers often put a "guion" or an "y"
        glue = rng.choice(
            [joiner, joiner, " guion " if lang == "es" else " dash ", " y " if lang == "es" else " "]
        )
        text = glue.join(joiner.join(run) for run in said)
        if rng.random() < 0.25:
            text = (
                rng.choice(
                    ["las placas son ", "son ", "es ", "mira, "]
                    if lang == "es"
                    else ["it's ", "plates are ", "okay, "]
                )
                + text
            )
        return [text]
    turns: list[str] = []
    for run in said:
        if len(run) == 1:
            turns.append(run[0])
            continue
        # letters in one or two turns: "letra W" / "letra Y, letra Z"
        cut = rng.randint(1, len(run) - 1) if rng.random() < 0.7 else len(run)
        turns.append(", ".join(run[:cut]))
        if cut < len(run):
            turns.append(", ".join(run[cut:]))
    return turns


# --- emails --------------------------------------------------------------------------------------

_ES_SYMBOLS = {".": "punto", "@": "arroba", "_": "guion bajo", "-": "guion"}
_EN_SYMBOLS = {".": "dot", "@": "at", "_": "underscore", "-": "dash"}


def _email_local_words(local: str, lang: str, rng: random.Random, spell: bool) -> list[str]:
    symbols = _ES_SYMBOLS if lang == "es" else _EN_SYMBOLS
    words: list[str] = []
    chunk = ""
    for ch in local + " ":
        if ch.isalpha():
            chunk += ch
            continue
        if chunk:
            if (spell and len(chunk) <= 8) or len(chunk) <= 2:  # initials are said as letter names
                names = ES_LETTER_NAMES if lang == "es" else EN_LETTER_NAMES
                for c in chunk:
                    name = rng.choice(names[c.upper()])
                    if lang == "es" and spell and rng.random() < 0.3:
                        name += " minúscula"  # callers insist the address is lowercase
                    words.append(name)
            else:
                words.append(chunk)
            chunk = ""
        if ch in symbols:
            words.append(symbols[ch])
    return words


def _split_glued(word: str, known: list[str]) -> list[str] | None:
    """ "rigobertosalinas" -> ["rigoberto", "salinas"] when both parts are words the caller knows."""
    for k in known:
        if len(k) > 2 and word.startswith(k) and word[len(k) :] in known:
            return [k, word[len(k) :]]
    return None


def email_pieces(
    email: str,
    lang: str,
    rng: random.Random,
    style: str | None = None,
    in_pieces: bool = False,
    known_words: list[str] | None = None,
) -> list[str]:
    """An email as the recognizer returns it: written, dictated with words, or in pieces."""
    style = style or rng.choice(["written", "dictated", "dictated", "written"])
    if style == "written":
        said = email if rng.random() < 0.7 else email[0].upper() + email[1:]
        return [said if rng.random() < 0.7 else f"{'es' if lang == 'es' else 'it is'} {said}"]
    local, domain = email.split("@")
    symbols = _ES_SYMBOLS if lang == "es" else _EN_SYMBOLS
    parts_local: list[str] = []
    i = 0
    while i < len(local):  # letters as words or spelled, digits as numbers, symbols as words
        j = i
        if local[i].isdigit():
            while j < len(local) and local[j].isdigit():
                j += 1
            parts_local.append(
                digit_string(local[i:j], lang, rng, rng.choice(["whole", "digits", "numeric"])).removeprefix(
                    "el "
                )
            )
        elif local[i].isalpha():
            while j < len(local) and local[j].isalpha():
                j += 1
            split = _split_glued(local[i:j], known_words or [])
            if split and style != "spelled" and rng.random() < 0.6:
                # said as two words, and the caller tells Daisy they go together
                together = rng.choice(
                    ["todo junto", "junto"] if lang == "es" else ["all one word", "together"]
                )
                parts_local += [*split, together]
            else:
                parts_local += _email_local_words(local[i:j], lang, rng, spell=style == "spelled")
        else:
            parts_local.append(symbols.get(local[i], local[i]))
            j = i + 1
        i = j
    dom_words: list[str] = []
    for k, label in enumerate(domain.split(".")):
        if k:
            dom_words.append(symbols["."])
        dom_words.append(label)
    at = symbols["@"]
    if not in_pieces:
        lead = ""
        if rng.random() < 0.25:
            lead = rng.choice(
                ["mi correo es ", "es ", "sería "] if lang == "es" else ["my email is ", "it's "]
            )
        return [lead + " ".join([*parts_local, at, *dom_words])]
    cut = max(1, len(parts_local) // 2)
    turns = [" ".join(parts_local[:cut])]
    if cut < len(parts_local):
        turns.append(" ".join(parts_local[cut:]))
    turns.append(" ".join([at, *dom_words]) if rng.random() < 0.6 else "@" + domain)
    return turns


# --- names and small talk ------------------------------------------------------------------------


_NICKNAMES_ES = ["el Chaparro", "el Güero", "el Flaco", "el Pelón", "el Chino", "la Güera", "el Tigre"]
_NICKNAMES_EN = ["Tex", "Red", "Bubba", "Slim", "Dusty", "Rusty"]
_COMPANIES_ES = ["Transportes Ruiz", "Fletes Garza", "Autotransportes del Bajío", "Logística Montes"]
_COMPANIES_EN = ["Swift", "Werner", "Knight Transport", "a small outfit in Laredo"]


def name_with_asides(name: str, lang: str, rng: random.Random) -> str:
    """A name said with words around it that are no part of it: a nickname, the driver's job, the
    surname spelled out, or a hint at how it is written ("con zeta al final")."""
    surname = name.split()[-1]
    plain = strip_accents(surname).upper().replace("Ñ", "N")
    es = lang == "es"
    nick = rng.choice(_NICKNAMES_ES if es else _NICKNAMES_EN)
    company = rng.choice(_COMPANIES_ES if es else _COMPANIES_EN)
    forms = [
        f"me dicen {nick}, pero me llamo {name}" if es else f"they call me {nick}, but my name is {name}",
        f"{name}, pero todos me conocen como {nick}" if es else f"{name}, but everybody calls me {nick}",
        f"soy {name} y manejo para {company}" if es else f"{name}, I drive for {company}",
        f"{name}, trabajo con {company}" if es else f"this is {name} and I haul for {company}",
    ]
    names = ES_LETTER_NAMES if es else EN_LETTER_NAMES
    spelled = " ".join(rng.choice(names[c]) for c in plain if c in names)
    forms.append(f"{name}, {surname} se escribe {spelled}" if es else f"{name}, that's {spelled}")
    if es and plain.endswith("Z"):
        forms.append(f"{name}, con zeta al final")
    if es and plain.startswith("H"):
        forms.append(f"{name}, {surname} con hache")
    return rng.choice(forms)


def name_said(name: str, lang: str, rng: random.Random) -> str:
    if lang == "es":
        lead = rng.choice(
            [
                "",
                "",
                "mi nombre es ",
                "sí, mi nombre es ",
                "me llamo ",
                "soy ",
                "sí, soy ",
                "claro, ",
                "este, mi nombre es ",
            ]
        )
    else:
        lead = rng.choice(["", "this is ", "my name is ", "it's ", "sure, it's ", "yeah, my name is "])
    # a courtesy after the name is common on the phone in Mexico
    tail = rng.choice([", para servirle", ", a sus órdenes"]) if lang == "es" and rng.random() < 0.15 else ""
    return lead + name + tail


def alnum_said(value: str, lang: str, rng: random.Random, digit_style: str | None = None) -> str:
    """A fleet number, which may carry letters ("T450"): letters spelled, digits as numbers."""
    if value.isdigit():
        said = digit_string(value, lang, rng, digit_style)
        if rng.random() < 0.3 and not said.startswith("el "):
            lead = (
                ["es el ", "el económico es ", "sería el ", "el número es ", "el "]
                if lang == "es"
                else ["it's ", "number ", "it's number "]
            )
            said = rng.choice(lead) + said
        return said
    return ", ".join(
        plate_pieces(
            value, lang, rng, letter_style=rng.choice(["name", "capital", "letra"]), digit_style=digit_style
        )
    )


def strip_accents(text: str) -> str:
    """What some recognizers return: Spanish without accents ("dieciseis", "si"); ñ stays."""
    out = []
    for c in text:
        if c in "ñÑ":
            out.append(c)
            continue
        out.extend(d for d in unicodedata.normalize("NFD", c) if unicodedata.category(d) != "Mn")
    return "".join(out)


# --- recognizer damage ---------------------------------------------------------------------------

_ES_UNIT_DIGITS = {w: str(d) for d, w in enumerate(_ES_0_29[:10]) if d}
_ES_MANGLED = {
    "equis": ["ekis", "eckis", "equix"],
    "zeta": ["seta", "ceda", "zetta"],
    "jota": ["hota", "jotta"],
    "erre": ["herre"],
    "eme": ["heme"],
    "efe": ["effe", "hefe"],
    "ese": ["hese"],
    "ele": ["hele", "elle"],
}
_EN_RADIO = {"three": "tree", "five": "fife", "nine": "niner", "four": "fower"}
_EN_MANGLED = {"ex": "ecks", "are": "arr", "double you": "dubya", "kay": "kei"}


def damaged(text: str, lang: str, rng: random.Random) -> str:
    """What a phone recognizer makes of a value a person would still read: digits glued to number
    words ("doscientos7"), hundreds written apart ("seis cientos"), mangled letter names ("ekis"),
    radio digits ("niner"), a letter's own name heard for "de" ("Te Te Tampico")."""
    import re

    if lang == "en":
        words = text.split(" ")
        for k, w in enumerate(words):
            bare = w.strip(",.").lower()
            if bare in _EN_RADIO and rng.random() < 0.7:
                words[k] = w.lower().replace(bare, _EN_RADIO[bare])
        text = " ".join(words)
        for name, bad in _EN_MANGLED.items():
            if rng.random() < 0.7:  # a letter, not the verb of "plates are"
                text = re.sub(rf"(?<!plates )\b{name}\b", bad, text)
        return text

    def glue_digit(m: re.Match[str]) -> str:
        return m.group(1) + ("" if rng.random() < 0.5 else " ") + _ES_UNIT_DIGITS[m.group(2)]

    units = "|".join(_ES_UNIT_DIGITS)
    text = re.sub(rf"\b(\w+cientos|ciento) ({units})\b", glue_digit, text)
    if rng.random() < 0.5:
        text = re.sub(rf"\b(\w+enta y) ({units})\b", lambda m: f"{m.group(1)} {_ES_UNIT_DIGITS[m.group(2)]}",
                      text)
    apart = {"doscientos": "dos cientos", "trescientos": "tres cientos", "seiscientos": "seis cientos",
             "ochocientos": "ocho sientos", "setecientos": "siete cientos", "novecientos": "nueve cientos",
             "cuatrocientos": "cuatro cientos", "quinientos": "cinco cientos"}
    if rng.random() < 0.6:
        text = re.sub(r"\b(\w+ientos)\b", lambda m: apart.get(m.group(1), m.group(1)), text)
    for name, bad in _ES_MANGLED.items():
        text = re.sub(rf"\b{name}\b", lambda _m, bad=bad: rng.choice(bad), text)
    # "te de Tampico" -> "Te Te Tampico": the letter's name again where "de" was said
    text = re.sub(
        r"\b(be|ce|de|ge|pe|te|ve)\b de ([A-ZÁÉÍÓÚa-záéíóú]\w+)",
        lambda m: f"{m.group(1).capitalize()} {m.group(1).capitalize()} {m.group(2).capitalize()}"
        if m.group(2)[0].lower() == m.group(1)[0] or m.group(1) == "ce" and m.group(2)[0].lower() == "c"
        else m.group(0),
        text,
    )
    return text
