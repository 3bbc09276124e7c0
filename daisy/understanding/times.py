"""Arrival times as callers say them, to "HH:MM" on a 24-hour clock.

Forms handled: 24-hour pairs ("dieciséis cuarenta y cinco", "cero cero treinta", "17:45"),
12-hour with a part of the day ("a las cuatro de la tarde", "six PM", "two thirty in the afternoon"),
quarter/half forms ("siete y cuarto", "tres menos cuarto", "veinte para las ocho", "quarter to
nine", "five past eight"), named times ("mediodía", "medianoche", "noon", "midnight") and relative
times ("en unas dos horas", "in 45 minutes") counted from ``now``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from daisy.understanding import readback
from daisy.understanding.normalize import is_english, last_version, normalize
from daisy.understanding.numbers import Num, find_numbers

_CLOCK = re.compile(r"\b([01]?\d|2[0-4])[:.h]([0-5]\d)\b")
_PM_ES = re.compile(r"\b(?:de|en|por) la (?:tarde|noche)\b|\bpm\b|\bp m\b|\bdel (?:dia|mediodia)\b")
_AM_ES = re.compile(r"\b(?:de|en|por) la (?:mañana|manana|madrugada)\b|\bam\b|\ba m\b|\bmadrugada\b")
_NIGHT = re.compile(r"\b(?:noche|night|tonight)\b")
_PM_EN = re.compile(r"\bpm\b|\bp m\b|\b(?:afternoon|evening)\b|\bat night\b|\btonight\b"
                    r"|\bthis (?:afternoon|evening)\b|\bin the night\b")
_AM_EN = re.compile(r"\bam\b|\ba m\b|\bmorning\b")
# "mañana a las 7", "tomorrow at 7": the next day, whose first occurrence of 7 is in the morning
_TOMORROW = re.compile(r"\btomorrow\b|(?<!la )\b(?:mañana|manana)\b")
_ISH = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) ?ish\b")
_NOON = re.compile(r"\b(?:mediodia|medio dia|noon|midday)\b")
_MIDNIGHT = re.compile(r"\b(?:medianoche|media noche|midnight)\b")
_REL_ES = re.compile(r"\b(?:en|dentro de)\b")
# "como dos horas", "unas tres horas": a duration from now, unless it is a clock hour ("las 19 horas")
_BARE_HOURS = re.compile(r"^(?!.*\b(?:las|la|a las)\b).*\b(?:horas|hora|hours|hour)\b")
# "doce horas", "ocho horas": the formal 24-hour clock; a long duration needs a cue ("como cinco
# horas", "unas seis horas", "me faltan ocho horas") or a single/half hour ("una hora y media")
_DURATION_CUE = re.compile(r"\b(?:como|unas|unos|aprox\w*|mas o menos|faltan?|tardo|tardare|tardaria|hago|"
                           r"haria|otras?|par|casi|menos de|mas de|llevo|todavia|aun|hours|hour|hora|"
                           r"media|minutos|minuto|cuarto|cuartos)\b")
# "at ten twenty": a 12-hour clock, its next occurrence; a bare "ten twenty" or "10:20" is 24-hour
_AT_EN = re.compile(r"\b(?:at|around|about|by|til|till|until|before|after|like)\b")
# a duration in minutes or seconds with no "en"/"in" is a wait ("dame dos minutos"), not a time
_WAIT = re.compile(r"\b(?:minutos|minuto|segundos|segundo|minutes|minute|seconds|second|mins|secs|sec)\b")
_CLOCK_WORDS = re.compile(r"\b(?:horas|hora|hrs|hr|las|la|at|pm|am)\b")
_ARTICLE_ONE = re.compile(r"\b(?:un|una)\b(?! (?:y|menos|con|de la|en punto|cuarto|media|treinta|quince|"
                          r"diez|veinte|cuarenta|cincuenta|cinco)\b)")
_REL_EN = re.compile(r"\bin\b|\bfrom now\b")
# "noventa minutos", "about forty five minutes": a whole answer that is minutes is a duration, unless
# the caller asks for them ("dame diez minutos", "give me five minutes" is a hold, not an arrival)
_BARE_MINUTES = re.compile(r"^(?!.*\b(?:las|la|a las|at)\b).*\b(?:minutos|minutes|mins)\b")
_HOLD_CUE = re.compile(r"\b(?:dame|deme|dejame|espera\w*|aguanta\w*|permite\w*|give|wait|hold|hang|gimme|"
                       r"let me|need)\b")
# "in twenty", "llego en veinte": minutes with the unit left unsaid (or bent: "in 150 millets")
_IN_WORDS = ("in", "en")
_FILLERS = ("about", "around", "like", "roughly", "maybe", "como", "unos", "unas", "aproximadamente", "tipo")
_PART_WORDS = re.compile(r"\b(?:tarde|noche|manana|madrugada|morning|afternoon|evening|night|tonight|"
                         r"mediodia|noon|midnight|medianoche|punto|o'?clock|oclock|[ap] ?m)\b")


def _num_value(item: object) -> int | None:
    return item.value if isinstance(item, Num) else None


def _with_numbers(words: list[str], lang: str) -> list[object]:
    """Words with number groups folded into ``Num`` items."""
    nums = find_numbers(words, lang, article_one=True)
    out: list[object] = []
    i = 0
    by_start = {n.start: n for n in nums}
    while i < len(words):
        if i in by_start:
            out.append(by_start[i])
            i = by_start[i].end
        else:
            out.append(words[i])
            i += 1
    return out


def _after_la(norm: str, at: int) -> bool:
    return norm[:at].rstrip().endswith(("la", "las"))


def _fmt(h: int, m: int) -> str:
    return f"{h % 24:02d}:{m:02d}"


def _relative(norm: str, lang: str, now: datetime) -> str | None:
    """ "en dos horas y media", "in 45 minutes", "en media hora" -> now + delta."""
    english = is_english(lang)
    bare = not (_REL_EN if english else _REL_ES).search(norm)
    in_minutes = bare and bool(_BARE_MINUTES.search(norm)) and not _HOLD_CUE.search(norm)
    if bare and not _BARE_HOURS.search(norm) and not in_minutes:
        return None
    # "doce horas", "ocho horas": a clock hour said the formal way ("dos horas" stays a wait)
    formal = bare and not english and not _DURATION_CUE.search(norm.replace("horas", " "))
    words = norm.split()
    items = _with_numbers(words, lang)
    minutes = 0.0
    found = False
    hour_words = ("hour", "hours", "hr", "hrs") if english else ("hora", "horas", "hr", "hrs")
    min_words = ("minute", "minutes", "min", "mins") if english else ("minuto", "minutos", "min", "mins")
    for k, item in enumerate(items):
        if item in hour_words or item in min_words:
            prev = items[k - 1] if k > 0 else None
            count: float | None = _num_value(prev)
            quarter = items[k - 2] if prev in ("de", "of") and k > 1 else prev
            if count is None and prev == "an" and k > 2 and items[k - 2] == "of":
                quarter = items[k - 3]  # "a quarter of an hour"
            if count is None and quarter in ("cuarto", "cuartos", "quarter", "quarters"):
                back = k - (4 if prev == "an" else 3 if prev in ("de", "of") else 2)
                many = _num_value(items[back]) if back >= 0 else None
                count = 0.25 * (many or 1)  # "cuarto de hora", "tres cuartos de hora"
            if count is None and prev in ("an", "a") and k > 1 and items[k - 2] == "half":
                count = 0.5  # "half an hour"
            if count is None and prev in ("una", "un", "an", "a", "one"):
                count = 1
            if count is None and prev in ("par", "couple") or prev == "of" and items[k - 2] == "couple":
                count = 2  # "un par de horas", "a couple of hours"
            if prev == "de" and k > 1 and items[k - 2] == "par":
                count = 2
            if count is None and prev in ("media", "half"):
                count = 0.5
                whole = _num_value(items[k - 4]) if k >= 4 else None
                if prev == "half" and items[k - 2] == "a" and items[k - 3] == "and" and whole is not None:
                    count = whole + 0.5  # "two and a half hours"
            if count is None and prev in ("hora",):
                count = 1
            if count is None:
                # "hora y media" with no count, "an hour" handled above
                alone = prev in (None, "en", "in", "una", "about", "como")
                count = 1 if item in hour_words and alone else None
            if count is None:
                continue
            minutes += count * 60 if item in hour_words else count
            found = True
            after = items[k + 1] if k + 1 < len(items) else None
            later = items[k + 2] if k + 2 < len(items) else None
            if item in hour_words and isinstance(after, Num) and 0 < after.value < 60 \
                    and later not in min_words and later not in hour_words:
                minutes += after.value  # "en una hora quince"
        elif item in ("media", "half") and k > 0 and items[k - 1] in ("y", "and", "a") \
                and not (k + 1 < len(items) and items[k + 1] in hour_words):
            # "dos horas y media", "two and a half hours", "an hour and a half"
            minutes += 30
        elif item == "cuarto" and k > 0 and items[k - 1] == "y":
            minutes += 15
    if not found and re.search(r"\bmedia hora\b|\bhalf an hour\b|\ba half hour\b", norm):
        minutes, found = 30.0, True
    if not found and not bare:
        unsaid = _minutes_unsaid(items, norm)
        if unsaid is not None:
            minutes, found = float(unsaid), unsaid > 0
            if not found:
                return ""  # "in two": hours or minutes, no clock either; asked again, never guessed
    if found and in_minutes and not _BARE_HOURS.search(norm) and minutes < 5:
        return None  # "dos minutos" alone is a hold more likely than an arrival
    if not found or bare and minutes > 12 * 60 or formal and minutes > 4 * 60:
        return None  # "veintiuna horas", "ocho horas" are clock times, not durations
    at = now + timedelta(minutes=minutes)
    return _fmt(at.hour, at.minute)


def _minutes_unsaid(items: list[object], norm: str) -> int | None:
    """ "in twenty", "llego en veinte", "in 150 millets": the minutes of a number said right after
    "in"/"en" with no unit, no clock word and no part of the day; 0 when that number is too small
    to be minutes for sure ("in two"); None when the answer is not of that shape."""
    if _CLOCK_WORDS.search(norm) or _PART_WORDS.search(norm):
        return None
    for k, item in enumerate(items):
        if item not in _IN_WORDS:
            continue
        j = k + 1
        while j < len(items) and items[j] in _FILLERS:
            j += 1
        count = _num_value(items[j]) if j < len(items) else None
        if count is None or j + 1 < len(items) and isinstance(items[j + 1], Num):
            continue
        return count if 10 <= count <= 180 else 0
    return None


def _next_after(h: int, m: int, now: datetime) -> str:
    """Without a part of the day, an hour 1–12 means the next time it comes after ``now``."""
    now_min = now.hour * 60 + now.minute
    candidates = sorted({h % 12, h % 12 + 12})
    for cand in candidates:
        if cand * 60 + m >= now_min:
            return _fmt(cand, m)
    return _fmt(candidates[0], m)


def _apply_part(h: int, m: int, pm: bool, am: bool, night: bool) -> tuple[int, int]:
    if pm and h < 12:
        if night and h == 12:
            return 0, m
        # "la una de la noche"/"at one at night" are early hours, not 13:00
        if night and h <= 4:
            return h, m
        return h + 12, m
    if pm and h == 12 and night:
        return 0, m
    if am and h == 12:
        return 0, m
    return h, m


def read_time(text: str, lang: str, now: datetime) -> str | None:
    """The time a caller gave, as "HH:MM" (24 h), or None.

    An hour from 1 to 12 said with no part of the day ("a la una", "las ocho y media", English
    "two thirty") means its next occurrence after ``now`` (13:00 when it is 10:00, 01:00 when it
    is 14:00). Spanish clock pairs ("nueve quince", "dieciséis cuarenta y cinco") and written clock
    times ("9:15") are read as a 24-hour clock, as Mexican drivers use it.
    """
    try:
        last = last_version(text)
        if last != text:
            # "las once de la noche, no, diez y cuarto": the fix keeps the part of the day said before
            before = normalize(text[: len(text) - len(last)])
            part = _PART_SAID.search(before)
            if part and not _PART_SAID.search(normalize(last)):
                last = f"{last} {part.group(0)}"
        return _read_time(last, lang, now)
    except Exception:  # never crash the call on odd input
        return None


_PART_SAID = re.compile(
    r"\b(?:de la (?:manana|tarde|noche|madrugada)|en la (?:manana|tarde|noche)|(?:in the|this) (?:morning|"
    r"afternoon|evening)|tonight|at night|[ap] ?m)\b"
)


def _read_time(text: str, lang: str, now: datetime) -> str | None:
    if not isinstance(text, str):
        return None
    english = is_english(lang)
    norm = normalize(text, keep=":")
    if not norm:
        return None
    if english:
        norm = _ISH.sub(r"\1", norm)  # "sevenish", "7ish": about seven
    rel = _relative(norm.replace(":", " "), lang, now)
    if rel is not None:
        return rel or None
    if _WAIT.search(norm) and not _CLOCK_WORDS.search(norm):
        return None
    if not english:
        # "una persona", "un robot": articles; "a la una", "una y media" keep the hour
        norm = _ARTICLE_ONE.sub(lambda m: m.group(0) if _after_la(norm, m.start()) else "art", norm)
    pm = bool((_PM_EN if english else _PM_ES).search(norm)) or bool(_PM_EN.search(norm))
    am = bool((_AM_EN if english else _AM_ES).search(norm)) or bool(_AM_EN.search(norm))
    night = bool(_NIGHT.search(norm))
    if am and pm:
        am = False
    clock = _CLOCK.search(norm)
    if clock:
        h, m = int(clock.group(1)), int(clock.group(2))
        if h == 24:
            h = 0
        if h <= 12 and (pm or am):
            h, m = _apply_part(h, m, pm, am, night)
        elif h <= 12 and english and not clock.group(1).startswith("0") \
                and _AT_EN.search(norm[:clock.start()]):
            # "at 5:30": the next 5:30; a bare "10:20" or "08:05" is a 24-hour clock
            return _next_after(h, m, now) if h != 0 else _fmt(h, m)
        return _fmt(h, m)
    words = norm.replace(":", " ").split()
    items = _with_numbers(words, lang)
    found = _english_forms(items) if english else _spanish_forms(items)
    if found is None:
        if _NOON.search(norm):
            return "12:00"
        if _MIDNIGHT.search(norm):
            return "00:00"
        return None
    h, m, twelve_hour = found
    if not (0 <= h <= 24 and 0 <= m < 60):
        return None
    if h == 24:
        h = 0
    if pm or am:
        if h <= 12:
            h, m = _apply_part(h, m, pm, am, night)
        return _fmt(h, m)
    if _NOON.search(norm) and h <= 12:
        return _fmt(h + 12 if h < 12 else h, m)
    if _MIDNIGHT.search(norm) and h == 12:
        return _fmt(0, m)  # "12 midnight", "las doce de medianoche"
    if twelve_hour and 1 <= h <= 12:
        if _TOMORROW.search(norm):
            return _fmt(h % 12, m) if h != 12 else "12:00" if m == 0 else _fmt(12, m)
        return _next_after(h, m, now)
    return _fmt(h, m)


def _zero_clock(items: list[object], k0: int) -> tuple[int, int, bool] | None:
    """Clock digits with a spoken zero: "veinte cero cinco" (20:05), "cero cero treinta", "eight oh three".

    The groups said one after the other are written out; with a zero among them, three or four
    digits are HMM or HHMM.
    """
    run: list[Num] = []
    for item in items[k0:]:
        if not isinstance(item, Num):
            break
        run.append(item)
    if len(run) < 2 or not any(num.value == 0 and not num.literal for num in run):
        return None
    digits = "".join(num.digits for num in run)
    if len(digits) not in (3, 4):
        return None
    h, m = int(digits[:-2]), int(digits[-2:])
    if h > 24 or m > 59:
        return None
    return h % 24, m, False


def _hour_before(hour: int) -> int:
    """The hour before ``hour`` on the same clock ("cuarto para la una" is 12:45)."""
    if hour == 1:
        return 12
    if hour == 0:
        return 23
    return hour - 1


def _numbers(items: list[object]) -> list[tuple[int, Num]]:
    return [(k, it) for k, it in enumerate(items) if isinstance(it, Num)]


def _after(items: list[object], k: int) -> object:
    return items[k + 1] if k + 1 < len(items) else None


def _spanish_forms(items: list[object]) -> tuple[int, int, bool] | None:
    """(hour, minute, is_12_hour_style) from Spanish words, or None."""
    nums = _numbers(items)
    if not nums:
        return None
    # "veinte para las ocho", "cuarto para las nueve"
    for k, it in enumerate(items):
        if it in ("para", "pa") and k + 1 < len(items):
            nxt_k = k + 1
            while nxt_k < len(items) and items[nxt_k] in ("las", "la"):
                nxt_k += 1
            hour = _num_value(items[nxt_k]) if nxt_k < len(items) else None
            before = items[k - 1] if k > 0 else None
            mins = 15 if before == "cuarto" else _num_value(before)
            if before in ("minutos", "minuto") and k > 1:
                mins = _num_value(items[k - 2])
            if hour is not None and mins is not None and 0 < mins < 60:
                return _hour_before(hour), 60 - mins, hour <= 12
    k0, first = nums[0]
    hour = first.value
    rest = items[k0 + 1:]
    clock = _zero_clock(items, k0)
    if clock is not None:
        return clock
    # a 3–4 digit group said as one: "1745", "930"
    if 100 <= hour <= 2400 and hour % 100 < 60:
        return hour // 100, hour % 100, False
    # "cero cero treinta", "cero siete quince"
    if hour == 0 and rest and isinstance(rest[0], Num):
        second = rest[0]
        if second.value == 0 and len(rest) > 1 and isinstance(rest[1], Num):
            return 0, rest[1].value, False
        if second.value < 10 and len(rest) > 1 and isinstance(rest[1], Num):
            return second.value, rest[1].value, False
        return 0, second.value, False
    article = k0 > 0 and items[k0 - 1] in ("las", "la", "a")
    if rest and rest[0] in ("horas", "hora", "hrs", "hr", "h"):
        rest = rest[1:]  # "diecisiete horas con treinta", "17 hrs 30"
        if rest and isinstance(rest[0], Num) and rest[0].value < 60:
            return hour, rest[0].value, False
        if hour <= 24 and len(rest) > 1 and rest[0] in ("y", "con"):
            tail = rest[1]
            mins = 30 if tail == "media" else 15 if tail == "cuarto" else _num_value(tail)
            if mins is not None and 0 <= mins < 60:
                return hour, mins, False  # "ocho horas con quince", "nueve horas y media"
        if hour <= 24 and not (rest and rest[0] in ("y", "con", "menos")):
            return hour, 0, False  # "a las ocho horas", "doce horas": the formal 24-hour clock
    if rest:
        nxt = rest[0]
        if nxt in ("y", "con") and len(rest) > 1 and "entre" not in items[:k0]:
            tail = rest[1]
            if tail == "media":
                return hour, 30, True
            if tail == "cuarto":
                return hour, 15, True
            if isinstance(tail, Num) and tail.value < 60:
                return hour, tail.value, True
        if nxt == "menos" and len(rest) > 1:
            tail = rest[1]
            mins = 15 if tail == "cuarto" else _num_value(tail)
            if mins is not None and 0 < mins < 60:
                return _hour_before(hour), 60 - mins, hour <= 12
        if nxt == "en" and len(rest) > 1 and rest[1] == "punto":
            return hour, 0, True
        if isinstance(nxt, Num) and nxt.value < 60 and hour <= 24:
            # a clock pair: "dieciséis cuarenta y cinco", "nueve quince"
            # ("a las siete cuarenta" with the article is the colloquial 12-hour clock)
            return hour, nxt.value, article and 1 <= hour <= 12
        if isinstance(nxt, Num) and nxt.value >= 60:
            return None  # "1 75" for "once veinticinco": the minutes were misheard, not left out
    if hour > 24:
        return None
    return hour, 0, hour <= 12


def _english_forms(items: list[object]) -> tuple[int, int, bool] | None:
    nums = _numbers(items)
    if not nums:
        return None
    for k, it in enumerate(items):
        if it in ("to", "of", "till", "til", "before", "past", "after") and 0 < k < len(items) - 1:
            before = items[k - 1]
            if before == "minutes" and k > 1:
                before = items[k - 2]
            mins = 15 if before == "quarter" else 30 if before == "half" else _num_value(before)
            hour = _num_value(items[k + 1])
            if hour is None and items[k + 1] in ("noon", "midnight"):
                hour = 12 if items[k + 1] == "noon" else 0
            if it == "past" and mins is None and hour is not None:
                return None  # "Call the past four" for "quarter past four": the minutes were misheard
            if mins is None or hour is None or not 0 < mins < 60:
                continue
            if it in ("past", "after"):
                return hour, mins, hour <= 12
            return _hour_before(hour), 60 - mins, hour <= 12
    k0, first = nums[0]
    hour = first.value
    rest = items[k0 + 1:]
    if len(nums) == 1 and hour == 0 and not first.literal:
        return None  # a lone "oh" ("O K S U T" for "Okay, shoot.") is a letter heard, not midnight
    # "at two thirty" is a 12-hour clock; a bare pair ("ten twenty") is 24-hour, as in Spanish
    at = any(isinstance(w, str) and _AT_EN.fullmatch(w) for w in items[:k0])
    clock = _zero_clock(items, k0)
    if clock is not None:
        h, m, _ = clock
        return h, m, at and h <= 12 and not items[k0].digits.startswith("0")  # type: ignore[union-attr]
    if 100 <= hour <= 2400 and hour % 100 < 60:
        # "1730", "seventeen hundred", "nine thirty" said as one group; "hundred" is military time
        h, m = hour // 100, hour % 100
        return h, m, at and h <= 12 and not (first.digits.startswith("0") or "hundred" in items)
    if hour == 0 and rest and isinstance(rest[0], Num):
        return 0, rest[0].value, False
    if rest and isinstance(rest[0], Num) and rest[0].value < 60:
        return hour, rest[0].value, at and hour <= 12
    if rest and rest[0] == "thirty":
        return hour, 30, at and hour <= 12
    if hour > 24 or rest and isinstance(rest[0], Num) and rest[0].value >= 60:
        return None  # "two 75": the minutes were misheard, not left out
    return hour, 0, hour <= 12


def say_time(hhmm: str, lang: str) -> str:
    """Say "HH:MM" naturally and unambiguously (the wording lives in `readback`)."""
    return readback.say_time(hhmm, lang)
