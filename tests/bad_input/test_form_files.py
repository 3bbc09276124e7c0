"""A form file an operator got wrong is refused at load time with one line, never at a caller's read-back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from daisy.form import DEFAULT_FORM, FormError, load_form, parse_form

FORM = """
company = "Transportes Sur"
purpose = { es-MX = "Te ayudo con tu registro.", en-US = "I'll help you register." }

[[fields]]
key = "driver_name"
kind = "name"
label = { es-MX = "tu nombre", en-US = "your name" }
ask = { es-MX = "¿Cómo te llamas?", en-US = "Your name?" }
"""


def _form_with_confirm(tmp_path: Path, template: str) -> Path:
    """A one-field form whose read-back is `template` (both languages)."""
    quoted = template.replace("\\", "\\\\").replace('"', '\\"')
    path = tmp_path / "form.toml"
    path.write_text(FORM + f'confirm = {{ es-MX = "{quoted}", en-US = "{quoted}" }}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ("{value} {other}", "not {other}"),
        ("{value[99]}", "not {value[99]}"),
        ("{value.__class__.__mro__}", "not {value.__class__.__mro__}"),
        ("{value.__init__.__globals__}", "may only use {value}"),
        ("{value!r}", "may only use {value}"),
        ("{value:>999999999}", "may only use {value}"),
        ("{0}", "may only use {value}"),
        ("{value", "unmatched brace"),
        ("value}", "unmatched brace"),
        ("no placeholder", "must contain {value}"),
    ],
)
def test_a_read_back_template_with_anything_but_value_is_refused(
    tmp_path: Path, template: str, reason: str
) -> None:
    with pytest.raises(FormError) as err:
        load_form(_form_with_confirm(tmp_path, template))
    message = str(err.value)
    assert reason in message and "\n" not in message and "field 'driver_name' confirm" in message


def test_literal_braces_and_value_load(tmp_path: Path) -> None:
    form = load_form(_form_with_confirm(tmp_path, "{{ok}} {value}, ¿correcto?"))
    template = form.field("driver_name").confirm
    assert template is not None and template["es-MX"].format(value="Ana") == "{ok} Ana, ¿correcto?"


# -- fuzzing the loader: whatever the document, a Form whose templates all work, or a FormError. -----

SCALARS = st.one_of(st.text(max_size=30), st.integers(), st.booleans(), st.none(), st.floats())
TEMPLATES = st.one_of(
    st.text(alphabet="{}value[]._!:0 x", max_size=20),
    st.sampled_from(["{value}", "{value} {value}", "{{value}}", "{value[0]}", "{value.real}", "{}"]),
)
WORDING = st.one_of(
    st.fixed_dictionaries({"es-MX": TEMPLATES, "en-US": TEMPLATES}),
    st.dictionaries(st.sampled_from(["es-MX", "en-US", "fr"]), SCALARS, max_size=3),
    SCALARS,
)
FIELD = st.fixed_dictionaries(
    {
        "key": st.one_of(st.sampled_from(["driver_name", "eta", "x", "1bad", ""]), SCALARS),
        "kind": st.one_of(st.sampled_from(["name", "number", "plate", "time", "email", "text"]), SCALARS),
        "label": WORDING,
        "ask": WORDING,
    },
    optional={"confirm": WORDING, "required": SCALARS},
)
TEXTS = st.fixed_dictionaries({"es-MX": st.just("texto"), "en-US": st.just("text")})
NEARLY_RIGHT = st.fixed_dictionaries(  # a real form whose read-backs are fuzzed
    {
        "company": st.just("Transportes Sur"),
        "purpose": TEXTS,
        "fields": st.lists(
            st.fixed_dictionaries(
                {"key": st.sampled_from(["driver_name", "eta"]), "kind": st.just("name"), "label": TEXTS,
                 "ask": TEXTS, "confirm": st.fixed_dictionaries({"es-MX": TEMPLATES, "en-US": TEMPLATES})}
            ),
            min_size=1, max_size=2,
        ),
    }
)
DOCUMENT = st.one_of(
    NEARLY_RIGHT,
    st.fixed_dictionaries(
        {"fields": st.one_of(st.lists(FIELD, max_size=3), SCALARS)},
        optional={"company": SCALARS, "purpose": WORDING, "reason": WORDING, "name": SCALARS},
    ),
)


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_any_form_document_loads_whole_or_is_refused_in_one_line(doc: dict) -> None:
    try:
        form = parse_form(doc, "fuzz.toml")
    except FormError as e:
        assert "\n" not in str(e) and str(e).startswith("fuzz.toml")
        return
    for field in form.fields:
        for template in (field.confirm or {}).values():
            assert "RYJ400" in template.format(value="RYJ400")  # no KeyError, IndexError or attribute read


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_any_bytes_as_a_form_file_load_or_are_refused_in_one_line(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_bytes(DEFAULT_FORM.read_bytes()[:200] + raw)
    try:
        load_form(path)
    except FormError as e:
        assert "\n" not in str(e)

