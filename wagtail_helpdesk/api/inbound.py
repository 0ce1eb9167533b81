"""Turning API input into :class:`~wagtail_helpdesk.types.InboundMessage` for intake.

Tickets opened and customer replies posted through the REST API come in on
the built-in ``api`` channel, like every other channel's messages.  The
``Idempotency-Key`` header makes a retried POST harmless: it becomes the
external id, which intake stores once.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from ..models import Customer, Ticket
from ..types import InboundAttachment, InboundMessage

CHANNEL = "api"


def external_id(request, who: str, what: str) -> str:
    """``api:<who>:<what>:<Idempotency-Key or a fresh id>``: a key is scoped to the caller and the call."""
    key = request.headers.get("Idempotency-Key", "").strip()[:100] or uuid.uuid4().hex
    return f"{CHANNEL}:{who}:{what}:{key}"


def new_ticket(request, data: dict, customer: Customer | None) -> InboundMessage:
    """A ticket an agent opens for ``data["customer_email"]``, or a customer opens for themselves."""
    if customer is not None:
        sender = {"sender_email": customer.email, "sender_name": customer.name, "sender_phone": customer.phone}
        who = f"customer-{customer.pk}"
    else:
        sender = {
            "sender_email": data.get("customer_email", ""),
            "sender_name": data.get("customer_name", ""),
            "sender_phone": data.get("customer_phone", ""),
        }
        who = f"user-{request.user.pk}"
    return InboundMessage(
        channel=CHANNEL,
        external_id=external_id(request, who, "ticket"),
        subject=data["subject"],
        body_text=data["body_text"],
        attachments=tuple(data.get("attachments") or ()),
        queue=data.get("queue", ""),
        shop_reference=data.get("shop_reference", ""),
        language=data.get("language", ""),
        metadata={"api_user": request.user.pk},
        **sender,
    )


def customer_reply(
    request, ticket: Ticket, customer: Customer, body_text: str, files: Sequence[InboundAttachment]
) -> InboundMessage:
    """The customer's reply on a ticket they may see (the caller checked it: ``ticket_reference`` is trusted)."""
    return InboundMessage(
        channel=CHANNEL,
        external_id=external_id(request, f"customer-{customer.pk}", f"reply-{ticket.pk}"),
        sender_email=customer.email,
        sender_name=customer.name,
        subject=ticket.subject,
        body_text=body_text,
        attachments=tuple(files),
        ticket_reference=ticket.reference or "",
        metadata={"api_user": request.user.pk},
    )
