"""US English (en-US): how Daisy reads a value back, made for the ear."""

from __future__ import annotations

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = {10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen",
          16: "sixteen", 17: "seventeen", 18: "eighteen", 19: "nineteen"}
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
         90: "ninety"}

DIGITS = _UNITS
KEY_WORDS = {
    "A": "Alpha", "B": "Bravo", "C": "Charlie", "D": "Delta", "E": "Echo", "F": "Foxtrot", "G": "Golf",
    "H": "Hotel", "I": "India", "J": "Juliet", "K": "Kilo", "L": "Lima", "M": "Mike", "N": "November",
    "O": "Oscar", "P": "Papa", "Q": "Quebec", "R": "Romeo", "S": "Sierra", "T": "Tango", "U": "Uniform",
    "V": "Victor", "W": "Whiskey", "X": "X-ray", "Y": "Yankee", "Z": "Zulu",
}
KEYED = "{letter} as in {key}"
EMAIL_SYMBOLS = {".": "dot", "_": "underscore", "-": "dash", "@": "at", "+": "plus"}
LETTER_NAMES = {ch: ch.upper() for ch in "abcdefghijklmnopqrstuvwxyz"}  # the recognizer's own "J"


def number(value: int) -> str:
    """0..999 in words ("forty-three")."""
    if value == 0:
        return "zero"
    parts: list[str] = []
    if value >= 100:
        parts.append(f"{_UNITS[value // 100]} hundred")
        value %= 100
    if value in _TEENS:
        parts.append(_TEENS[value])
    elif value >= 20:
        parts.append(_TENS[value // 10 * 10] + (f"-{_UNITS[value % 10]}" if value % 10 else ""))
    elif value:
        parts.append(_UNITS[value])
    return " ".join(parts)


def time(h: int, m: int) -> str:
    """A 24-hour time on the 12-hour clock: "4:45 PM", "noon"."""
    if (h, m) == (12, 0):
        return "noon"
    if (h, m) == (0, 0):
        return "midnight"
    return f"{h % 12 or 12}:{m:02d} {'AM' if h < 12 else 'PM'}"


# A value the operator's roster already holds, offered for a yes instead of asked (by form key; any
# other field by its label). The value is already said for the ear.
STILL = {
    "driver_name": "Am I speaking with {value}?",
    "tractor_number": "Are you still on tractor {value}?",
    "tractor_plates": "Are the tractor plates still {value}?",
    "trailer_number": "Are you still pulling trailer {value}?",
    "trailer_plates": "Are the trailer plates still {value}?",
    "email": "Is your email still {value}?",
}
STILL_ANY = "Is {label} still {value}?"
GREET_KNOWN = "Good to hear from you, {first}!"  # the name the roster has was confirmed
CHANGED = "Got it."  # the known value changed: ask it as usual
