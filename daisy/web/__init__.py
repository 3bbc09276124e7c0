"""The operations team's side of Daisy: dashboard, JSON API, exports and the signed webhook.

`create_app(store, settings)` builds the FastAPI app (daisy.web.app); `daisy.web.webhook` wraps a
CallLog so every ended call is POSTed to DAISY_WEBHOOK_URL. FastAPI is imported only on first use,
so the rest of Daisy (and the webhook) can load this package without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from daisy.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from daisy.web.app import create_app

        return create_app
    raise AttributeError(name)
