"""Who else is looking at a ticket right now: presence kept in the Django cache.

Each agent's presence on a ticket is one cache entry that expires on its own
(:data:`VIEWING_TTL`), refreshed by the ticket view's light polling; typing is a
timestamp in the same entry that counts for :data:`TYPING_TTL`.  A per-ticket
roster lists whose entries to read, so one poll costs two cache reads and at
most two writes, never a database query.  The cache is shared by every app
server (Redis or Memcached in production), so nothing lives in process memory.

The roster is written read-modify-write; two agents arriving in the same
instant may drop each other from it, and their next poll puts them back.
Presence is a hint to avoid double work, not a lock: the lock-like guarantee
is :func:`wagtail_helpdesk.services.workflow.reply`'s change check.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache
from wagtail.admin.utils import get_user_display_name

#: Seconds an agent counts as viewing after their last poll (the page polls every ~10 s).
VIEWING_TTL = 30
#: Seconds an agent counts as typing after their last keystroke signal.
TYPING_TTL = 12

_PREFIX = "wagtail_helpdesk:presence"


@dataclass(frozen=True)
class Presence:
    """Another agent on the ticket; ``name`` is plain text (escaped by whoever renders it)."""

    user_id: int
    name: str
    typing: bool


def _entry_key(ticket_id: int, user_id: int) -> str:
    return f"{_PREFIX}:{ticket_id}:{user_id}"


def _roster_key(ticket_id: int) -> str:
    return f"{_PREFIX}:{ticket_id}"


def touch(ticket_id: int, user, *, typing: bool = False, now: float | None = None) -> None:
    """Record that ``user`` has the ticket open (and is typing, if ``typing``)."""
    now = time.time() if now is None else now
    key = _entry_key(ticket_id, user.pk)
    previous = cache.get(key) or {}
    typing_at = now if typing else previous.get("typing_at", 0)
    cache.set(key, {"name": get_user_display_name(user), "seen_at": now, "typing_at": typing_at}, VIEWING_TTL)
    roster = set(cache.get(_roster_key(ticket_id)) or ())
    if user.pk not in roster:
        roster.add(user.pk)
    cache.set(_roster_key(ticket_id), sorted(roster), VIEWING_TTL)


def leave(ticket_id: int, user) -> None:
    """Forget ``user`` on the ticket (they sent their reply or closed the page)."""
    cache.delete(_entry_key(ticket_id, user.pk))


def others(ticket_id: int, user, *, now: float | None = None) -> list[Presence]:
    """The agents other than ``user`` who have the ticket open, by name."""
    now = time.time() if now is None else now
    roster = [uid for uid in cache.get(_roster_key(ticket_id)) or () if uid != user.pk]
    if not roster:
        return []
    entries = cache.get_many([_entry_key(ticket_id, uid) for uid in roster])
    present = []
    for uid in roster:
        entry = entries.get(_entry_key(ticket_id, uid))
        if not entry or now - entry.get("seen_at", 0) > VIEWING_TTL:
            continue
        present.append(
            Presence(user_id=uid, name=str(entry.get("name", "")), typing=now - entry.get("typing_at", 0) <= TYPING_TTL)
        )
    return sorted(present, key=lambda p: (not p.typing, p.name))
