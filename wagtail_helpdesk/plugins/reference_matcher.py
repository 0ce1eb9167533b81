"""Built-in matcher: a message continues the ticket it refers to.

Evidence, strongest first: the channel's trusted ``ticket_reference`` (the
portal), the Message-IDs in ``reply_to`` of mail we received or sent on a
ticket, then ticket references in ``reply_to`` and the subject.  None of it is
proof of identity: the sender must be the ticket's customer or a follower
(else ``services.threading.entitled`` applies the unknown-sender policy).
"""

from __future__ import annotations

from .. import hookimpl
from ..models import Customer, Message, OutboundMessage, Ticket
from ..services import threading
from ..services.references import find_references
from ..types import InboundMessage


@hookimpl(trylast=True)
def helpdesk_match_ticket(message: InboundMessage, customer: Customer) -> Ticket | None:
    return threading.entitled(customer, _candidates(message))


def _candidates(message: InboundMessage) -> list[Ticket]:
    references = [message.ticket_reference.upper()] if message.ticket_reference else []
    for text in (*message.reply_to, message.subject):
        references.extend(find_references(text))
    message_ids = [ref[:255] for ref in message.reply_to if ref.startswith("<")]
    ticket_ids: list[int] = []
    if message_ids:
        ours = (
            OutboundMessage.objects.filter(external_id__in=message_ids).order_by().values_list("ticket_id", flat=True)
        )
        theirs = (
            Message.objects.filter(channel=message.channel, external_id__in=message_ids)
            .order_by()
            .values_list("ticket_id", flat=True)
        )
        ticket_ids = [pk for pk in ours.union(theirs) if pk is not None]
    if not references and not ticket_ids:
        return []
    found = Ticket.objects.filter(reference__in=set(references)) if references else Ticket.objects.none()
    if ticket_ids:
        found = found | Ticket.objects.filter(pk__in=ticket_ids)
    by_reference = {t.reference: t for t in found}
    by_id = {t.pk: t for t in by_reference.values()}
    ordered = [by_reference[r] for r in references[:1] if r in by_reference]
    ordered += [by_id[pk] for pk in ticket_ids if pk in by_id]
    ordered += [by_reference[r] for r in references[1:] if r in by_reference]
    return list(dict.fromkeys(ordered))
