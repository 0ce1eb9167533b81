"""Time-based automation rules, run by Celery beat.

"Waiting on the customer for N days" (remind them), "solved for N days"
(close it; or, with 0 days, ask for a satisfaction rating).  Each rule finds
its tickets with one indexed query (status + time), and applies itself to a
ticket once per occasion: the occasion key is the moment the waiting began
(the last activity, or the solve time), recorded in the unique
:class:`~..models.AutomationRun`, so two beat processes or a re-run never
remind twice, and a ticket that is solved again later is asked again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..models import AutomationRule, AutomationRun, Status, Ticket
from . import automation

BATCH = 500


def run(now: datetime | None = None, limit: int = BATCH) -> int:
    """Apply every active timed rule to the tickets that are due; returns how many applications."""
    now = now or timezone.now()
    applied = 0
    for rule in automation.rules():
        if rule.trigger not in AutomationRule.TIMED:
            continue
        for ticket, key in _due(rule, now, limit):
            if _claim(rule, ticket, key):
                automation.apply(rule, ticket, ())
                applied += 1
    return applied


def _due(rule: automation.RuleData, now: datetime, limit: int):
    cutoff = now - timedelta(days=rule.after_days)
    if rule.trigger == AutomationRule.Trigger.PENDING_FOR:
        tickets = Ticket.objects.filter(status=Status.PENDING, last_activity_at__lte=cutoff)
        stamp = "last_activity_at"
    else:
        tickets = Ticket.objects.filter(status=Status.SOLVED, resolved_at__lte=cutoff)
        stamp = "resolved_at"
    if rule.queue_id is not None:
        tickets = tickets.filter(queue_id=rule.queue_id)
    if rule.channel:
        tickets = tickets.filter(channel=rule.channel)
    if rule.priority is not None:
        tickets = tickets.filter(priority=rule.priority)
    # Skip tickets this rule already handled for the current occasion (a run since it began).
    done = AutomationRun.objects.filter(rule_id=rule.id, ticket=OuterRef("pk"), created_at__gte=OuterRef(stamp))
    tickets = tickets.exclude(Exists(done))
    for ticket in tickets.select_related("customer").order_by(stamp)[:limit]:
        if automation.matches(_without_status(rule), ticket):
            yield ticket, f"{rule.trigger}:{getattr(ticket, stamp).isoformat()}"


def _without_status(rule: automation.RuleData) -> automation.RuleData:
    """The timed trigger already fixes the status; a status condition would only confuse."""
    from dataclasses import replace

    return replace(rule, status="")


def _claim(rule: automation.RuleData, ticket: Ticket, key: str) -> bool:
    try:
        with transaction.atomic():
            AutomationRun.objects.create(rule_id=rule.id, ticket=ticket, key=key)
    except IntegrityError:
        return False
    return True
