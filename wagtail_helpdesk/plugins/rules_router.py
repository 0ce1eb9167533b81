"""Built-in rule router: the admin's ordered routing rules choose queue, assignee, priority and tags.

Composition with the other routers.  ``helpdesk_route_ticket`` stops at the
first decision, but a rule usually names only a queue ("warranty repairs go
to the repair desk") and the desk's own strategy should still pick the agent.
So this router is a hook *wrapper* around the whole chain:

1. Before the chain, the first matching rule (by ``order``) writes its queue
   onto the unsaved ticket, and its assignee too when that agent is available
   (not on leave, below their limit, an agent of the queue).
2. The chain runs on that ticket: plugin routers, then ``sticky_router`` and
   ``load_router`` (which leave tickets that already have an assignee alone)
   and finally ``default_router`` (which keeps the queue the ticket has).
3. After the chain, the rule's queue, assignee, priority and tags go into
   the decision, and its name leads the reason, e.g.
   ``"rule: Warranty repairs; least loaded: piotr (3 open)"``: each part is
   a message id with its parameters, translated when shown.

No rule matching leaves the chain's decision untouched.  Rules come from the
cached configuration snapshot, so routing costs no query per rule.
"""

from __future__ import annotations

from collections.abc import Generator
from fnmatch import fnmatchcase

from django.utils.translation import gettext_noop

from .. import hookimpl
from ..models import Ticket
from ..services import assignment
from ..services.config_cache import RuleData, snapshot
from ..types import InboundMessage, Reason, RoutingDecision

#: ``default_router``'s reasons, which would only misstate why the ticket is in the rule's queue.
_QUEUE_ONLY_REASONS = {"queue requested by the channel", "default queue"}


def _queue_only(decision: RoutingDecision) -> bool:
    return not decision.more_reasons and not decision.reason_params and decision.reason in _QUEUE_ONLY_REASONS


def matches(rule: RuleData, ticket: Ticket, message: InboundMessage) -> bool:
    """Do all of the rule's filled conditions hold for this new ticket?"""
    if rule.channel and rule.channel != ticket.channel:
        return False
    if rule.category and rule.category.casefold() != (ticket.category or "").casefold():
        return False
    if rule.tag and rule.tag.casefold() not in {t.casefold() for t in getattr(ticket, "classified_tags", ())}:
        return False
    if rule.priority is not None and rule.priority != ticket.priority:
        return False
    if rule.words:
        text = f"{message.subject}\n{message.body_text}".casefold()
        if not any(word in text for word in rule.words):
            return False
    if rule.shop_account_pattern:
        account = ticket.customer.shop_account if ticket.customer_id else ""
        if not account or not fnmatchcase(account.casefold(), rule.shop_account_pattern.casefold()):
            return False
    return True


def first_match(ticket: Ticket, message: InboundMessage) -> RuleData | None:
    return next((rule for rule in snapshot().routing_rules if matches(rule, ticket, message)), None)


@hookimpl(wrapper=True)
def helpdesk_route_ticket(
    ticket: Ticket, message: InboundMessage
) -> Generator[None, RoutingDecision | None, RoutingDecision | None]:
    rule = first_match(ticket, message)
    if rule is None:
        return (yield)
    if rule.target_queue_id is not None:
        ticket.queue_id = rule.target_queue_id
    assignee_id = None
    if rule.assignee_id is not None and ticket.assignee_id is None:
        queue_id = assignment.target_queue_id(ticket)
        if queue_id is not None and any(
            a.user_id == rule.assignee_id and a.available for a in assignment.candidates(queue_id)
        ):
            assignee_id = ticket.assignee_id = rule.assignee_id
    decision = yield
    if decision is None:
        decision = RoutingDecision(queue_id=ticket.queue_id)
    reasons = [Reason(gettext_noop("rule: %(rule)s"), {"rule": rule.name})]
    if assignee_id is not None:
        decision.assignee_id = assignee_id
    elif rule.assignee_id is not None:
        reasons.append(Reason(gettext_noop("assignee of the rule unavailable")))
    if rule.target_queue_id is not None:
        decision.queue_id, decision.queue = rule.target_queue_id, None
    if assignee_id is None and not _queue_only(decision):
        reasons.extend(decision.reasons())  # who the queue's strategy chose, or why nobody
    decision.set_reasons(reasons)
    if rule.set_priority is not None:
        decision.priority = rule.set_priority
    decision.tags = [*decision.tags, *(t for t in rule.add_tags if t not in decision.tags)]
    return decision
