"""What "the tickets matching these filters" means, as ``Q`` objects on the ticket table.

The queue listing's filter form, the board, saved views and their counts all
ask the same question.  Every criterion here is a condition on the ticket row
itself or an ``IN (subquery)`` — never a join — so several criteria sets can
be counted side by side in one aggregate query (``Count(filter=...)``) without
a joined table multiplying the rows, and each subquery can use its own index
(the trigram indexes of migration 0005 on PostgreSQL).

:func:`criteria` reads a raw querystring leniently: an unknown or malformed
value is ignored, never an error, because a saved view outlives the queues,
tags and agents it names.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from django.db.models import Q
from django.utils import timezone

from ..models import Customer, Message, Priority, SLAState, Status, Ticket

#: ``assignee=`` values that are not a user id.
ASSIGNEE_ME = "me"
ASSIGNEE_NOBODY = "unassigned"

#: The querystring keys :func:`criteria` understands; everything else (page,
#: page size, ordering) is presentation.
FILTER_KEYS = (
    "status",
    "queue",
    "assignee",
    "priority",
    "channel",
    "tag",
    "sla",
    "created_from",
    "created_to",
    "last_activity_from",
    "last_activity_to",
    "q",
)

#: Longest search text taken into account; longer input is cut, not refused.
MAX_SEARCH_CHARS = 200


def status_q(statuses: Iterable[str]) -> Q:
    known = [status for status in statuses if status in Status.values]
    return Q(status__in=known) if known else Q()


def assignee_q(value: str, user) -> Q:
    """``"me"`` is whoever asks, so a shared view means "mine" for each viewer."""
    if value == ASSIGNEE_ME:
        return Q(assignee_id=user.pk)
    if value == ASSIGNEE_NOBODY:
        return Q(assignee__isnull=True)
    pk = _int(value)
    return Q(assignee_id=pk) if pk is not None else Q()


def tag_q(tag_id: int) -> Q:
    return Q(pk__in=Ticket.tags.through.objects.filter(tag_id=tag_id).values("ticket_id"))


def sla_q(state: str, now: datetime.datetime | None = None) -> Q:
    """The same thresholds as ``TicketQuerySet.sla_state``, as a ``Q``."""
    now = now or timezone.now()
    if state == SLAState.BREACHED:
        return Q(sla_due_at__lte=now)
    if state == SLAState.AT_RISK:
        return Q(sla_due_at__gt=now, sla_warn_at__lte=now)
    if state == SLAState.ON_TRACK:
        return Q(sla_due_at__gt=now) & (Q(sla_warn_at__isnull=True) | Q(sla_warn_at__gt=now))
    return Q()


def date_range_q(field: str, start: datetime.date | None, stop: datetime.date | None) -> Q:
    """Whole days in the current time zone, both ends included."""
    q = Q()
    if start:
        q &= Q(**{f"{field}__gte": timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))})
    if stop:
        q &= Q(**{f"{field}__lte": timezone.make_aware(datetime.datetime.combine(stop, datetime.time.max))})
    return q


def search_q(text: str) -> Q:
    """Reference, subject, the customer's name or email, or any message's text contains ``text``.

    ``icontains`` everywhere: on PostgreSQL it compiles to
    ``UPPER(col::text) LIKE UPPER(...)``, the expression the trigram indexes
    cover; on SQLite it is a plain scan, which is fine at embedded sizes.
    Wagtail's search backend is not used (its SQLite backend fails on field
    restrictions, NOTES-ecosystem §2) and Ticket stays out of its index.

    The same matches take one of two shapes, for PostgreSQL's sake.  An
    identifier (``text`` with a digit or an ``@``: a reference, an order
    number, an address) matches few tickets: each part's ticket ids are found
    through its own index and combined.  A word may match thousands: the parts
    are conditions checked while the list is read in its order, which stops at
    the first page, where collecting every match first would read them all.
    """
    text = text.strip()[:MAX_SEARCH_CHARS]
    if not text:
        return Q()
    customers = Customer.objects.filter(Q(name__icontains=text) | Q(email__icontains=text)).values("pk")
    messages = Message.objects.filter(body_text__icontains=text).order_by().values("ticket_id")
    own = Q(reference__icontains=text) | Q(subject__icontains=text)
    if not _looks_like_an_identifier(text):
        return own | Q(customer_id__in=customers) | Q(pk__in=messages)
    # As an OR of conditions and subqueries, PostgreSQL could combine none of these indexes and
    # would read every ticket to find the few that match.
    theirs = Ticket.objects.filter(customer_id__in=customers).order_by().values("pk")
    return Q(pk__in=Ticket.objects.filter(own).order_by().values("pk").union(theirs, messages))


def _looks_like_an_identifier(text: str) -> bool:
    return "@" in text or any(character.isdigit() for character in text)


def criteria(params: Mapping, *, user, now: datetime.datetime | None = None) -> Q:
    """Combine every filter in ``params`` (a ``QueryDict`` or a dict of lists or strings).

    Which tickets ``user`` may see at all is not decided here: apply the
    result to ``Ticket.objects.visible_to(user)``.
    """
    q = status_q(_all(params, "status"))
    queue = _int(_one(params, "queue"))
    if queue is not None:
        q &= Q(queue_id=queue)
    if assignee := _one(params, "assignee"):
        q &= assignee_q(assignee, user)
    priority = _int(_one(params, "priority"))
    if priority in Priority.values:
        q &= Q(priority=priority)
    if channel := _one(params, "channel"):
        q &= Q(channel=channel[:32])
    tag = _int(_one(params, "tag"))
    if tag is not None:
        q &= tag_q(tag)
    if sla := _one(params, "sla"):
        q &= sla_q(sla, now)
    q &= date_range_q("created_at", _date(_one(params, "created_from")), _date(_one(params, "created_to")))
    q &= date_range_q(
        "last_activity_at", _date(_one(params, "last_activity_from")), _date(_one(params, "last_activity_to"))
    )
    if text := _one(params, "q"):
        q &= search_q(text)
    return q


def _all(params: Mapping, key: str) -> list[str]:
    if hasattr(params, "getlist"):
        return [str(v) for v in params.getlist(key)]
    value = params.get(key, [])
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def _one(params: Mapping, key: str) -> str:
    values = _all(params, key)
    return values[-1].strip() if values else ""


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 0 < number < 2**63 else None


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
