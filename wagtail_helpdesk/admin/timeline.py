"""The ticket's audit trail as sentences an agent reads.

Events store ids (users, queues) in their ``data``; they are looked up for
the whole timeline at once, so a long history costs two queries, not two per
event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name

from ..models import Priority, Queue, TicketEvent
from ..services.events import describe_reason
from .filters import status_choices

_USER_KEYS = ("assignee", "from_assignee", "to_assignee")
_QUEUE_KEYS = ("queue", "from_queue", "to_queue")


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the timeline; every string is plain text, escaped by the template."""

    kind: str
    label: str
    actor: str
    detail: str
    created_at: datetime
    #: Tells timeline entries from messages when both are in one list.
    is_event: bool = True


def timeline(
    events: Sequence[TicketEvent],
    queue_names: dict[int, str] | None = None,
    user_names: dict[int, str] | None = None,
) -> list[TimelineEntry]:
    """Describe ``events`` (with ``actor_user`` and ``actor_customer`` selected) in order.

    ``queue_names`` (id → name of every queue) and ``user_names`` (id → display
    name, e.g. of every agent), when the caller already has them, save the
    queries for the queues and people the events mention; only people missing
    from ``user_names`` are looked up.
    """
    user_ids, queue_ids = set(), set()
    for event in events:
        user_ids.update(_ids(event, _USER_KEYS, both_ends=event.kind == "assigned"))
        queue_ids.update(_ids(event, _QUEUE_KEYS))
    users = {pk: name for pk, name in (user_names or {}).items() if pk in user_ids}
    missing = user_ids - users.keys()
    if missing:
        users.update({u.pk: get_user_display_name(u) for u in get_user_model().objects.filter(pk__in=missing)})
    if queue_names is not None:
        queues = queue_names
    else:
        queues = {q.pk: q.name for q in Queue.objects.filter(pk__in=queue_ids)} if queue_ids else {}
    return [
        TimelineEntry(
            kind=str(event.kind),
            label=str(event.get_kind_display()),
            actor=_actor(event),
            detail=_detail(event, users, queues),
            created_at=event.created_at,
        )
        for event in events
    ]


def _ids(event: TicketEvent, keys: Iterable[str], both_ends: bool = False) -> set[int]:
    data = event.data or {}
    values = [data.get(key) for key in keys]
    if both_ends:
        values += [data.get("from"), data.get("to")]
    return {value for value in values if isinstance(value, int)}


def _actor(event: TicketEvent) -> str:
    if event.actor_user is not None:
        return get_user_display_name(event.actor_user)
    if event.actor_customer is not None:
        return str(event.actor_customer)
    return _("System")


def _detail(event: TicketEvent, users: dict[int, str], queues: dict[int, str]) -> str:
    data = event.data or {}
    nobody = _("nobody")
    if event.kind == "status":
        labels = dict(status_choices())
        return f"{labels.get(data.get('from'), data.get('from'))} → {labels.get(data.get('to'), data.get('to'))}"
    if event.kind == "priority":
        labels = dict(Priority.choices)
        return f"{labels.get(data.get('from'), '')} → {labels.get(data.get('to'), '')}"
    if event.kind == "assigned":
        return f"{users.get(data.get('from'), nobody)} → {users.get(data.get('to'), nobody)}"
    if event.kind == "claimed":
        return users.get(data.get("assignee"), "")
    if event.kind == "transferred":
        return _("%(from_queue)s → %(to_queue)s, %(from_agent)s → %(to_agent)s") % {
            "from_queue": queues.get(data.get("from_queue"), "—"),
            "to_queue": queues.get(data.get("to_queue"), "—"),
            "from_agent": users.get(data.get("from_assignee"), nobody),
            "to_agent": users.get(data.get("to_assignee"), nobody),
        }
    if event.kind == "routed":
        parts = [
            queues.get(data.get("queue"), ""),
            users.get(data.get("assignee"), ""),
            describe_reason(data),
        ]
        return ", ".join(str(part) for part in parts if part)
    if event.kind == "merged":
        if data.get("into_reference"):
            return _("into %(ref)s") % {"ref": data["into_reference"]}
        return _("%(ref)s merged into this ticket") % {"ref": data.get("source_reference", "")}
    if event.kind == "tags":
        return ", ".join(data.get("to") or []) or _("no tags")
    if event.kind == "created":
        return channel_label(data.get("channel", ""))
    if event.kind in ("sla_warning", "sla_breached"):
        return str(data.get("target") or data.get("deadline") or "")
    return ""


def channel_label(code: str) -> str:
    """The registered channel's label, or the code itself for a channel no longer installed."""
    from ..services.channels import get_channels

    channel = get_channels().get(code)
    return str(channel.label) if channel is not None else code
