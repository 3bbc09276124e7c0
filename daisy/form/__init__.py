"""The form Daisy fills: fields in order, their kind, and the wording per language (data, not code)."""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

DEFAULT_FORM = Path(__file__).with_name("carrier_registration.toml")
LANGUAGES = ("es-MX", "en-US")
LANG_ALIASES = {"es": "es-MX", "en": "en-US", "es-mx": "es-MX", "en-us": "en-US"}


class FieldKind(StrEnum):
    NAME = "name"
    NUMBER = "number"
    PLATE = "plate"
    TIME = "time"
    EMAIL = "email"
    TEXT = "text"


class FormError(ValueError):
    """A form file that cannot be used; the message names the problem in one line."""


@dataclass(frozen=True, slots=True)
class FormField:
    key: str
    kind: FieldKind
    required: bool
    label: dict[str, str]
    ask: dict[str, str]
    confirm: dict[str, str] | None = None  # read-back template with {value}
    symbols: tuple[int, int] | None = None  # a number's plausible length, e.g. [1, 6] (None: the default)


@dataclass(frozen=True, slots=True)
class Form:
    name: str
    company: str
    purpose: dict[str, str]
    fields: tuple[FormField, ...]
    reason: dict[str, str] | None = None  # outbound: why Daisy calls (defaults to purpose)

    @property
    def keys(self) -> list[str]:
        return [f.key for f in self.fields]

    def field(self, key: str) -> FormField:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)


def canonical_lang(lang: str) -> str:
    """'es' → 'es-MX', 'en' → 'en-US'; unknown languages raise FormError."""
    got = LANG_ALIASES.get(lang.lower(), lang)
    if got not in LANGUAGES:
        raise FormError(f"unknown language {lang!r}; use one of: es, en")
    return got


def _wording(raw: object, where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise FormError(f"{where} must be a table of wording per language (es-MX, en-US)")
    missing = [lang for lang in LANGUAGES if not isinstance(raw.get(lang), str) or not raw[lang]]
    if missing:
        raise FormError(f"{where} has no wording for {', '.join(missing)}")
    return {lang: raw[lang] for lang in LANGUAGES}


def _optional_template(raw: dict, key: str, where: str) -> dict[str, str] | None:
    if key not in raw:
        return None
    wording = _wording(raw[key], where)
    for lang, text in wording.items():
        _check_template(text, f"{where} ({lang})")
    return wording


def _check_template(text: str, where: str) -> None:
    """A read-back template may hold `{value}` and nothing else in braces: any other field, index,
    attribute or format would fail, or read Python objects, at the first read-back of a live call."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        raise FormError(f"{where} has an unmatched brace; write {{{{ or }}}} for a literal one") from None
    fields = [(name, spec, conv) for _, name, spec, conv in parts if name is not None]
    for name, spec, conv in fields:
        if name != "value" or spec or conv:
            shown = "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            raise FormError(f"{where} may only use {{value}}, not {shown[:60]}")
    if not fields:
        raise FormError(f"{where} must contain {{value}}")


def _symbols(raw: object, where: str) -> tuple[int, int] | None:
    if raw is None:
        return None
    ok = isinstance(raw, list) and len(raw) == 2 and all(type(n) is int for n in raw)
    if not ok or not 1 <= raw[0] <= raw[1] <= 32:  # type: ignore[index]
        raise FormError(f"{where} must be [shortest, longest], e.g. [1, 6]")
    return (raw[0], raw[1])  # type: ignore[index]


def parse_form(data: dict, source: str = "form") -> Form:
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise FormError(f"{source}: no [[fields]] listed")
    fields: list[FormField] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_fields, 1):
        if not isinstance(raw, dict):
            raise FormError(f"{source}: field #{i} is not a table")
        key = raw.get("key")
        if not isinstance(key, str) or not key.isidentifier():
            raise FormError(f"{source}: field #{i} needs a key made of letters, digits and _")
        if key in seen:
            raise FormError(f"{source}: field key {key!r} appears twice")
        seen.add(key)
        try:
            kind = FieldKind(raw.get("kind"))
        except ValueError:
            kinds = ", ".join(k.value for k in FieldKind)
            raise FormError(
                f"{source}: field {key!r} has kind {raw.get('kind')!r}; use one of: {kinds}"
            ) from None
        required = raw.get("required", True)
        if not isinstance(required, bool):
            raise FormError(f"{source}: field {key!r}: required must be true or false")
        symbols = _symbols(raw.get("symbols"), f"{source}: field {key!r} symbols")
        fields.append(
            FormField(
                key=key,
                kind=kind,
                required=required,
                label=_wording(raw.get("label"), f"{source}: field {key!r} label"),
                ask=_wording(raw.get("ask"), f"{source}: field {key!r} ask"),
                confirm=_optional_template(raw, "confirm", f"{source}: field {key!r} confirm"),
                symbols=symbols,
            )
        )
    company = data.get("company", "")
    if not isinstance(company, str) or not company.strip():
        raise FormError(f"{source}: company must name who Daisy calls for")
    return Form(
        name=str(data.get("name", "form")),
        company=company,
        purpose=_wording(data.get("purpose"), f"{source}: purpose"),
        fields=tuple(fields),
        reason=_wording(data["reason"], f"{source}: reason") if "reason" in data else None,
    )


def load_form(path: str | Path | None = None) -> Form:
    """Load and check a form file (TOML). Raises FormError with a one-line reason."""
    p = Path(path) if path else DEFAULT_FORM
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FormError(f"form file not found: {p}") from None
    except tomllib.TOMLDecodeError as e:
        raise FormError(f"{p.name}: not valid TOML ({e})") from None
    except (OSError, UnicodeDecodeError) as e:
        raise FormError(f"{p.name}: cannot be read ({e})") from None
    return parse_form(data, p.name)
