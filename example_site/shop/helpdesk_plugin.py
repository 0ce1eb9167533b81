"""The shop's helpdesk plugin: what a site adds to wagtail-helpdesk in one module.

It is registered by the setting::

    WAGTAIL_HELPDESK_PLUGINS = ["example_site.shop.helpdesk_plugin"]

(a distributed plugin would declare an entry point in the group
``wagtail_helpdesk`` instead).  It implements two hooks:

* ``helpdesk_classify_message`` spots the order number a customer quotes and
  tags the new ticket, so agents see ``order_number`` as a field and returns
  land in the "returns" category;
* ``helpdesk_customer_context_panels`` shows the customer's last orders next
  to the ticket, so an agent answers "where is my parcel?" without opening the
  shop's back office.

The hooks are plain functions marked with ``@hookimpl``; they may accept fewer
arguments than the hook specification (pluggy's opt-in arguments).
"""

from __future__ import annotations

import re

from django.http import HttpRequest

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.models import Customer, Ticket
from wagtail_helpdesk.types import Classification, ContextPanel, InboundMessage

#: Order numbers as customers type them: "SO-10042", "so 10042", "SO10042".
ORDER_NUMBER = re.compile(r"(?<![\w-])SO[\s-]?(\d{5,})(?!\w)", re.IGNORECASE)

#: Wording that means the customer wants to send something back or get money back.
RETURN_WORDING = re.compile(
    r"\b(return(s|ed|ing)?|refund(s|ed)?|send (it|them) back|money back|withdraw(al)?|exchange)\b", re.IGNORECASE
)

#: How many orders the agent's panel lists.
PANEL_ORDERS = 5


def find_order_number(*texts: str) -> str | None:
    """The first order number in ``texts``, normalised to ``SO-10042``."""
    for text in texts:
        match = ORDER_NUMBER.search(text or "")
        if match:
            return f"SO-{match.group(1)}"
    return None


@hookimpl
def helpdesk_classify_message(message: InboundMessage, ticket: Ticket) -> Classification | None:
    """Tag tickets about an order with its number; put returns and refunds in the "returns" category.

    The number the customer typed into a form field (``shop_reference``) wins
    over one found in the text.  Only text is read here: intake holds a
    transaction, so no shop API calls.
    """
    order_number = find_order_number(message.shop_reference, message.subject, message.body_text)
    is_return = bool(RETURN_WORDING.search(f"{message.subject}\n{message.body_text}"))
    if order_number is None and not is_return:
        return None
    return Classification(
        tags=["order"] if order_number else [],
        custom_fields={"order_number": order_number} if order_number else {},
        category="returns" if is_return else None,
    )


@hookimpl
def helpdesk_customer_context_panels(customer: Customer, ticket: Ticket, request: HttpRequest) -> list[ContextPanel]:
    """The customer's last orders, with the one the ticket is about highlighted.

    The agent already passed the helpdesk's permission check for this ticket,
    and the orders shown are the ticket customer's own, so no further check is
    needed here.  One query, from the shop's own database.
    """
    # Imported here, not at the top, so the classifier above works (and is
    # tested) in projects that do not install the shop app.
    from .models import Order

    orders = list(Order.objects.for_email(customer.email).with_totals().order_by("-placed_at")[:PANEL_ORDERS])
    if not orders and not customer.email:
        return []
    return [
        ContextPanel(
            title="Shop orders",
            template_name="shop/helpdesk/orders_panel.html",
            context={
                "orders": orders,
                "customer": customer,
                "ticket_order_number": (ticket.custom_fields or {}).get("order_number") or ticket.shop_reference,
            },
            order=10,
        )
    ]
