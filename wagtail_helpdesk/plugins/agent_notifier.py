"""Built-in plugin: notify agents of what needs them (new tickets, replies, assignments, mentions, SLA).

Implements the public ``helpdesk_ticket_event`` hook only; the rules of who is
told live in ``services.agent_notifications``.  A site that notifies agents its
own way disables this plugin (``WAGTAIL_HELPDESK_DISABLED_PLUGINS =
["agent_notifier"]``).
"""

from __future__ import annotations

from .. import hookimpl
from ..services import agent_notifications
from ..types import TicketEventPayload


@hookimpl
def helpdesk_ticket_event(event: TicketEventPayload) -> None:
    agent_notifications.notify_for_event(event)
