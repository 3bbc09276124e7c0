"""Mexican Spanish (es-MX): how Daisy reads a value back, made for the ear."""

from __future__ import annotations

_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
_TEENS = {10: "diez", 11: "once", 12: "doce", 13: "trece", 14: "catorce", 15: "quince", 16: "dieciséis",
          17: "diecisiete", 18: "dieciocho", 19: "diecinueve", 21: "veintiuno", 22: "veintidós",
          23: "veintitrés", 24: "veinticuatro", 25: "veinticinco", 26: "veintiséis", 27: "veintisiete",
          28: "veintiocho", 29: "veintinueve"}
_TENS = {20: "veinte", 30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta",
         80: "ochenta", 90: "noventa"}
_HUNDREDS = {100: "ciento", 200: "doscientos", 300: "trescientos", 400: "cuatrocientos", 500: "quinientos",
             600: "seiscientos", 700: "setecientos", 800: "ochocientos", 900: "novecientos"}

DIGITS = _UNITS
KEY_WORDS = {
    "A": "Árbol", "B": "Burro", "C": "Casa", "D": "Dedo", "E": "Elefante", "F": "Foco", "G": "Gato",
    "H": "Hotel", "I": "Iglesia", "J": "Jalisco", "K": "Kilo", "L": "Luna", "M": "Mamá", "N": "Nopal",
    "O": "Oso", "P": "Perro", "Q": "Queso", "R": "Ramón", "S": "Sonora", "T": "Tigre", "U": "Uva",
    "V": "Vaca", "W": "Washington", "X": "Xochimilco", "Y": "Yate", "Z": "Zapato",
}
KEYED = "{letter} de {key}"
EMAIL_SYMBOLS = {".": "punto", "_": "guion bajo", "-": "guion", "@": "arroba", "+": "más"}
LETTER_NAMES = {
    "a": "a", "b": "be", "c": "ce", "d": "de", "e": "e", "f": "efe", "g": "ge", "h": "hache", "i": "i",
    "j": "jota", "k": "ka", "l": "ele", "m": "eme", "n": "ene", "o": "o", "p": "pe", "q": "cu",
    "r": "erre", "s": "ese", "t": "te", "u": "u", "v": "ve", "w": "doble u", "x": "equis",
    "y": "i griega", "z": "zeta",
}


def number(value: int) -> str:
    """0..999 in words ("cuarenta y tres")."""
    if value == 0:
        return "cero"
    if value == 100:
        return "cien"
    parts: list[str] = []
    if value >= 100:
        parts.append(_HUNDREDS[value // 100 * 100])
        value %= 100
    if value in _TEENS:
        parts.append(_TEENS[value])
    elif value >= 20:
        parts.append(_TENS[value // 10 * 10] + (f" y {_UNITS[value % 10]}" if value % 10 else ""))
    elif value:
        parts.append(_UNITS[value])
    return " ".join(parts)


def time(h: int, m: int) -> str:
    """A 24-hour time said with its part of the day: "las cuatro cuarenta y cinco de la tarde"."""
    if (h, m) == (12, 0):
        return "las doce del día"
    if (h, m) == (0, 0):
        return "las doce de la noche"
    twelve = h % 12 or 12
    hour = "la una" if twelve == 1 else f"las {number(twelve)}"
    minutes = "" if m == 0 else f" y {number(m)}" if m < 10 else f" {number(m)}"
    if h < 6:
        part = "de la madrugada" if h else "de la noche"
    elif h < 12:
        part = "de la mañana"
    elif h == 12:
        part = "del día"
    elif h < 19:
        part = "de la tarde"
    else:
        part = "de la noche"
    return f"{hour}{minutes} {part}"


# A value the operator's roster already holds, offered for a yes instead of asked (by form key; any
# other field by its label). The value is already said for the ear.
STILL = {
    "driver_name": "¿Hablo con {value}?",
    "tractor_number": "¿Sigues con el tractor {value}?",
    "tractor_plates": "¿Las placas del tractor siguen siendo {value}?",
    "trailer_number": "¿Sigues con la caja {value}?",
    "trailer_plates": "¿Las placas de la caja siguen siendo {value}?",
    "email": "¿Tu correo sigue siendo {value}?",
}
STILL_ANY = "¿{label} sigue siendo {value}?"
GREET_KNOWN = "¡Qué gusto, {first}!"  # the name the roster has was confirmed
CHANGED = "Entendido."  # the known value changed: ask it as usual
