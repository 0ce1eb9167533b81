"""VIP customers get urgent priority, a "vip" tag and the VIP queue.

A customer is a VIP when the domain of their email address is listed in the
Django setting ``HELPDESK_VIP_DOMAINS``.  Two hooks do the work:
``helpdesk_classify_message`` sets priority and tag, ``helpdesk_route_ticket``
sends the ticket to the queue with the slug ``vip``.

This module is the example in ``docs/plugins/example.rst`` and is exercised by
``tests/plugins/test_docs_example.py``, so the documented code is tested code.
"""

from __future__ import annotations

# [docs:imports]
from django.conf import settings

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.models import Priority, Queue, Ticket
from wagtail_helpdesk.types import Classification, RoutingDecision

# [/docs:imports]

# [docs:is-vip]
#: Used when the site does not set ``HELPDESK_VIP_DOMAINS``.
DEFAULT_VIP_DOMAINS = ("bigcustomer.example",)

#: Slug of the queue VIP tickets go to; a manager creates it in the admin.
VIP_QUEUE = "vip"


def is_vip(ticket: Ticket) -> bool:
    """Is the ticket's customer at one of the VIP domains?

    The setting is read on every call rather than at import, so a site (or a
    test using ``override_settings``) can change it without a restart.
    """
    domain = ticket.customer.email.rpartition("@")[2].lower()
    domains = {d.lower() for d in getattr(settings, "HELPDESK_VIP_DOMAINS", DEFAULT_VIP_DOMAINS)}
    return bool(domain) and domain in domains


# [/docs:is-vip]


# [docs:classify]
@hookimpl
def helpdesk_classify_message(ticket: Ticket) -> Classification | None:
    """VIP tickets are urgent and tagged "vip"; say nothing about the others.

    The spec also passes ``message``; pluggy lets an implementation accept
    only the arguments it uses.
    """
    if not is_vip(ticket):
        return None
    return Classification(priority=Priority.URGENT, tags=["vip"])


# [/docs:classify]


# [docs:route]
@hookimpl
def helpdesk_route_ticket(ticket: Ticket) -> RoutingDecision | None:
    """Send VIP tickets to the VIP queue; ``None`` lets the next router decide."""
    if not is_vip(ticket):
        return None
    if not Queue.objects.filter(slug=VIP_QUEUE).exists():
        # No VIP queue on this site (yet): better the default queue than none.
        return None
    return RoutingDecision(queue=VIP_QUEUE, reason="VIP customer")


# [/docs:route]
