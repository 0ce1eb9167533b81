"""Built-in plugin: notify agents of what needs them (new tickets, replies, assignments, mentions, SLA).

Implements the public ``helpdesk_ticket_event`` hook only; the rules of who is
told live in ``services.agent_notifications``.  The work (a row per agent, a
mail each) runs in the ``wagtail_helpdesk.notify_agents`` Celery task, as the
hook's contract asks, so a customer's request never waits for thirty agents'
notifications.  If the broker cannot take the task, the notifications are made
at once rather than lost.

A site that notifies agents its own way disables this plugin
(``WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["agent_notifier"]``).
"""

from __future__ import annotations

import dataclasses

from .. import hookimpl
from ..services import agent_notifications, queueing
from ..types import TicketEventPayload


@hookimpl
def helpdesk_ticket_event(event: TicketEventPayload) -> None:
    from ..tasks import notify_agents

    if not agent_notifications.might_notify(event):
        return  # no task for what can notify nobody (status changes, replies, routing to no one)
    queueing.queue_task(
        notify_agents, dataclasses.asdict(event), fallback=lambda: agent_notifications.notify_for_event(event)
    )
