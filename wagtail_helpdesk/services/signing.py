"""HMAC signatures on what the helpdesk POSTs to other systems (webhooks, gateway callbacks).

The header is ``X-Helpdesk-Signature: t=<unix time>,v1=<hex>``, where ``<hex>``
is HMAC-SHA256 of ``"<unix time>.<raw body>"`` under the shared secret.  The
timestamp is signed too, so a receiver that refuses old signatures cannot be
fed a recorded delivery again (docs/api.rst shows the receiving side).
"""

from __future__ import annotations

import hashlib
import hmac
import time

from ..conf import helpdesk_settings

HEADER = "X-Helpdesk-Signature"


def signature(secret: str, body: bytes, timestamp: int) -> str:
    """The hex HMAC-SHA256 of ``"<timestamp>.<body>"``."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The value of the signature header for ``body``, signed now unless ``timestamp`` is given."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature(secret, body, timestamp)}"


def verify(secret: str, body: bytes, header: str, *, tolerance: int | None = None, now: float | None = None) -> bool:
    """Does ``header`` sign ``body`` with ``secret``, no older than ``tolerance`` seconds?

    What a receiver runs; the helpdesk uses it in its own tests and the docs quote it.
    """
    tolerance = helpdesk_settings.WEBHOOK_SIGNATURE_TOLERANCE if tolerance is None else tolerance
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(given, signature(secret, body, timestamp))
