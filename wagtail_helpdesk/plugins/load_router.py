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

from .. import hookimpl
from ..models import Queue, Ticket
from ..services import assignment
from ..services.config_cache import snapshot
from ..types import InboundMessage, RoutingDecision


@hookimpl
def helpdesk_route_ticket(ticket: Ticket, message: InboundMessage) -> RoutingDecision | None:
    if ticket.assignee_id is not None:
        return None
    queue_id = assignment.target_queue_id(ticket)
    routing = snapshot().queue_routing.get(queue_id) if queue_id is not None else None
    if routing is None or routing.strategy == Queue.Strategy.NONE:
        return None
    chosen, agents = assignment.pick(queue_id, routing.strategy)
    label = "round robin" if routing.strategy == Queue.Strategy.ROUND_ROBIN else "least loaded"
    if chosen is None:
        reason = f"{label}: no agent available, waiting in the queue" if agents else f"{label}: the queue has no agents"
        return RoutingDecision(queue_id=queue_id, reason=reason)
    return RoutingDecision(
        queue_id=queue_id,
        assignee_id=chosen.user_id,
        reason=f"{label}: {chosen.username} ({chosen.open_tickets} open)",
    )
