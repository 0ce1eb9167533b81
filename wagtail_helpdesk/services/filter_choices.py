"""The data behind the queue's filter panel (agents, the agent's queues, tags), cached between requests.

The panel is on every queue and board page and its three lists change far less
often than agents click: reading them costs three queries a page.  They live in
Django's cache under a version that any change to what they show bumps (a
user, a team membership, a queue or its teams, a tag), now and again after
commit, so a reader cannot re-cache the old rows in between; the entries also
expire after :data:`TIMEOUT` seconds, which bounds staleness on sites whose
cache is per process.

Only labels are cached here, never who may see what: ticket visibility is
still decided per request (``Ticket.objects.visible_to``), so a stale queue
choice can offer a filter that finds nothing, never a ticket.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from wagtail.admin.utils import get_user_display_name

from ..models import Queue, Tag

#: Seconds a cached list is kept at most.
TIMEOUT = 60

VERSION_KEY = "wagtail_helpdesk:filter_choices:version"


def agent_choices() -> list[tuple[str, str]]:
    """Every agent as ``(pk, display name)``, by first name then username."""
    from ..admin.permissions import agents

    def build() -> list[tuple[str, str]]:
        people = agents().order_by("first_name", "username")
        return [(str(user.pk), get_user_display_name(user)) for user in people]

    return _cached("agents", build)


def queue_choices(user) -> list[tuple[str, str]]:
    """The queues ``user`` works (all of them for superusers) as ``(pk, name)``."""
    return _cached(f"queues:{user.pk}", lambda: [(str(q.pk), q.name) for q in Queue.objects.for_agent(user)])


def tag_choices() -> list[tuple[str, str]]:
    """Every tag as ``(pk, name)``, by name."""
    return _cached("tags", lambda: [(str(pk), name) for pk, name in Tag.objects.values_list("pk", "name")])


def changed(**kwargs) -> None:
    """Forget every cached list, now and once more after commit (also a signal receiver).

    A user's login only writes ``last_login``, which no list shows: it is not a change.
    """
    if kwargs.get("update_fields") and set(kwargs["update_fields"]) <= {"last_login"}:
        return
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set (or evicted): any new value differs from the cached entries' keys
        cache.set(VERSION_KEY, 2, timeout=None)


def _cached(name: str, build) -> list[tuple[str, str]]:
    version = cache.get_or_set(VERSION_KEY, 1, timeout=None)
    key = f"wagtail_helpdesk:filter_choices:{version}:{name}"
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, TIMEOUT)
    return found
