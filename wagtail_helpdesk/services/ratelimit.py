"""Fixed-window rate limits kept in the Django cache.

Used by the contact form and the portal's "send me a fresh link" form.  A
limit is written ``"<count>/<unit>"`` with the unit ``s``, ``m``, ``h`` or
``d`` (``"5/h"``: five per hour); ``None`` switches the limit off.  With a
per-process cache (locmem) each worker counts separately, so production wants
a shared cache such as Redis.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str | None) -> tuple[int, int] | None:
    """``"5/h"`` -> ``(5, 3600)``; ``None`` or ``""`` -> ``None`` (no limit)."""
    if not rate:
        return None
    try:
        count, unit = str(rate).split("/", 1)
        return int(count), _UNITS[unit.strip().lower()[:1]]
    except (ValueError, KeyError):
        raise ImproperlyConfigured(f"Rate limit {rate!r}: write it as '<count>/<s|m|h|d>', e.g. '5/h'.") from None


def hit(scope: str, identifiers: list[str], rate: str | None) -> bool:
    """Count one attempt for each identifier; return ``False`` when any of them is over the limit.

    Identifiers (an IP, an email address) are hashed, so the cache never holds
    personal data in clear.  Every attempt counts, allowed or not, so hammering
    never opens the door again before the window ends.
    """
    parsed = parse_rate(rate)
    if parsed is None:
        return True
    limit, window = parsed
    allowed = True
    for identifier in identifiers:
        if not identifier:
            continue
        digest = hashlib.sha256(identifier.strip().lower().encode()).hexdigest()[:32]
        key = f"wagtail_helpdesk:rl:{scope}:{digest}"
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
        if count > limit:
            allowed = False
    return allowed


def client_ip(request) -> str:
    """The client address Django sees; put a proxy-aware middleware in front if you run behind one."""
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""
