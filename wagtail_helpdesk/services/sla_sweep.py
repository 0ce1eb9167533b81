"""The SLA sweep: announce deadlines that became at risk or were breached, once each.

Celery beat runs :func:`sweep` every minute.  One indexed query
(``sla_check_at <= now``, the ``helpdesk_tkt_sla_check`` index) finds the
tickets with something to announce; each is then handled in its own
transaction under a row lock taken with ``SKIP LOCKED``, so two overlapping
beat processes share the work instead of repeating it.  The final guard is
the unique ``(ticket, target, kind, due)`` of :class:`~..models.SLANotice`:
a notice that exists is never announced again, whatever runs concurrently.

Agent notifications are not sent here: the ``sla_warning``/``sla_breached``
events carry who to notify (``notify``) and the notifier plugin reacts to
them.  Escalations that change the ticket go through ``services.workflow``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..exceptions import HelpdeskError
from ..models import EventKind, Priority, Queue, SLANotice, Ticket
from . import events, sla
from .sla_config import PolicyData, policy_for

logger = logging.getLogger(__name__)

BATCH = 1000


@dataclass(frozen=True)
class SweepResult:
    checked: int
    warnings: int
    breaches: int


def due_ticket_ids(now: datetime | None = None, limit: int = BATCH) -> list[int]:
    """The sweep's one query: tickets whose next SLA check is due, oldest first."""
    now = now or timezone.now()
    return list(
        Ticket.objects.filter(sla_check_at__lte=now).order_by("sla_check_at").values_list("pk", flat=True)[:limit]
    )


def sweep(now: datetime | None = None, limit: int = BATCH) -> SweepResult:
    """Check every ticket that is due; safe to run twice or in parallel."""
    now = now or timezone.now()
    warnings = breaches = 0
    ids = due_ticket_ids(now, limit)
    for ticket_id in ids:
        for kind in check(ticket_id, now):
            if kind == SLANotice.Kind.WARNING:
                warnings += 1
            else:
                breaches += 1
    return SweepResult(checked=len(ids), warnings=warnings, breaches=breaches)


def check(ticket_id: int, now: datetime | None = None) -> list[str]:
    """Announce what is due on one ticket and escalate its breaches; returns the notice kinds recorded."""
    now = now or timezone.now()
    with transaction.atomic():
        ticket = (
            Ticket.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("customer")
            .filter(pk=ticket_id, sla_check_at__lte=now)
            .first()
        )
        if ticket is None:  # another sweeper holds it, or it was recalculated meanwhile
            return []
        policy = policy_for(ticket)
        noticed = set(SLANotice.objects.filter(ticket=ticket).values_list("target", "kind", "due"))
        recorded: list[str] = []
        breached: list[sla.Deadline] = []
        for deadline in sla.deadlines(ticket, policy):
            kind = _due_notice(deadline, noticed, now)
            if kind is None or not _claim(ticket, deadline, kind):
                continue
            noticed.add((deadline.target, kind, deadline.due))
            breach = kind == SLANotice.Kind.BREACH
            escalation = _escalation_plan(ticket, policy) if breach else {}
            events.record(
                events.build(
                    ticket,
                    EventKind.SLA_BREACHED if breach else EventKind.SLA_WARNING,
                    target=deadline.target,
                    due=deadline.due.isoformat(),
                    notify=_notify(ticket, policy if breach else None),
                    escalation=escalation,
                )
            )
            recorded.append(kind)
            if breach:
                breached.append(deadline)
        if breached and policy is not None:
            _escalate(ticket, policy)
        Ticket.objects.filter(pk=ticket.pk).update(sla_check_at=_next_check(ticket, noticed, now))
    return recorded


def _due_notice(deadline: sla.Deadline, noticed: set, now: datetime) -> str | None:
    if (deadline.target, SLANotice.Kind.BREACH, deadline.due) in noticed:
        return None
    if deadline.due <= now:
        return SLANotice.Kind.BREACH
    if deadline.warn <= now and (deadline.target, SLANotice.Kind.WARNING, deadline.due) not in noticed:
        return SLANotice.Kind.WARNING
    return None


def _claim(ticket: Ticket, deadline: sla.Deadline, kind: str) -> bool:
    """Insert the notice; False when another process already did (the unique key)."""
    try:
        with transaction.atomic():
            SLANotice.objects.create(ticket=ticket, target=deadline.target, kind=kind, due=deadline.due)
    except IntegrityError:
        return False
    return True


def _next_check(ticket: Ticket, noticed: set, now: datetime) -> datetime | None:
    """The next moment something is left to announce (now, if something is already overdue)."""
    pending = []
    for deadline in sla.deadlines(ticket):
        if (deadline.target, SLANotice.Kind.BREACH, deadline.due) in noticed:
            continue
        pending.append(deadline.due)
        if (deadline.target, SLANotice.Kind.WARNING, deadline.due) not in noticed and deadline.warn < deadline.due:
            pending.append(deadline.warn)
    return min(pending) if pending else None


def _notify(ticket: Ticket, breach_policy: PolicyData | None) -> list[int]:
    """The assignee, else the queue's agents; after a breach also the policy's managers and new assignee."""
    User = get_user_model()
    ids: list[int] = []
    if ticket.assignee_id:
        ids.append(ticket.assignee_id)
    elif ticket.queue_id:
        ids.extend(
            User.objects.filter(is_active=True, groups__helpdesk_queues=ticket.queue_id)
            .order_by("pk")
            .distinct()
            .values_list("pk", flat=True)
        )
    if breach_policy is not None:
        if breach_policy.notify_group_id:
            ids.extend(
                User.objects.filter(is_active=True, groups=breach_policy.notify_group_id)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        if breach_policy.reassign_to_user_id:
            ids.append(breach_policy.reassign_to_user_id)
    return list(dict.fromkeys(ids))


def _escalation_plan(ticket: Ticket, policy: PolicyData | None) -> dict:
    if policy is None:
        return {}
    plan: dict = {"policy": policy.name}
    if policy.notify_group_id:
        plan["notify_group"] = policy.notify_group_id
    if policy.raise_priority and ticket.priority < Priority.URGENT:
        plan["raise_priority"] = {"from": ticket.priority, "to": ticket.priority + 1}
    if policy.reassign_to_queue_id and policy.reassign_to_queue_id != ticket.queue_id:
        plan["queue"] = policy.reassign_to_queue_id
    if policy.reassign_to_user_id and policy.reassign_to_user_id != ticket.assignee_id:
        plan["assignee"] = policy.reassign_to_user_id
    return plan


def _escalate(ticket: Ticket, policy: PolicyData) -> None:
    """Apply the policy's escalation through the workflow (as the system: ``by=None``)."""
    from . import workflow  # workflow records events, which call the clock, which this module imports

    plan = _escalation_plan(ticket, policy)
    if "raise_priority" in plan:
        workflow.set_priority(ticket, plan["raise_priority"]["to"], by=None)
    if "queue" in plan or "assignee" in plan:
        queue = Queue.objects.filter(pk=plan.get("queue")).first() if "queue" in plan else None
        assignee = get_user_model().objects.filter(pk=plan.get("assignee")).first() if "assignee" in plan else None
        try:
            workflow.transfer(ticket, by=None, queue=queue, assignee=assignee)
        except HelpdeskError as exc:
            logger.warning("SLA escalation of %s could not reassign: %s", ticket.reference, exc)
