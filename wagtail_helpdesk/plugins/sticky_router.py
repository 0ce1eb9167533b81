"""Built-in sticky router: a returning customer's new ticket goes to the agent who handled them last.

Chooses an assignee only, inside the queue the ticket will land in
(``ticket.queue_id`` as set by the channel, a classifier or a routing rule,
else the default queue), and only when that queue has ``sticky`` on, the
ticket has no assignee yet, and the customer's most recent ticket in that
queue had an agent who is still an available agent of it.  Otherwise it
returns ``None`` and ``load_router`` (called next) decides.  The reason reads
``"sticky: last handled by anna"``.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

from .. import hookimpl
from ..models import Ticket
from ..services import assignment
from ..services.config_cache import snapshot
from ..types import InboundMessage, RoutingDecision


@hookimpl
def helpdesk_route_ticket(ticket: Ticket, message: InboundMessage) -> RoutingDecision | None:
    if ticket.assignee_id is not None or ticket.customer_id is None:
        return None
    queue_id = assignment.target_queue_id(ticket)
    routing = snapshot().queue_routing.get(queue_id) if queue_id is not None else None
    if routing is None or not routing.sticky:
        return None
    last_agent = (
        Ticket.objects.filter(customer_id=ticket.customer_id, queue_id=queue_id, assignee__isnull=False)
        .order_by("-created_at", "-pk")
        .values_list("assignee_id", flat=True)
        .first()
    )
    if last_agent is None:
        return None
    agent = next((a for a in assignment.candidates(queue_id) if a.user_id == last_agent), None)
    if agent is None or not agent.available:
        return None
    return RoutingDecision(
        queue_id=queue_id,
        assignee_id=agent.user_id,
        reason=gettext_noop("sticky: last handled by %(agent)s"),
        reason_params={"agent": agent.username},
    )
