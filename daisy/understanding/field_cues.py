"""Two values in one breath: "el tractor es el 3120 con placas RT-45-22" is a fleet number and the
tractor's plates. The words that name a field ("placas", "la caja", "llego", "correo") start its
part of the utterance; each part is read with its own field's kind.

The cue words are a language pack (one table per language); which field a part belongs to comes
from the form itself: its kind, and the subject its label names ("del tractor", "de la caja").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from daisy.understanding.normalize import is_english, strip_accents


@dataclass(frozen=True)
class FieldInfo:
    """What the splitter needs to know of a form field."""

    key: str
    kind: str  # name | number | plate | time | email | text
    label: str  # in the call's language ("las placas de la caja")


@dataclass(frozen=True)
class _Pack:
    kinds: dict[str, str]  # kind -> cue words that start a part about a value of that kind
    subjects: dict[str, str]  # subject -> words that name it (in cues and in form labels)
    lead: str  # words that may come just before a cue and go with it ("y las", "con")


_ES = _Pack(
    kinds={
        "plate": r"placas?|matr[ií]culas?",
        "number": r"n[uú]mero(?: econ[oó]mico)?|econ[oó]mico|eco",
        "time": r"lleg[oa]\w*|arrib[oa]\w*|hora de llegada|estoy (?:all[aá]|ah[ií]) (?:a|como a) las",
        "email": r"correo(?: electr[oó]nico)?|e-?mail|mail",
    },
    subjects={
        "trailer": r"caja|remolque|tr[aá]iler|thermo|termo|chasis|plataforma|semirremolque",
        "tractor": r"tractor|tracto|tractocami[oó]n|cami[oó]n|unidad|troca",
    },
    lead=r"(?:(?:y|e|con|pero|luego|tambi[eé]n|las|los|la|el|sus|mis|mi|su|de|del)\s+)*",
)
_EN = _Pack(
    kinds={
        "plate": r"(?:plates?|tags?|license(?: plates?)?)(?: numbers?)?",
        "number": r"(?:fleet |unit )?number",
        "time": r"(?:i'?ll |i will |should |gonna |going to )?(?:arriv\w+|get there|be there|eta)",
        "email": r"e-?mail(?: address)?",
    },
    subjects={
        "trailer": r"trailer|box|reefer|van|dry van|chassis",
        "tractor": r"tractor|truck|unit|rig|cab",
    },
    lead=r"(?:(?:and|with|plus|the|my|its|it'?s|then|of|for|on)\s+)*",
)


def _pack(lang: str) -> _Pack:
    return _EN if is_english(lang) else _ES


def _cue_rx(pack: _Pack) -> re.Pattern[str]:
    kinds = "|".join(f"(?P<{kind}>{words})" for kind, words in pack.kinds.items())
    subject = "|".join(pack.subjects.values())
    # "las placas de la caja", "y la caja, sus placas", "trailer plates": a subject may come either side
    return re.compile(
        rf"(?i)\b{pack.lead}(?:(?:{subject})\s+{pack.lead})?(?:{kinds})\b"
        rf"(?:\s+(?:de la|del|de|of the|of|on the|on)\s+(?:{subject})\b)?"
    )


_CUES = {id(_ES): _cue_rx(_ES), id(_EN): _cue_rx(_EN)}
# A subject named alone ("y la caja es la 512", "trailer's 78"): the value says which of its fields
_SUBJECT_CUES = {
    id(p): re.compile(rf"(?i)\b{p.lead}(?:{'|'.join(p.subjects.values())})(?:'s)?\b") for p in (_ES, _EN)
}
UNDECIDED = "?"  # a key prefix: the part is about a subject, its field is chosen by its value


def _subject_of(text: str, pack: _Pack) -> str | None:
    folded = strip_accents(text.lower())
    for subject, words in pack.subjects.items():
        if re.search(rf"\b(?:{strip_accents(words)})\b", folded):
            return subject
    return None


def split(text: str, lang: str, fields: Sequence[FieldInfo], current: str) -> dict[str, str]:
    """The parts of ``text`` for each field they are about, keyed by field: the current field's own
    words under ``current`` (the whole text when no other field is named). A part that names no
    field of the form, or two fields at once, stays with the current field."""
    if not isinstance(text, str) or len(text) > 2000:
        return {current: text}
    pack = _pack(lang)
    by_key = {f.key: f for f in fields}
    here = by_key.get(current)
    if here is None:
        return {current: text}
    here_subject = _subject_of(here.label, pack)
    cuts: list[tuple[int, int, str]] = []  # (start, end of the cue words, field key)
    subject = here_subject
    kind_cues = list(_CUES[id(pack)].finditer(text))
    taken = [(m.start(), m.end()) for m in kind_cues]
    subject_cues = [
        m for m in _SUBJECT_CUES[id(pack)].finditer(text)
        if not any(a < m.end() and m.start() < b for a, b in taken) and not _key_word(text, m, lang)
    ]
    for m in sorted([*kind_cues, *subject_cues], key=lambda m: m.start()):
        said = _subject_of(m.group(0), pack)
        subject = said or subject
        if m.re is _SUBJECT_CUES[id(pack)]:
            if said is None or said == here_subject and not cuts:
                continue  # "el tractor es el 3120" asked for the tractor: its own subject
            key = UNDECIDED + said
        else:
            kind = next(k for k in pack.kinds if m.group(k))
            found = _field_for(kind, subject if kind in ("plate", "number") else None, fields)
            if found is None:
                continue
            if found == current and not cuts:
                continue  # the field's own cue at the start ("el número es…")
            key = found
        cuts.append((m.start(), m.end(), key))
    parts: dict[str, str] = {}
    starts = [0] + [start for start, _, _ in cuts]
    bodies = [0] + [end for _, end, _ in cuts]  # a part's value starts after its cue words
    keys = [current] + [key for _, _, key in cuts]
    for k, (body, key) in enumerate(zip(bodies, keys, strict=True)):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        chunk = _OF_IT.sub("", text[body:end].strip(" ,;.:")).strip(" ,;.:")
        if chunk:
            parts[key] = f"{parts[key]} {chunk}" if key in parts else chunk
    if set(parts) == {current}:
        return {current: text}
    parts.setdefault(current, "")
    return parts


# "las placas de ese son…", "the plates on it are…": words pointing back at the thing, no value
_OF_IT = re.compile(
    r"(?i)^(?:(?:de|del|of|on|for) (?:ese|este|esa|esta|[eé]l|ella|la misma|el mismo|it|that|this|"
    r"the same(?: one)?)\b[\s,]*)?(?:(?:son|es|ser[ií]an|ser[ií]a|are|is)\b[\s,:]*)?"
)


_CONNECTORS = {"de", "del", "como", "like", "as", "for", "in", "of"}


def _key_word(text: str, m: re.Match[str], lang: str) -> bool:
    """ "V like Van", "C de caja": the subject's word is the key word of a letter being spelled."""
    from daisy.understanding.spelling import _letter_of

    before = re.findall(r"[\w']+", text[: m.end()])[:-1]
    words = [strip_accents(w.lower()) for w in before]
    return len(words) >= 2 and words[-1] in _CONNECTORS and (
        _letter_of(words[-2], lang) is not None
        or words[-2] == "as" and len(words) >= 3 and _letter_of(words[-3], lang) is not None
    )


def _field_for(kind: str, subject: str | None, fields: Sequence[FieldInfo]) -> str | None:
    """The one field of this kind (about this subject, when the form has several of the kind)."""
    same_kind = [f for f in fields if f.kind == kind]
    if len(same_kind) == 1:
        return same_kind[0].key
    if subject is None:
        return None
    words = pack_words_for(subject)
    about = [f for f in same_kind if re.search(rf"(?i)\b(?:{words})\b", strip_accents(f.label))]
    return about[0].key if len(about) == 1 else None


def about(subject: str, fields: Sequence[FieldInfo]) -> list[FieldInfo]:
    """The form's fields whose label names the subject ("el número de la caja" is about the trailer)."""
    words = pack_words_for(subject)
    return [f for f in fields if re.search(rf"(?i)\b(?:{words})\b", strip_accents(f.label))]


def pack_words_for(subject: str) -> str:
    """Every language's words for a subject, accents off (labels are matched without accents)."""
    return "|".join(strip_accents(p.subjects[subject]) for p in (_ES, _EN) if subject in p.subjects)
