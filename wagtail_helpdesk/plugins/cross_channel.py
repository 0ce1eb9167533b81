"""Built-in matcher, consulted last: the same matter from another channel.

A customer who filled in the web form and then writes an email about it
(without quoting our reply) means one matter.  Their open ticket from another
channel, active within ``WAGTAIL_HELPDESK_CROSS_CHANNEL_WINDOW``, with a
similar subject (``services.threading.similar_subjects``), takes the message.
Only the sender's own tickets are considered, so no evidence of identity is
needed beyond the sender address itself.
"""

from __future__ import annotations

from .. import hookimpl
from ..models import Customer, Ticket
from ..services import threading
from ..types import InboundMessage


@hookimpl(trylast=True)
def helpdesk_match_ticket(message: InboundMessage, customer: Customer) -> Ticket | None:
    return threading.open_ticket_on_another_channel(customer, message.channel, message.subject)
