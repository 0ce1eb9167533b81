"""Automation rules: match a ticket event against the rules and apply their actions.

Called by the built-in ``automation`` plugin from ``helpdesk_ticket_event``
(after the change committed) and by the timed rules of
``services.automation_timed``.  Actions go through ``services.workflow`` like
an agent's, inside :func:`events.caused_by`, so the events they record carry
the chain of rules that caused them.  A rule already in the chain is never
applied again, and a chain stops after :data:`MAX_DEPTH` rules: automation
can cascade a little ("solved" → send survey) but never loop.
"""

from __future__ import annotations

import fnmatch
import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction

from ..exceptions import HelpdeskError
from ..models import EventKind, Ticket
from ..types import TicketEventPayload
from . import events

logger = logging.getLogger(__name__)

CACHE_KEY = "wagtail_helpdesk:automation:1"
TIMEOUT = 60
#: The longest chain of rules one original change may set off.
MAX_DEPTH = 3


@dataclass(frozen=True)
class RuleData:
    id: int
    name: str
    trigger: str
    after_days: int
    queue_id: int | None
    channel: str
    priority: int | None
    status: str
    tag: str
    category: str
    words: tuple[str, ...]
    shop_account_pattern: str
    send_template: str
    notify_agents: bool
    set_priority: int | None
    set_status: str
    add_tags: tuple[str, ...]
    assign_to_id: int | None


def rules(trigger: str | None = None) -> tuple[RuleData, ...]:
    """Active rules in order (for one trigger), from a cached snapshot: events cost no query when none match."""
    data = cache.get(CACHE_KEY)
    if data is None:
        data = _load()
        cache.set(CACHE_KEY, data, TIMEOUT)
    return tuple(r for r in data if trigger is None or r.trigger == trigger)


def _load() -> tuple[RuleData, ...]:
    from ..models import AutomationRule

    return tuple(
        RuleData(
            id=r.pk,
            name=r.name,
            trigger=r.trigger,
            after_days=r.after_days,
            queue_id=r.queue_id,
            channel=r.channel.strip(),
            priority=r.priority,
            status=r.status,
            tag=r.tag.strip(),
            category=r.category.strip(),
            words=tuple(w.strip().casefold() for w in r.words.splitlines() if w.strip()),
            shop_account_pattern=r.shop_account_pattern.strip(),
            send_template=r.send_template,
            notify_agents=r.notify_agents,
            set_priority=r.set_priority,
            set_status=r.set_status,
            add_tags=tuple(t.strip() for t in r.add_tags.split(",") if t.strip()),
            assign_to_id=r.assign_to_id,
        )
        for r in AutomationRule.objects.filter(active=True).order_by("order", "pk")
    )


def invalidate(**kwargs) -> None:
    """Signal receiver: forget the snapshot now and once more after commit."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def chain_of(payload: TicketEventPayload) -> tuple[int, ...]:
    """The automation rules that caused this event (empty for a human's or the system's change)."""
    origin = payload.data.get("automation") or {}
    return tuple(origin.get("rules") or ())


def on_event(payload: TicketEventPayload) -> list[str]:
    """Apply every matching rule for this event; returns the names of the rules applied."""
    candidates = rules(payload.kind)
    if not candidates:
        return []
    chain = chain_of(payload)
    if len(chain) >= MAX_DEPTH:
        logger.info("Automation chain %s stops at depth %d on ticket %s", chain, MAX_DEPTH, payload.ticket_reference)
        return []
    ticket = Ticket.objects.select_related("customer").filter(pk=payload.ticket_id).first()
    if ticket is None:
        return []
    applied: list[RuleData] = []
    for rule in candidates:
        if rule.id in chain or not matches(rule, ticket):
            continue
        # Rules applied earlier in this pass count as causes too: a later rule
        # sees (and may undo) their changes, and must not hand the ticket back.
        apply(rule, ticket, (*chain, *(r.id for r in applied)))
        applied.append(rule)
    return [r.name for r in applied]


def matches(rule: RuleData, ticket: Ticket) -> bool:
    """Do all the rule's filled conditions hold for the ticket as it is now?"""
    checks = [
        rule.queue_id is None or ticket.queue_id == rule.queue_id,
        not rule.channel or ticket.channel == rule.channel,
        rule.priority is None or ticket.priority == rule.priority,
        not rule.status or ticket.status == rule.status,
        not rule.category or ticket.category.casefold() == rule.category.casefold(),
        not rule.words or any(word in ticket.subject.casefold() for word in rule.words),
        not rule.shop_account_pattern
        or fnmatch.fnmatchcase(ticket.customer.shop_account.casefold(), rule.shop_account_pattern.casefold()),
    ]
    if not all(checks):
        return False
    return not rule.tag or ticket.tags.filter(name=rule.tag).exists()


def apply(rule: RuleData, ticket: Ticket, chain: tuple[int, ...] = ()) -> dict:
    """Carry out the rule's actions as the system; a failing action is recorded, the others still run."""
    from . import workflow  # workflow records events, whose announcement brings us here

    done: dict = {}
    with transaction.atomic(), events.caused_by((*chain, rule.id)):
        if rule.set_priority is not None and rule.set_priority != ticket.priority:
            done["priority"] = _attempt(lambda: workflow.set_priority(ticket, rule.set_priority, by=None))
        if rule.add_tags:
            current = list(ticket.tags.values_list("name", flat=True))
            done["tags"] = _attempt(lambda: workflow.set_tags(ticket, [*current, *rule.add_tags], by=None))
        if rule.assign_to_id is not None and rule.assign_to_id != ticket.assignee_id:
            user = get_user_model().objects.filter(pk=rule.assign_to_id, is_active=True).first()
            done["assign"] = _attempt(lambda: workflow.assign(ticket, user, by=None)) if user else "unknown user"
        if rule.set_status and rule.set_status != ticket.status:
            done["status"] = _attempt(lambda: workflow.set_status(ticket, rule.set_status, by=None))
        if rule.send_template:
            done["template"] = rule.send_template if workflow.send_template(ticket, rule.send_template) else "none"
        notify = _agents_to_notify(ticket) if rule.notify_agents else []
        events.record(events.build(ticket, EventKind.AUTOMATION, rule=rule.name, actions=done, notify=notify))
    return done


def _attempt(action) -> str:
    try:
        action()
    except HelpdeskError as exc:
        return f"failed: {exc}"
    return "done"


def _agents_to_notify(ticket: Ticket) -> list[int]:
    if ticket.assignee_id:
        return [ticket.assignee_id]
    if ticket.queue_id is None:
        return []
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__helpdesk_queues=ticket.queue_id)
        .order_by("pk")
        .distinct()
        .values_list("pk", flat=True)
    )
