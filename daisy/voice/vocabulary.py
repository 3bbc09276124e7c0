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

from daisy.core.expectation import Expected

_LETTERS_ES = (
    "a be ce de e efe ge hache i jota ka ele eme ene o pe cu erre ese te u ve doble u equis i griega zeta"
)
_DIGITS_ES = "uno dos tres cuatro cinco seis siete ocho nueve cero"
_LETTERS_EN = "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z"
_DIGITS_EN = "one two three four five six seven eight nine zero"
# Among the most frequent given names and surnames in Mexico: the decoder then writes a common name
# the way it is spelled ("José Hernández", not "Soy sofea rande"). Measured on names on and off the
# list: 7 of 14 right instead of 3, and fewer wrong (one name off the list came back as "José").
_NAMES_MX = (
    "José Juan Luis Miguel Jesús Francisco Antonio Alejandro Pedro Carlos Manuel Jorge Ricardo Fernando "
    "Roberto María Guadalupe Hernández García Martínez López González Pérez Rodríguez Sánchez Ramírez "
    "Cruz Flores Gómez Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz"
)

_PROMPTS: dict[str, dict[Expected, str]] = {
    "es": {
        Expected.YES_NO: "Sí. No. Sí, correcto. No, está mal. Así es.",
        # Word lists without commas: a comma between number words splits the number ("doscientos,
        # diez" reads 200 | 10), and listed examples ("Cuarenta y seis, noventa") were written in
        # place of what was said.
        Expected.DIGITS: f"{_DIGITS_ES} diez once doce trece catorce quince veinte treinta cuarenta "
        "cincuenta sesenta setenta ochenta noventa cien doscientos mil",
        Expected.PLATE: f"{_LETTERS_ES} {_DIGITS_ES}",
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
        Expected.PLATE: f"letters {_LETTERS_EN} numbers {_DIGITS_EN}",
        Expected.TIME: (
            "At ... in the morning, in the afternoon, in the evening, a.m., p.m. Thirty, fifteen, half "
            "past. In an hour, in two hours. Noon."
        ),
        Expected.EMAIL: (
            "My email is... at gmail dot com, at hotmail dot com, at outlook dot com, at yahoo dot com. "
            "Underscore, dash, dot."
        ),
        # A list of names did not help in English (as many right, more names said that were not)
        Expected.NAME: "My name is... This is... I'm...",
        Expected.FREE: "",
    },
}


def prompt(expecting: Expected, lang: str) -> str:
    """The decoder prompt for this kind of answer ('' for a free answer: no bias at all)."""
    pack = _PROMPTS["es" if lang.lower().startswith("es") else "en"]
    return pack.get(expecting, "")
