"""Built-in: ticket events go to the webhook endpoints admins registered.

Runs after commit (``helpdesk_ticket_event``) and only writes delivery rows
and queues their Celery tasks; the HTTP calls happen in the worker.
"""

from __future__ import annotations

from .. import hookimpl
from ..services import webhooks
from ..types import TicketEventPayload


@hookimpl
def helpdesk_ticket_event(event: TicketEventPayload) -> None:
    webhooks.enqueue(event)
