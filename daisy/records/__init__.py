"""Call records: every call, its fields and its transcript in a SQL database (SQLite or PostgreSQL).

    store = open_store()                 # settings' URL, or open_store("postgresql://…")
    conv = Conversation(dialogue, log=store.call_log())
    store.list_calls(outcome="completed", search="ABC123")
    store.get_call(call_id)              # CallDetail | None

The views (CallSummary, CallDetail…) import no SQLAlchemy; the store is imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from daisy.records.views import CallDetail, CallSummary, FieldView, TurnView

if TYPE_CHECKING:
    from daisy.records.engine import StoreError
    from daisy.records.log import SqlCallLog
    from daisy.records.store import Store, open_store

__all__ = [
    "CallDetail",
    "CallSummary",
    "FieldView",
    "SqlCallLog",
    "Store",
    "StoreError",
    "TurnView",
    "open_store",
]

_LAZY = {
    "open_store": "daisy.records.store",
    "Store": "daisy.records.store",
    "StoreError": "daisy.records.engine",
    "SqlCallLog": "daisy.records.log",
}


def __getattr__(name: str) -> Any:
    # Keeps `import daisy.records` (and the CLI's start-up) free of SQLAlchemy until it is needed.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(module), name)
