"""Built-in load router: the queue's assignment strategy picks an available agent.

Chooses an assignee only, inside the queue the ticket will land in
(``ticket.queue_id`` as set by the channel, a classifier or a routing rule,
else the default queue), when the ticket has no assignee yet and the queue's
strategy is "least loaded" or "round robin".  Consulted after
``sticky_router`` and before ``default_router``.

When every agent is on leave or at their limit the ticket stays unassigned
in the queue (the decision says so) and
``services.assignment.assign_waiting`` hands it out later.  A queue without a
strategy returns ``None``, so ``default_router`` decides.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

from .. import hookimpl
from ..models import Queue, Ticket
from ..services import assignment
from ..services.config_cache import snapshot
from ..types import InboundMessage, RoutingDecision

# Whole sentences per strategy, translated when the ticket's history is shown.
_LEAST_LOADED = {
    "chosen": gettext_noop("least loaded: %(agent)s (%(open)s open)"),
    "waiting": gettext_noop("least loaded: no agent available, waiting in the queue"),
    "no_agents": gettext_noop("least loaded: the queue has no agents"),
}
_ROUND_ROBIN = {
    "chosen": gettext_noop("round robin: %(agent)s (%(open)s open)"),
    "waiting": gettext_noop("round robin: no agent available, waiting in the queue"),
    "no_agents": gettext_noop("round robin: the queue has no agents"),
}


@hookimpl
def helpdesk_route_ticket(ticket: Ticket, message: InboundMessage) -> RoutingDecision | None:
    if ticket.assignee_id is not None:
        return None
    queue_id = assignment.target_queue_id(ticket)
    routing = snapshot().queue_routing.get(queue_id) if queue_id is not None else None
    if routing is None or routing.strategy == Queue.Strategy.NONE:
        return None
    chosen, agents = assignment.pick(queue_id, routing.strategy)
    messages = _ROUND_ROBIN if routing.strategy == Queue.Strategy.ROUND_ROBIN else _LEAST_LOADED
    if chosen is None:
        return RoutingDecision(queue_id=queue_id, reason=messages["waiting" if agents else "no_agents"])
    return RoutingDecision(
        queue_id=queue_id,
        assignee_id=chosen.user_id,
        reason=messages["chosen"],
        reason_params={"agent": chosen.username, "open": chosen.open_tickets},
    )
