"""The call page's side of corrections and recordings: a small form per field for editors (posted
like the logout form: the app refuses it from another site), the trail of corrections, and each
transcript turn's moment in the recording. Its words live here, in both languages (daisy.web.i18n).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from daisy.records.store import Store
from daisy.records.views import CallDetail
from daisy.web import i18n
from daisy.web.auth import identity_of
from daisy.web.corrections import MAX_TYPED, BadValue, CallInProgress, correct
from daisy.web.queries import plausible_id
from daisy.web.render import templates

router = APIRouter(include_in_schema=False)

i18n.add_messages(
    es={
        "fix.col": "Corregir",
        "fix.value": "Valor correcto para {field}",
        "fix.save": "Guardar",
        "fix.saved": "Se corrigió {field}.",
        "fix.trail": "Correcciones",
        "fix.col.field": "Dato",
        "fix.col.before": "Antes",
        "fix.col.after": "Ahora",
        "fix.col.who": "Quién",
        "fix.col.when": "Cuándo",
        "fix.empty": "(vacío)",
        "fix.viewer": "{name} tiene acceso de solo lectura: puede ver las llamadas pero no corregirlas.",
        "fix.in_progress": "La llamada sigue en curso; corrígela cuando termine.",
        "fix.no_field": "Esta llamada no tiene ese dato.",
        "fix.bad.empty": "Escribe un valor.",
        "fix.bad.long": "El valor pasa de {max} caracteres.",
        "fix.bad.controls": "El valor tiene caracteres de control o texto dañado.",
        "fix.bad.plate": "No es una placa: de 5 a 8 letras y números, con ambos (p. ej. ABC123D).",
        "fix.bad.number": "No es un número económico: de {lo} a {hi} letras y números, con algún número.",
        "fix.bad.time": "No es una hora: horas y minutos en 24 h (p. ej. 17:45).",
        "fix.bad.email": "No es un correo que Daisy aceptaría (p. ej. nombre@gmail.com).",
        "fix.bad.name": "No es un nombre: de una a seis palabras, sin números.",
        "fix.bad.text": "Escribe un valor.",
        "source.operator": "corrección manual",
        "seek.title": "Escuchar desde este momento",
    },
    en={
        "fix.col": "Correct",
        "fix.value": "Right value for {field}",
        "fix.save": "Save",
        "fix.saved": "{field} corrected.",
        "fix.trail": "Corrections",
        "fix.col.field": "Field",
        "fix.col.before": "Before",
        "fix.col.after": "After",
        "fix.col.who": "Who",
        "fix.col.when": "When",
        "fix.empty": "(empty)",
        "fix.viewer": "{name} is a viewer: viewers read calls but cannot correct them.",
        "fix.in_progress": "The call is still going on; correct it once it has ended.",
        "fix.no_field": "This call has no such field.",
        "fix.bad.empty": "Type a value.",
        "fix.bad.long": "The value is longer than {max} characters.",
        "fix.bad.controls": "The value holds control characters or broken text.",
        "fix.bad.plate": "Not a plate: 5 to 8 letters and digits, with both (e.g. ABC123D).",
        "fix.bad.number": "Not a fleet number: {lo} to {hi} letters and digits, with at least one digit.",
        "fix.bad.time": "Not a time: hours and minutes on the 24-hour clock (e.g. 17:45).",
        "fix.bad.email": "Not an email address Daisy would accept (e.g. nombre@gmail.com).",
        "fix.bad.name": "Not a name: one to six words, without digits.",
        "fix.bad.text": "Type a value.",
        "source.operator": "manual correction",
        "seek.title": "Listen from this moment",
    },
)


def call_context(request: Request, call: CallDetail, **extra: Any) -> dict[str, Any]:
    """What call.html shows: the call, its recording's URL, each turn's second in the recording
    (the turn's time minus the call's start) and whether this person may correct fields."""
    recording = None
    if call.recording_path:
        external = call.recording_path.startswith(("http://", "https://"))
        recording = call.recording_path if external else f"/calls/{call.id}/recording"
    offsets = {t.seq: max(0.0, (t.at - call.started_at).total_seconds()) for t in call.turns}
    fixed = request.query_params.get("fixed")
    return {"call": call, "recording": recording, "offsets": offsets,
            "can_correct": identity_of(request).can_correct,
            "fixed": fixed if fixed and call.field(fixed) else None,
            "fix_error": None, "fix_typed": None, **extra}


@router.post("/calls/{call_id}/fields/{key}")
def correct_from_page(
    request: Request, call_id: str, key: str, value: Annotated[str, Form(max_length=MAX_TYPED * 4)] = ""
) -> Response:
    """An editor's correction from the call page: back to the page with the new value, or the page
    again with the reason in the reader's language (and what they typed, to fix it)."""
    store: Store = request.app.state.store
    call = store.get_call(call_id) if plausible_id(call_id) else None
    if call is None:
        raise HTTPException(404, "no such call")
    who = identity_of(request)
    lang = i18n.lang_of(request)

    def again(status: int, message: str) -> Response:
        context = call_context(request, call, fix_error={"key": key, "message": message}, fix_typed=value)
        return templates.TemplateResponse(request, "call.html", context, status_code=status)

    if not who.can_correct:
        return again(403, i18n.text(lang, "fix.viewer", name=who.name))
    try:
        done = correct(store, request.app.state.settings, call, key, value, who)
    except BadValue as e:
        return again(422, _reason(lang, e.code, key))
    except CallInProgress:
        return again(409, i18n.text(lang, "fix.in_progress"))
    if done is None:
        return again(404, i18n.text(lang, "fix.no_field"))
    return RedirectResponse(f"/calls/{call.id}?fixed={key}#trail", status_code=303)


def _reason(lang: str, code: str, key: str) -> str:
    from daisy.understanding.plausible import NUMBER_SYMBOLS
    from daisy.web.corrections import field_kind

    lo, hi = field_kind(key)[1] or NUMBER_SYMBOLS
    return i18n.text(lang, f"fix.bad.{code}", lo=lo, hi=hi, max=MAX_TYPED)
