"""Built-in matcher: a message continues the ticket whose reference it carries.

Looks at the channel's trusted ``ticket_reference`` first, then at references
in ``reply_to`` and the subject.  A reference is not proof of identity: the
sender must be the ticket's customer or one of its followers.
"""

from __future__ import annotations

from .. import hookimpl
from ..models import Customer, Ticket
from ..services.permissions import customer_can_view
from ..services.references import find_references
from ..types import InboundMessage


@hookimpl(trylast=True)
def helpdesk_match_ticket(message: InboundMessage, customer: Customer) -> Ticket | None:
    candidates = []
    if message.ticket_reference:
        candidates.append(message.ticket_reference.upper())
    for text in (*message.reply_to, message.subject):
        candidates.extend(find_references(text))
    if not candidates:
        return None
    tickets = {t.reference: t for t in Ticket.objects.filter(reference__in=set(candidates))}
    for reference in candidates:
        ticket = tickets.get(reference)
        if ticket is not None and customer_can_view(customer, ticket):
            return ticket
    return None
