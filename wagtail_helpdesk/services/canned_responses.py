"""Canned responses offered on a ticket and their text for that ticket."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.admin.utils import get_user_display_name

from ..models import CannedResponse, Ticket
from . import templating


def available_for(ticket: Ticket) -> QuerySet:
    """Responses for every queue plus those restricted to the ticket's queue, by title."""
    return CannedResponse.objects.for_queue(ticket.queue_id).order_by("title", "pk")


def render(canned: CannedResponse, ticket: Ticket, agent) -> str:
    """The response's body with the ticket's, customer's and agent's plain values filled in.

    Uses the same placeholder renderer as reply templates: no template tags,
    no attribute access on objects.  The result is plain text; the composer
    puts it into a textarea as text, never as HTML.
    """
    context = templating.ticket_context(ticket, agent={"name": get_user_display_name(agent)})
    return templating.render(canned.body, context)
