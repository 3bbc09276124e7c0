"""Times as callers say them: 24-hour pairs, 12-hour with the part of the day, relative to now."""

from __future__ import annotations

import random

from daisy.evaluation.speech import en_number, es_number


def _es_part_of_day(h: int) -> str:
    if h < 6:
        return "de la madrugada"
    if h < 12:
        return "de la mañana"
    if h < 20:
        return "de la tarde"
    return "de la noche"


def _en_part_of_day(h: int) -> str:
    if h < 12:
        return "in the morning"
    if h < 18:
        return "in the afternoon"
    return "in the evening"


def _h12(h: int) -> int:
    return h % 12 or 12


def es_time(hhmm: str, rng: random.Random, style: str | None = None) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    forms: list[str] = []
    # 24-hour pairs: "dieciséis cuarenta y cinco", "cero cero treinta", "nueve quince"
    hour24 = "cero cero" if h == 0 else es_number(h)
    if h >= 13 or h == 0 or style == "24h":
        if m:
            forms.append(f"{hour24} {es_number(m) if m >= 10 else 'cero ' + es_number(m)}")
        else:
            forms.append(f"a las {es_number(h)} horas" if h else "a las cero horas")
    forms.append(f"{h:02d}:{m:02d}" if rng.random() < 0.5 else f"{h}:{m:02d}")
    if 6 <= h <= 23:  # the recognizer writes the number, the caller adds the part of the day
        forms.append(f"a las {_h12(h)}{':' + format(m, '02d') if m else ''} {_es_part_of_day(h)}")
    # 12-hour with the part of the day
    h12 = _h12(h)
    at = "a la" if h12 == 1 else "a las"
    day = _es_part_of_day(h)
    hour_word = "una" if h12 == 1 else es_number(h12)
    if m == 0 and h == 12:
        forms.append(rng.choice(["al mediodía", "a las doce del día"]))
    elif m == 0:
        forms.append(f"{at} {hour_word} {day}")
    elif m == 15:
        forms.append(f"{at} {hour_word} y cuarto {day}")
    elif m == 30:
        forms.append(f"{at} {hour_word} y media {day}")
    elif m >= 40 and h in (11, 23):
        # "para las doce" has no clear part of the day: callers say the plain time instead
        forms.append(f"{at} {hour_word} {es_number(m)} {day}")
    elif m == 45:
        nxt = _h12(h + 1)
        nxt_word = "una" if nxt == 1 else es_number(nxt)
        forms.append(
            f"{'a la' if nxt == 1 else 'a las'} {nxt_word} menos cuarto {_es_part_of_day((h + 1) % 24)}"
        )
    elif m >= 40:
        nxt = _h12(h + 1)
        nxt_word = "una" if nxt == 1 else es_number(nxt)
        forms.append(
            f"{es_number(60 - m)} para {'la' if nxt == 1 else 'las'} {nxt_word} "
            f"{_es_part_of_day((h + 1) % 24)}"
        )
    else:
        forms.append(f"{at} {hour_word} {es_number(m)} {day}")
    if style == "24h":
        return forms[0]
    if style == "12h":
        return forms[-1]
    said = rng.choice(forms)
    if rng.random() < 0.3:
        said = (
            rng.choice(
                ["como ", "llego como ", "más o menos ", "yo creo que ", "a eso de ", "estaría llegando "]
            )
            + said
        )
        said = said.replace("a eso de a las", "a eso de las").replace("a eso de a la ", "a eso de la ")
    return said


def en_time(hhmm: str, rng: random.Random, style: str | None = None) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    h12 = _h12(h)
    ampm = "AM" if h < 12 else "PM"
    forms = [f"{h12}:{m:02d} {ampm}"]
    if m == 0 and h in (0, 12):
        forms.append("noon" if h == 12 else "midnight")
    elif m == 0:
        forms += [f"{en_number(h12)} {ampm}", f"{en_number(h12)} o'clock {_en_part_of_day(h)}"]
    elif m == 30:
        forms += [
            f"around {en_number(h12)} thirty {_en_part_of_day(h)}",
            f"half past {en_number(h12)} {ampm}",
        ]
    elif m == 15:
        forms.append(f"quarter past {en_number(h12)} {_en_part_of_day(h)}")
    elif m == 45:
        forms.append(f"quarter to {en_number(_h12(h + 1))} {_en_part_of_day((h + 1) % 24)}")
    elif m < 30 and m % 5 == 0:
        forms.append(f"{en_number(m)} past {en_number(h12)} {_en_part_of_day(h)}")
    else:
        mins = en_number(m) if m >= 10 else f"oh {en_number(m)}"
        forms.append(f"{en_number(h12)} {mins} {ampm}")
    if style == "12h":
        return forms[-1]
    said = rng.choice(forms)
    if rng.random() < 0.3:
        said = (
            rng.choice(
                ["about ", "around ", "I'd say ", "probably ", "I'll be there ", "should be there by "]
            )
            + said
        )
        said = said.replace("there by around", "there around")
    return said


def time_said(hhmm: str, lang: str, rng: random.Random, style: str | None = None) -> str:
    return es_time(hhmm, rng, style) if lang == "es" else en_time(hhmm, rng, style)


def relative_said(minutes: int, lang: str, rng: random.Random) -> str:
    """ "en unas dos horas", "en hora y media", "in forty five minutes" ..."""
    hours, mins = divmod(minutes, 60)
    if lang == "es":
        if minutes == 30:
            return rng.choice(["en media hora", "como en media hora"])
        if minutes == 90:
            return rng.choice(["en hora y media", "en una hora y media"])
        if mins == 0:
            amount = "una hora" if hours == 1 else f"{es_number(hours)} horas"
            return rng.choice(
                [f"en unas {amount}" if hours > 1 else "en una hora", f"en {amount}", f"como en {amount}"]
            )
        return f"en {es_number(minutes)} minutos"
    if minutes == 30:
        return "in half an hour"
    if mins == 0:
        amount = "an hour" if hours == 1 else f"{en_number(hours)} hours"
        return rng.choice([f"in {amount}", f"in about {amount}"])
    return f"in {en_number(minutes)} minutes"


def bare_time(hhmm: str, lang: str, rng: random.Random) -> str:
    """The hour without the part of the day ("a las cuatro y media", "at four thirty"): the listener
    takes the next such time from now."""
    h, m = (int(x) for x in hhmm.split(":"))
    h12 = _h12(h)
    if lang == "es":
        hour = "una" if h12 == 1 else es_number(h12)
        at = "a la" if h12 == 1 else "a las"
        mins = {0: "", 15: " y cuarto", 30: " y media"}.get(m, f" {es_number(m)}" if m >= 10 else "")
        if m and m < 10:
            mins = f" con {es_number(m)}"
        return f"{rng.choice(['', 'como ', 'llego '])}{at} {hour}{mins}"
    mins = {0: " o'clock", 30: " thirty", 15: " fifteen"}.get(
        m, f" {en_number(m)}" if m >= 10 else f" oh {en_number(m)}"
    )
    return f"{rng.choice(['', 'around ', 'about '])}{en_number(h12)}{mins}"
