"""Builds the demo shop and two months of helpdesk history.

Everything a customer says goes through the real channel adapters (a web-form
payload, a raw email) and ``services.intake.receive()``; everything an agent
does goes through ``services.workflow``.  So the demo data is exactly what a
live site would have produced: references, routing, events, acknowledgements
and replies in the outbox, mail written by the configured mail backend.

Only the clock is faked.  The whole history runs in a few seconds, in the
order of the moments it stands for, and ``clock.DemoClock`` then moves every
timestamp back to its moment over the last 60 days (see ``clock.rewrite_history``).

Safe to run again: set-up data is looked up before it is created, and the
ticket history is created once, in one transaction.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail_helpdesk.models import ContactFormPage, Message, OutboundMessage, Queue, Ticket

from ..models import Order, Product
from .canned import ensure_canned_responses
from .history import HistoryBuilder, history_exists
from .kb import ensure_kb
from .mail import ensure_quarantine
from .saved_views import ensure_saved_views
from .setup import (
    ensure_admin,
    ensure_demo_customer,
    ensure_orders,
    ensure_pages,
    ensure_products,
    ensure_queues_and_agents,
    ensure_reply_templates,
)
from .sla import ensure_sla_configuration, start_clocks

User = get_user_model()


@dataclass
class DemoResult:
    """What :func:`load` found or made, for the command's summary."""

    created_history: bool
    seconds: float
    products: int = 0
    orders: int = 0
    shop_customers: int = 0
    queues: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    tickets_by_status: dict[str, int] = field(default_factory=dict)
    tickets_by_channel: dict[str, int] = field(default_factory=dict)
    merged: int = 0
    messages: int = 0
    outbound_sent: int = 0
    contact_url: str = ""
    #: The demo customer's login and their tickets by status.
    customer_login: str = ""
    customer_tickets: dict[str, int] = field(default_factory=dict)

    @property
    def tickets(self) -> int:
        return sum(self.tickets_by_status.values())


def load(*, tickets: int = 300, seed: int = 2026) -> DemoResult:
    """Create whatever of the demo is missing and return a summary."""
    started = time.monotonic()
    with transaction.atomic():
        queues = ensure_queues_and_agents()
        ensure_admin()
        contact = ensure_pages(queues["general"])
        ensure_kb(contact.get_parent())
        products = ensure_products()
        ensure_orders(products, random.Random(seed))
        ensure_reply_templates()
        ensure_canned_responses(queues)
        ensure_saved_views(queues)
    created = False
    if not history_exists():
        with transaction.atomic():
            HistoryBuilder(random.Random(seed + 1), queues, contact).build(tickets)
        created = True
    with transaction.atomic():
        # After the history, which stays what intake and workflow made; then the open tickets get deadlines.
        ensure_sla_configuration()
        start_clocks()
        customer = ensure_demo_customer()
    ensure_quarantine()
    return _summary(created, time.monotonic() - started, contact, customer)


def _summary(created: bool, seconds: float, contact: ContactFormPage, customer=None) -> DemoResult:
    tickets = Ticket.objects.all()
    return DemoResult(
        customer_login=customer.user.username if customer is not None else "",
        customer_tickets=dict(Counter(customer.tickets.values_list("status", flat=True))) if customer else {},
        created_history=created,
        seconds=seconds,
        products=Product.objects.count(),
        orders=Order.objects.count(),
        shop_customers=Order.objects.values("email").distinct().count(),
        queues=[f"{q.name}{' (default)' if q.is_default else ''}" for q in Queue.objects.order_by("pk")],
        agents=[u.username for u in User.objects.filter(groups__helpdesk_queues__isnull=False).distinct()],
        tickets_by_status=dict(Counter(tickets.values_list("status", flat=True))),
        tickets_by_channel=dict(Counter(tickets.values_list("channel", flat=True))),
        merged=tickets.filter(merged_into__isnull=False).count(),
        messages=Message.objects.count(),
        outbound_sent=OutboundMessage.objects.filter(state=OutboundMessage.State.SENT).count(),
        contact_url=contact.url or "/contact-us/",
    )


__all__ = ["DemoResult", "load"]
