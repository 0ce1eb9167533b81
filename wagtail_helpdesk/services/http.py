"""Signed JSON POSTs to other systems, with the stdlib's urllib (no extra dependency)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from ..conf import helpdesk_settings
from . import signing

USER_AGENT = "wagtail-helpdesk"


@dataclass(frozen=True)
class PostResult:
    """What the other side answered; ``status`` is 0 when it could not be reached."""

    status: int
    body: bytes = b""
    error: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def retryable(self) -> bool:
        """Worth trying again later: unreachable, a server error, or "slow down"."""
        return self.status == 0 or self.status >= 500 or self.status in (408, 409, 425, 429)


def post_signed(url: str, payload: dict[str, Any], *, secret: str, headers: dict[str, str] | None = None) -> PostResult:
    """POST ``payload`` as JSON with a signature header; never raises for HTTP or network errors."""
    if not url.lower().startswith(("http://", "https://")):
        return PostResult(status=0, error="only http and https URLs are called")
    body = json.dumps(payload, separators=(",", ":"), sort_keys=True, default=str).encode()
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            signing.HEADER: signing.sign(secret, body),
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=helpdesk_settings.WEBHOOK_TIMEOUT) as response:
            return PostResult(status=response.status, body=response.read(65536))
    except urllib.error.HTTPError as exc:
        return PostResult(status=exc.code, body=exc.read(65536) if exc.fp else b"", error=f"HTTP {exc.code}")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        return PostResult(status=0, error=f"{type(exc).__name__}: {exc}")
