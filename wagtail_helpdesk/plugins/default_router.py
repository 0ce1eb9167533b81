"""Built-in router of last resort: the queue the channel asked for, else the default queue."""

from __future__ import annotations

from django.utils.translation import gettext_noop

from .. import hookimpl
from ..conf import helpdesk_settings
from ..models import Ticket
from ..services.config_cache import snapshot
from ..types import InboundMessage, RoutingDecision


@hookimpl(trylast=True)
def helpdesk_route_ticket(ticket: Ticket, message: InboundMessage) -> RoutingDecision | None:
    if ticket.queue_id is not None:
        return RoutingDecision(queue_id=ticket.queue_id, reason=gettext_noop("queue requested by the channel"))
    config = snapshot()
    if helpdesk_settings.DEFAULT_QUEUE:
        queue_id = config.queue_ids.get(helpdesk_settings.DEFAULT_QUEUE)
    else:
        queue_id = config.default_queue_ids[0] if config.default_queue_ids else None
    if queue_id is None:
        return None
    return RoutingDecision(queue_id=queue_id, reason=gettext_noop("default queue"))
