"""The dashboard's words in Mexican Spanish (the default) and English, chosen per browser by a cookie.

Templates call `t("key", name=value)`; Python code calls `text(lang, "key", ...)` with
`lang_of(request)`. Every key lives in both languages (a test checks): a new page or form adds its
keys to MESSAGES below, or from its own module with `add_messages(es={...}, en={...})`.

Messages already written in English elsewhere (the app's error pages, a filter's "since: not a
date …") are translated by `message(lang, text)`: an exact English sentence, or one of PATTERNS.
The JSON API keeps its English keys and messages: only what a person reads is translated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI reads the catalog too, without loading the web stack
    from starlette.requests import Request

LANGS = ("es", "en")
DEFAULT = "es"
COOKIE = "daisy_lang"
HTML_LANG = {"es": "es-MX", "en": "en"}
ONE_YEAR = 365 * 24 * 3600

MESSAGES: dict[str, dict[str, str]] = {
    "es": {
        # frame
        "brand": "registros",
        "site": "Daisy registros",
        "nav.calls": "Llamadas",
        "nav.overview": "Resumen",
        "nav.api": "API",
        "nav.logout": "Cerrar sesión",
        "nav.switch": "English",
        "nav.switch_title": "Ver el tablero en inglés",
        # the list of calls
        "calls.title": "Llamadas",
        "calls.search": "Buscar",
        "calls.search_hint": "nombre, placa, número, teléfono…",
        "calls.outcome": "Resultado",
        "calls.direction": "Dirección",
        "calls.any": "todas",
        "calls.from": "Desde",
        "calls.to": "Hasta",
        "calls.filter": "Filtrar",
        "calls.clear": "Quitar filtros",
        "calls.times_in": "Horas en {zone}.",
        "calls.export": "Exportar esta lista:",
        "calls.col.time": "Hora",
        "calls.col.direction": "Dirección",
        "calls.col.caller": "Teléfono",
        "calls.col.driver": "Operador",
        "calls.col.outcome": "Resultado",
        "calls.col.fields": "Datos",
        "calls.col.duration": "Duración",
        "calls.newer": "← Más recientes",
        "calls.older": "Anteriores →",
        "calls.range": "{first}–{last} de {total}",
        "calls.none": "Ninguna llamada coincide.",
        # one call
        "call.title": "Llamada {id}",
        "call.back": "← Todas las llamadas",
        "call.unknown_driver": "Operador desconocido",
        "call.id": "Llamada",
        "call.started": "Inicio",
        "call.duration": "Duración",
        "call.direction": "Dirección",
        "call.caller": "Teléfono",
        "call.fields": "Datos",
        "call.confirmed_of": "{collected}/{total} confirmados",
        "call.webhook": "Webhook",
        "call.attempts_one": "{n} intento",
        "call.attempts_many": "{n} intentos",
        "call.follow_up": "Seguimiento",
        "call.call_back_at": "Volver a llamar el",
        "call.send_email": "Enviar el registro por correo a",
        "call.send_whatsapp": "Enviar el registro por WhatsApp a",
        "call.recording": "Grabación",
        "call.download": "Descargar la grabación",
        "call.col.field": "Dato",
        "call.col.value": "Valor",
        "call.col.status": "Estado",
        "call.col.source": "Origen",
        "call.col.attempts": "Lecturas",
        "call.confirmed": "✔ confirmado",
        "call.unknown": "el operador no lo sabía",
        "call.not_confirmed": "sin confirmar",
        "call.missing": "falta",
        "call.transcript": "Transcripción",
        "call.who.daisy": "Daisy",
        "call.who.caller": "Operador",
        "call.no_transcript": "Sin transcripción.",
        # errors and login
        "error.not_found": "No encontrado",
        "error.check": "Revisa la solicitud",
        "error.server": "Algo falló",
        "error.back": "Volver a las llamadas",
        "login.title": "Iniciar sesión",
        "login.help": "Escribe tu token personal (de <code>daisy users add</code>) o el de "
                      "administración (<code>DAISY_ADMIN_TOKEN</code>) de este servidor Daisy.",
        "login.token": "Token",
        "login.submit": "Entrar",
        "login.wrong": "Ese token no es correcto.",
        "login.too_many": "Demasiados tokens equivocados desde esta dirección. "
                          "Vuelve a intentar en {wait} s.",
        # the overview
        "overview.title": "Resumen",
        "overview.apply": "Ver",
        "overview.calls": "{n} llamadas",
        "overview.calls_one": "{n} llamada",
        "overview.json": "Las mismas cifras en JSON",
        "overview.per_day": "Llamadas por día y resultado",
        "overview.per_week": "Llamadas por semana y resultado",
        "overview.per_month": "Llamadas por mes y resultado",
        "overview.fields": "Datos: capturados y leídos bien a la primera",
        "overview.fields_note": "De las llamadas que llegaron a preguntar cada dato.",
        "overview.captured": "capturado",
        "overview.first_right": "primera lectura correcta",
        "overview.turns": "Turnos del operador por dato",
        "overview.turns_note": "Promedio por llamada que llegó a ese dato.",
        "overview.latency": "Latencia por turno de Daisy",
        "overview.latency_note": "{n} turnos medidos (solo llamadas de voz).",
        "overview.p50": "mediana (p50)",
        "overview.p95": "p95",
        "overview.no_data": "Sin datos en este periodo.",
        "overview.col.field": "Dato",
        "overview.col.asked": "Preguntado",
        "overview.col.captured": "Capturado",
        "overview.col.first_right": "Bien a la primera",
        "overview.col.turns": "Turnos",
        "overview.direction_any": "ambas",
        "overview.day": "{d} {mon}",
        "overview.week": "sem. {d} {mon}",
        "overview.month": "{mon} {y}",
        "overview.months": "ene feb mar abr may jun jul ago sep oct nov dic",
        "overview.period_all": "Todas las llamadas guardadas.",
        "overview.period": "Llamadas iniciadas desde {since} hasta {until}.",
        # words shown for stored values
        "outcome.completed": "completada",
        "outcome.incomplete": "incompleta",
        "outcome.refused": "rechazada",
        "outcome.callback": "volver a llamar",
        "outcome.email": "por correo",
        "outcome.whatsapp": "por WhatsApp",
        "outcome.transferred": "transferida",
        "outcome.abandoned": "abandonada",
        "outcome.voicemail": "buzón de voz",
        "outcome.no_answer": "sin respuesta",
        "outcome.busy": "ocupado",
        "outcome.unfinished": "sin terminar",
        "direction.inbound": "entrante",
        "direction.outbound": "saliente",
        "source.speech": "voz",
        "source.keypad": "teclado",
        "source.roster": "padrón",
        "webhook.pending": "pendiente",
        "webhook.delivered": "entregado",
        "webhook.failed": "falló",
        "field.driver_name": "Operador",
        "field.tractor_number": "Número de tractor",
        "field.tractor_plates": "Placas del tractor",
        "field.trailer_number": "Número de remolque",
        "field.trailer_plates": "Placas del remolque",
        "field.eta": "Hora de llegada",
        "field.email": "Correo",
        "latency.endpointing": "fin de turno",
        "latency.stt": "voz a texto",
        "latency.core": "núcleo",
        "latency.tts": "texto a voz",
        "latency.total": "total",
        # export headers (CSV): the JSON keys stay English
        "col.id": "id",
        "col.started_at": "inicio",
        "col.ended_at": "fin",
        "col.duration_s": "duracion_s",
        "col.direction": "direccion",
        "col.language": "idioma",
        "col.caller_number": "telefono",
        "col.form": "formulario",
        "col.outcome": "resultado",
        "col.collected": "confirmados",
        "col.total": "total",
        "col.callback_at": "volver_a_llamar",
        "col.follow_up_channel": "seguimiento_canal",
        "col.follow_up_address": "seguimiento_direccion",
        "col.driver_name": "operador",
        "col.tractor_number": "numero_tractor",
        "col.tractor_plates": "placas_tractor",
        "col.trailer_number": "numero_remolque",
        "col.trailer_plates": "placas_remolque",
        "col.eta": "hora_llegada",
        "col.email": "correo",
    },
    "en": {
        "brand": "records",
        "site": "Daisy records",
        "nav.calls": "Calls",
        "nav.overview": "Overview",
        "nav.api": "API",
        "nav.logout": "Log out",
        "nav.switch": "Español",
        "nav.switch_title": "Show the dashboard in Spanish",
        "calls.title": "Calls",
        "calls.search": "Search",
        "calls.search_hint": "name, plate, number, phone…",
        "calls.outcome": "Outcome",
        "calls.direction": "Direction",
        "calls.any": "any",
        "calls.from": "From",
        "calls.to": "To",
        "calls.filter": "Filter",
        "calls.clear": "Clear",
        "calls.times_in": "Times in {zone}.",
        "calls.export": "Export this list:",
        "calls.col.time": "Time",
        "calls.col.direction": "Direction",
        "calls.col.caller": "Caller",
        "calls.col.driver": "Driver",
        "calls.col.outcome": "Outcome",
        "calls.col.fields": "Fields",
        "calls.col.duration": "Duration",
        "calls.newer": "← Newer",
        "calls.older": "Older →",
        "calls.range": "{first}–{last} of {total}",
        "calls.none": "No calls match.",
        "call.title": "Call {id}",
        "call.back": "← All calls",
        "call.unknown_driver": "Unknown driver",
        "call.id": "Call",
        "call.started": "Started",
        "call.duration": "Duration",
        "call.direction": "Direction",
        "call.caller": "Caller",
        "call.fields": "Fields",
        "call.confirmed_of": "{collected}/{total} confirmed",
        "call.webhook": "Webhook",
        "call.attempts_one": "{n} attempt",
        "call.attempts_many": "{n} attempts",
        "call.follow_up": "Follow-up",
        "call.call_back_at": "Call back at",
        "call.send_email": "Send the registration by email to",
        "call.send_whatsapp": "Send the registration by WhatsApp to",
        "call.recording": "Recording",
        "call.download": "Download the recording",
        "call.col.field": "Field",
        "call.col.value": "Value",
        "call.col.status": "Status",
        "call.col.source": "Source",
        "call.col.attempts": "Read-backs",
        "call.confirmed": "✔ confirmed",
        "call.unknown": "driver didn't know",
        "call.not_confirmed": "not confirmed",
        "call.missing": "missing",
        "call.transcript": "Transcript",
        "call.who.daisy": "Daisy",
        "call.who.caller": "Driver",
        "call.no_transcript": "No transcript.",
        "error.not_found": "Not found",
        "error.check": "Please check the request",
        "error.server": "Something is wrong",
        "error.back": "Back to the calls",
        "login.title": "Log in",
        "login.help": "Enter your own token (from <code>daisy users add</code>) or the admin token "
                      "(<code>DAISY_ADMIN_TOKEN</code>) of this Daisy server.",
        "login.token": "Token",
        "login.submit": "Log in",
        "login.wrong": "That token is not right.",
        "login.too_many": "Too many wrong tokens from this address. Try again in {wait} s.",
        "overview.title": "Overview",
        "overview.apply": "Show",
        "overview.calls": "{n} calls",
        "overview.calls_one": "{n} call",
        "overview.json": "The same figures as JSON",
        "overview.per_day": "Calls per day by outcome",
        "overview.per_week": "Calls per week by outcome",
        "overview.per_month": "Calls per month by outcome",
        "overview.fields": "Fields: captured, and read back right the first time",
        "overview.fields_note": "Out of the calls that got as far as asking for each field.",
        "overview.captured": "captured",
        "overview.first_right": "first read-back right",
        "overview.turns": "Driver turns per field",
        "overview.turns_note": "Mean per call that got to the field.",
        "overview.latency": "Latency per Daisy turn",
        "overview.latency_note": "{n} turns measured (voice calls only).",
        "overview.p50": "median (p50)",
        "overview.p95": "p95",
        "overview.no_data": "No data in this period.",
        "overview.col.field": "Field",
        "overview.col.asked": "Asked",
        "overview.col.captured": "Captured",
        "overview.col.first_right": "Right first time",
        "overview.col.turns": "Turns",
        "overview.direction_any": "both",
        "overview.day": "{mon} {d}",
        "overview.week": "wk {mon} {d}",
        "overview.month": "{mon} {y}",
        "overview.months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "overview.period_all": "Every call stored.",
        "overview.period": "Calls started from {since} to {until}.",
        "outcome.completed": "completed",
        "outcome.incomplete": "incomplete",
        "outcome.refused": "refused",
        "outcome.callback": "call back",
        "outcome.email": "by email",
        "outcome.whatsapp": "by WhatsApp",
        "outcome.transferred": "transferred",
        "outcome.abandoned": "abandoned",
        "outcome.voicemail": "voicemail",
        "outcome.no_answer": "no answer",
        "outcome.busy": "busy",
        "outcome.unfinished": "unfinished",
        "direction.inbound": "inbound",
        "direction.outbound": "outbound",
        "source.speech": "speech",
        "source.keypad": "keypad",
        "source.roster": "roster",
        "webhook.pending": "pending",
        "webhook.delivered": "delivered",
        "webhook.failed": "failed",
        "field.driver_name": "Driver",
        "field.tractor_number": "Tractor number",
        "field.tractor_plates": "Tractor plates",
        "field.trailer_number": "Trailer number",
        "field.trailer_plates": "Trailer plates",
        "field.eta": "ETA",
        "field.email": "Email",
        "latency.endpointing": "endpointing",
        "latency.stt": "stt",
        "latency.core": "core",
        "latency.tts": "tts",
        "latency.total": "total",
        "col.id": "id",
        "col.started_at": "started_at",
        "col.ended_at": "ended_at",
        "col.duration_s": "duration_s",
        "col.direction": "direction",
        "col.language": "language",
        "col.caller_number": "caller_number",
        "col.form": "form",
        "col.outcome": "outcome",
        "col.collected": "collected",
        "col.total": "total",
        "col.callback_at": "callback_at",
        "col.follow_up_channel": "follow_up_channel",
        "col.follow_up_address": "follow_up_address",
        "col.driver_name": "driver_name",
        "col.tractor_number": "tractor_number",
        "col.tractor_plates": "tractor_plates",
        "col.trailer_number": "trailer_number",
        "col.trailer_plates": "trailer_plates",
        "col.eta": "eta",
        "col.email": "email",
    },
}

# English messages written by code outside the pages (app.py's errors, the filters' reasons): the
# Spanish a person reads instead. Exact sentences first; PATTERNS for those that carry a value.
SENTENCES_ES: dict[str, str] = {
    "no such call": "no existe esa llamada",
    "no recording for this call": "esta llamada no tiene grabación",
    "the recording file is missing": "falta el archivo de la grabación",
    "the records database is unavailable": "la base de datos de registros no está disponible",
    "internal error": "error interno",
    "Not Found": "no existe esa página",
    "Method Not Allowed": "método no permitido",
    "this form was sent from another site": "este formulario se envió desde otro sitio",
    "not a date (use YYYY-MM-DD or an ISO date and time)":
        "no es una fecha (usa AAAA-MM-DD o fecha y hora ISO)",
    "date out of range": "fecha fuera de rango",
    "must be after since": "debe ser posterior a «desde»",
    "use inbound or outbound": "usa inbound (entrante) u outbound (saliente)",
    "not a whole number": "no es un número entero",
    "control characters are not allowed": "no se permiten caracteres de control",
    "offset: between 0 and 1000000000": "offset: entre 0 y 1000000000",
}
PATTERNS_ES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^too many wrong tokens from this address; try again in (\d+) s$"),
     r"demasiados tokens equivocados desde esta dirección; vuelve a intentar en \1 s"),
    (re.compile(r"^unknown (.+); use one of: (.+)$"), r"desconocido \1; usa uno de: \2"),
    (re.compile(r"^at most (\d+) characters$"), r"a lo sumo \1 caracteres"),
    (re.compile(r"^between (\d+) and (\d+)$"), r"entre \1 y \2"),
]
# The parameter a filter error names, as the form labels it.
PARAMS_ES = {"since": "desde", "until": "hasta", "outcome": "resultado", "direction": "dirección",
             "search": "buscar", "limit": "limit", "offset": "offset"}


def add_messages(**by_lang: Mapping[str, str]) -> None:
    """Add keys for a new page or form, e.g. add_messages(es={"fix.save": "Guardar"}, en={...})."""
    for lang, entries in by_lang.items():
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
        MESSAGES[lang].update(entries)


def pick(raw: str | None) -> str:
    """A supported language from a cookie or query value; anything else is the default."""
    value = (raw or "").strip().lower()[:5].split("-")[0]
    return value if value in LANGS else DEFAULT


def lang_of(request: Request) -> str:
    return pick(request.cookies.get(COOKIE))


def text(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang` (else in the other language, else the key itself: a missing
    word shows rather than breaking the page)."""
    found = MESSAGES.get(lang, {}).get(key)
    if found is None:
        found = next((m[key] for m in MESSAGES.values() if key in m), key)
    return found.format(**values) if values else found


def word(lang: str, group: str, value: str | None) -> str:
    """A stored value (an outcome, a direction, a source) as the reader's word for it; an unknown
    value shows as it is stored."""
    if value is None:
        return "—"
    key = f"{group}.{value}"
    return text(lang, key) if any(key in m for m in MESSAGES.values()) else value


def column_names(lang: str) -> dict[str, str]:
    """Export column keys → the header a person reads in `lang` (a column not named here keeps its key)."""
    return {key.removeprefix("col."): text(lang, key) for key in MESSAGES[DEFAULT] if key.startswith("col.")}


def message(lang: str, english: str) -> str:
    """An English message from elsewhere in the reader's language ("since: not a date …" keeps its
    parameter, named as the form names it)."""
    if lang == "en":
        return english
    if english in SENTENCES_ES:
        return SENTENCES_ES[english]
    param, sep, rest = english.partition(": ")
    if sep and param in PARAMS_ES and rest:
        return f"{PARAMS_ES[param]}: {_sentence_es(rest)}"
    return _sentence_es(english)


def _sentence_es(english: str) -> str:
    if english in SENTENCES_ES:
        return SENTENCES_ES[english]
    for pattern, spanish in PATTERNS_ES:
        if pattern.match(english):
            return pattern.sub(spanish, english)
    return english  # unknown: better in English than lost
