"""The words to expect, per kind of answer and language: the decoder's prompt for Whisper, and the
prompt a cloud recognizer takes (the cascade pipeline's STT).

A prompt is written as the transcript we want back ("Sí." rather than "C"), in short phrases. Its
examples are made-up values, never likely answers: Whisper biased towards an example writes it in
place of what was said (a list of the alphabet made it spell the alphabet). A decode that hands the
prompt back runs from one of its phrases into the next, and is dropped (hearing.cleaning).
"""

from __future__ import annotations

from daisy.core.expectation import Expected

_PROMPTS: dict[str, dict[Expected, str]] = {
    "es": {
        Expected.YES_NO: "Sí. No. Sí, correcto. No, está mal. Así es.",
        Expected.DIGITS: (
            "Número de unidad: 2219. Veintidós, diecinueve. Cuarenta y seis, noventa. Cero, uno, seis."
        ),
        Expected.PLATE: (
            "Placas: be de burro, eme de mamá, jota, ka, equis, i griega, te, erre, ese. Cuatro, cero, seis."
        ),
        Expected.TIME: "A las 5 de la mañana. En una hora. A las 9:15. Mediodía.",
        Expected.EMAIL: (
            "Mi correo: luis punto ramirez arroba outlook punto com. Gmail, Hotmail, Yahoo, guion bajo, "
            "punto mx."
        ),
        Expected.NAME: "Me llamo Luis Ramírez. Soy Alejandro Gutiérrez.",
        Expected.FREE: "",
    },
    "en": {
        Expected.YES_NO: "Yes. No. Yes, correct. No, that's wrong. That's right.",
        Expected.DIGITS: "Number: twenty-two, nineteen, forty, sixty, ninety, five hundred, oh. 2219.",
        Expected.PLATE: "Plates: B as in Bravo, M as in Mike, J, K, X, Y, T, R, S. Four, zero, six.",
        Expected.TIME: "At 5 a.m. In an hour. At 9:15. Noon.",
        Expected.EMAIL: "Email: mike dot davis at outlook dot com. Gmail, Hotmail, Yahoo, underscore.",
        Expected.NAME: "My name is Mike Davis. This is Alejandro Gutiérrez.",
        Expected.FREE: "",
    },
}


def prompt(expecting: Expected, lang: str) -> str:
    """The decoder prompt for this kind of answer ('' for a free answer: no bias at all)."""
    pack = _PROMPTS["es" if lang.lower().startswith("es") else "en"]
    return pack.get(expecting, "")
