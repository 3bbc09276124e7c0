"""`daisy chat --jsonl` fed what a broken or hostile driver program sends: every input line gets exactly
one output line, the call goes on, nothing hangs, and stderr never repeats what was said."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from daisy.protocol import MAX_SAY_CHARS, ProtocolError, ProtocolSession

BAD_LINES = {
    "invalid UTF-8 inside a string": b'{"say": "Ram\xf3n \xff\xfe"}',
    "a lone surrogate": b'{"say": "\\ud800"}',
    "a lone surrogate in a key": b'{"\\udfff": 1}',
    "nesting 1,000 deep": b"[" * 1000 + b"]" * 1000,
    "nesting 100,000 deep": b'{"say": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "an integer of 5,000 digits": b'{"silence": 1' + b"0" * 5000 + b"}",
    "a 1 MB utterance": b'{"say": "' + b"a." * 500_000 + b'"}',
    "a 2 MB line of junk": b"x" * 2_000_000,
    "an utterance over the cap": b'{"say": "' + b"Juan " * (MAX_SAY_CHARS // 5 + 1) + b'"}',
    "a name where digits go": '{"dtmf": "Ramón Ibarra"}'.encode(),
    "an unknown key": '{"Ramón": "+525512345678"}'.encode(),
    "not JSON": b"hola",
}


def _chat(lines: list[bytes], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "daisy.cli.main", "chat", "--jsonl", "--db", f"sqlite:///{tmp_path / 'c.db'}"],
        input=b"\n".join(lines) + b"\n",
        capture_output=True,
        timeout=120,  # a bound on a hang, not a latency figure
        cwd=tmp_path,
    )


def test_every_bad_line_gets_one_error_line_and_the_call_goes_on(tmp_path: Path) -> None:
    good_before, good_after = b'{"say": "Soy Ram\xc3\xb3n Ibarra"}', b'{"say": "s\xc3\xad"}'
    lines = [good_before, *BAD_LINES.values(), good_after, b'{"hangup": true}']
    done = _chat(lines, tmp_path)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(out) == 1 + len(lines)  # the opening, then one per input line
    errors = out[2: 2 + len(BAD_LINES)]
    assert all(o["say"] == "" and o["error"] for o in errors), [o.get("error") for o in errors]
    assert out[1]["pending"] == "Ramón Ibarra" and out[-2]["record"]["driver_name"] == "Ramón Ibarra"
    assert out[-1]["ended"]
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr and stderr.count("daisy: error: bad input line") == len(BAD_LINES)
    assert all(len(line) < 200 for line in stderr.splitlines())
    for said in ("Ramón", "Ram", "+525512345678", "aaaa", "a.a.", "xxxx", "Juan Juan"):
        assert said not in stderr


@pytest.mark.parametrize("text", ["\ud800", "Juan \udfff"])
def test_in_process_sessions_refuse_lone_surrogates(text: str) -> None:
    session = ProtocolSession()
    session.opening()
    with pytest.raises(ProtocolError, match="surrogate"):
        session.send({"say": text})
    assert session.send({"say": "Soy Ramón Ibarra"})["pending"] == "Ramón Ibarra"


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30)),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=8,
    )
    | st.fixed_dictionaries(
        {},
        optional={
            "say": st.one_of(st.text(max_size=60), st.integers()),
            "dtmf": st.text(alphabet="0123456789*#a ", max_size=8),
            "silence": st.one_of(st.floats(), st.integers()),
            "hangup": st.one_of(st.booleans(), st.none()),
        },
    )
)
def test_any_json_value_is_a_turn_or_a_one_line_protocol_error(obj: object) -> None:
    session = ProtocolSession()
    session.opening()
    try:
        out = session.send(obj)
    except ProtocolError as e:
        assert "\n" not in str(e) and len(str(e)) < 200
        return
    json.dumps(out, ensure_ascii=False).encode("utf-8")  # what chat writes out always encodes
