"""The SLA clock: the deadlines on a ticket, kept right on every change.

``recalculate`` derives the deadlines from the ticket's own fields and the
policy that matches it, so it is safe to call any number of times:

* first response and resolution are due ``target + minutes paused`` business
  minutes after the ticket was opened;
* next response starts when the customer writes after the first response
  and stops at the agent's reply; a priority change moves it to the new
  priority's target, counting the business time already waited;
* while the ticket waits on the customer (and, per policy, while on hold) or
  is solved/closed the clock stands still: ``sla_due_at`` is empty, the
  remaining time is kept, and on resume it runs on from there;
* a deadline that was already breached does not move (a breach stays a
  breach, and an escalation that raises the priority cannot breach again the
  deadline it escalated);
* ``sla_due_at`` is the earliest running deadline, ``sla_warn_at`` the
  earliest moment one of them becomes at risk, ``sla_check_at`` the next time
  the sweep (``services.sla_sweep``) has something to announce.

Every ticket change records an event, so ``services.events.record`` calls
:func:`on_events`, which is the one place the clock hears about changes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from ..models import EventKind, Status, Ticket
from . import business_hours
from .sla_config import PolicyData, TargetData, policy_for

#: Event kinds after which the deadlines may have changed.
RELEVANT = frozenset(
    {
        EventKind.CREATED,
        EventKind.MESSAGE,
        EventKind.REPLY,
        EventKind.STATUS,
        EventKind.CLAIMED,
        EventKind.PRIORITY,
        EventKind.QUEUE,
        EventKind.TRANSFERRED,
        EventKind.MERGED,
    }
)

FIELDS = (
    "first_response_due",
    "next_response_due",
    "resolution_due",
    "sla_due_at",
    "sla_warn_at",
    "sla_check_at",
    "sla_paused_at",
    "sla_paused_minutes",
)

FIRST_RESPONSE = "first_response"
NEXT_RESPONSE = "next_response"
RESOLUTION = "resolution"


@dataclass(frozen=True)
class Deadline:
    """One running deadline: which target, when it is due and when it becomes at risk."""

    target: str
    due: datetime
    warn: datetime


def is_paused(ticket: Ticket, policy: PolicyData | None) -> bool:
    """Does the clock stand still in the ticket's status?"""
    stopped = {Status.PENDING, Status.SOLVED, Status.CLOSED}
    if policy is not None and policy.pause_on_hold:
        stopped.add(Status.ON_HOLD)
    return ticket.status in stopped or ticket.merged_into_id is not None


def start(ticket: Ticket, now: datetime | None = None) -> dict:
    """Start the clock of a new ticket in memory; return the fields for the caller to save.

    Intake saves them with the statement it runs anyway, so starting the clock
    costs no query.
    """
    fields = _compute(ticket, kinds={EventKind.CREATED}, now=now or ticket.created_at or timezone.now())
    _apply(ticket, fields)
    return fields


def recalculate(
    ticket: Ticket, *, kinds: Iterable[str] = (), now: datetime | None = None, previous_priority: int | None = None
) -> dict:
    """Bring the ticket's deadlines up to date; write and return only what changed.

    :param kinds: the event kinds that just happened (``message`` starts the
        next-response clock, ``reply`` stops it).
    :param previous_priority: the priority before a ``priority`` event: a
        running next-response deadline is moved to the new priority's target,
        keeping the business time already waited.
    """
    computed = _compute(ticket, kinds=set(kinds), now=now or timezone.now(), previous_priority=previous_priority)
    changed = {name: value for name, value in computed.items() if getattr(ticket, name) != value}
    if changed:
        Ticket.objects.filter(pk=ticket.pk).update(**changed)
        _apply(ticket, changed)
    return changed


def on_events(events: Sequence) -> None:
    """Recalculate every ticket the recorded events touched (called by ``services.events.record``)."""
    by_ticket: dict[int, tuple[Ticket, set[str]]] = {}
    previous_priority: dict[int, int] = {}
    for event in events:
        if event.kind in RELEVANT:
            by_ticket.setdefault(event.ticket_id, (event.ticket, set()))[1].add(str(event.kind))
        if event.kind == EventKind.PRIORITY and isinstance(event.data.get("from"), int):
            previous_priority.setdefault(event.ticket_id, event.data["from"])  # the first "from" of the batch
    for ticket_id, (ticket, kinds) in by_ticket.items():
        if kinds == {EventKind.CREATED} and (ticket.sla_check_at or ticket.resolution_due):
            continue  # intake started the clock before saving the ticket
        recalculate(ticket, kinds=kinds, previous_priority=previous_priority.get(ticket_id))


def deadlines(ticket: Ticket, policy: PolicyData | None = None) -> list[Deadline]:
    """The deadlines running now, earliest first (none while the clock is paused)."""
    policy = policy or policy_for(ticket)
    if policy is None or is_paused(ticket, policy) or not ticket.is_active:
        return []
    target = policy.targets.get(ticket.priority) or TargetData(None, None, None)
    running = []
    if ticket.first_responded_at is None and ticket.first_response_due and target.first_response:
        running.append((FIRST_RESPONSE, ticket.first_response_due, target.first_response))
    if ticket.next_response_due and target.next_response:
        running.append((NEXT_RESPONSE, ticket.next_response_due, target.next_response))
    if ticket.resolution_due and target.resolution:
        running.append((RESOLUTION, ticket.resolution_due, target.resolution))
    result = [
        Deadline(name, due, business_hours.subtract(policy.calendar, due, _warning_lead(policy, minutes)))
        for name, due, minutes in running
    ]
    return sorted(result, key=lambda d: d.due)


def _warning_lead(policy: PolicyData, minutes: int) -> timedelta:
    return timedelta(minutes=math.ceil(minutes * (100 - policy.warning_percent) / 100))


def _compute(ticket: Ticket, *, kinds: set[str], now: datetime, previous_priority: int | None = None) -> dict:
    policy = policy_for(ticket)
    calendar = policy.calendar if policy else None
    paused = is_paused(ticket, policy)
    paused_at, paused_minutes = ticket.sla_paused_at, ticket.sla_paused_minutes
    next_due = ticket.next_response_due
    # The last moment the clock ran: a deadline already past then is breached and stays put.
    clock_time = paused_at or now
    if paused_at is not None and not paused:  # resume: add the time stood still
        paused_minutes += business_hours.minutes_between(calendar, paused_at, now)
        if next_due is not None and next_due > paused_at:
            next_due = business_hours.add(calendar, now, business_hours.between(calendar, paused_at, next_due))
        paused_at = None
    elif paused and paused_at is None:
        paused_at = now

    target = (policy.targets.get(ticket.priority) if policy else None) or TargetData(None, None, None)
    opened = ticket.created_at or now

    def anchored(current: datetime | None, minutes: int | None) -> datetime | None:
        if current is not None and current <= clock_time:
            return current  # breached before: keep
        if minutes is None:
            return None
        return business_hours.add_minutes(calendar, opened, minutes + paused_minutes)

    first_due = ticket.first_response_due
    if ticket.first_responded_at is None:
        first_due = anchored(first_due, target.first_response)
    resolution_due = ticket.resolution_due
    if ticket.is_active:
        resolution_due = anchored(resolution_due, target.resolution)

    if (
        previous_priority is not None
        and previous_priority != ticket.priority
        and next_due is not None
        and next_due > clock_time
        and target.next_response is not None
    ):
        # The customer has waited part of the old target already; that part counts against the new one.
        old_target = (policy.targets.get(previous_priority) if policy else None) or TargetData(None, None, None)
        if old_target.next_response is not None:
            left = business_hours.between(calendar, clock_time, next_due)
            waited = timedelta(minutes=old_target.next_response) - left
            next_due = business_hours.add(calendar, clock_time, timedelta(minutes=target.next_response) - waited)
    if EventKind.REPLY in kinds or target.next_response is None:
        next_due = None
    if (
        EventKind.MESSAGE in kinds
        and EventKind.REPLY not in kinds
        and ticket.first_responded_at is not None
        and next_due is None
        and target.next_response is not None
    ):
        next_due = business_hours.add_minutes(calendar, now, target.next_response)
    if not ticket.is_active:
        next_due = None

    fields = {
        "first_response_due": first_due,
        "next_response_due": next_due,
        "resolution_due": resolution_due,
        "sla_paused_at": paused_at,
        "sla_paused_minutes": paused_minutes,
        "sla_due_at": None,
        "sla_warn_at": None,
        "sla_check_at": None,
    }
    probe = _Probe(ticket, fields)
    running = deadlines(probe, policy) if policy else []  # type: ignore[arg-type]
    if running:
        fields["sla_due_at"] = running[0].due
        fields["sla_warn_at"] = min(d.warn for d in running)
        fields["sla_check_at"] = min(min(d.warn, d.due) for d in running)
    return fields


class _Probe:
    """The ticket as it will be once ``fields`` are applied (without touching it)."""

    def __init__(self, ticket: Ticket, fields: dict) -> None:
        self._ticket, self._fields = ticket, fields

    def __getattr__(self, name: str):
        if name in self._fields:
            return self._fields[name]
        return getattr(self._ticket, name)


def _apply(ticket: Ticket, fields: dict) -> None:
    for name, value in fields.items():
        setattr(ticket, name, value)
