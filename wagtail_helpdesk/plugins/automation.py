"""Built-in automation: the rules managers edit in the admin, run on every ticket event.

A plain ``helpdesk_ticket_event`` implementation, as a third party would write
one; block it with ``WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["automation"]``.
"""

from __future__ import annotations

from .. import hookimpl
from ..services import automation
from ..types import TicketEventPayload


@hookimpl
def helpdesk_ticket_event(event: TicketEventPayload) -> None:
    automation.on_event(event)
