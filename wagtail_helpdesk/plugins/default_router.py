"""Built-in router of last resort: the queue the channel asked for, else the default queue."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_noop

from .. import hookimpl
from ..conf import helpdesk_settings
from ..models import Queue, Ticket
from ..types import InboundMessage, RoutingDecision


@hookimpl(trylast=True)
def helpdesk_route_ticket(ticket: Ticket, message: InboundMessage) -> RoutingDecision | None:
    if ticket.queue_id is not None:
        return RoutingDecision(queue_id=ticket.queue_id, reason=gettext_noop("queue requested by the channel"))
    condition = Q(is_default=True)
    if helpdesk_settings.DEFAULT_QUEUE:
        condition = Q(slug=helpdesk_settings.DEFAULT_QUEUE)
    queue = Queue.objects.filter(condition).order_by("pk").first()
    if queue is None:
        return None
    return RoutingDecision(queue_id=queue.pk, reason=gettext_noop("default queue"))
