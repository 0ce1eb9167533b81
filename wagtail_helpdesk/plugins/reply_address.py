"""Built-in matcher, consulted first: the per-ticket reply address.

Our mail to a customer carries ``Reply-To: support+<token>@domain``
(``services.threading.reply_address``); a reply sent to that address names
its ticket however the client mangled the subject and the headers.  The
token is genuine only for its ticket, and it is still not proof of identity:
the sender must be the ticket's customer or a follower.
"""

from __future__ import annotations

from .. import hookimpl
from ..models import Customer, Ticket
from ..services import threading
from ..types import InboundMessage


@hookimpl(trylast=True)
def helpdesk_match_ticket(message: InboundMessage, customer: Customer) -> Ticket | None:
    addresses = message.metadata.get("to") or []
    if not isinstance(addresses, list) or not any("+" in str(a) for a in addresses):
        return None
    ticket = threading.ticket_for_addresses(str(a) for a in addresses)
    return threading.entitled(customer, [ticket]) if ticket is not None else None
