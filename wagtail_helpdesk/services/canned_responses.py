"""Canned responses offered on a ticket and their text for that ticket."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from wagtail.admin.utils import get_user_display_name

from ..models import CannedResponse, Queue, Ticket
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


def usable_by(user, *, queue_slug: str = "") -> QuerySet:
    """Responses an agent may insert somewhere: unrestricted ones plus those of the agent's queues.

    Managers (superusers) work every queue, so they get all.  ``queue_slug``
    narrows to what the composer offers on that queue's tickets; a queue the
    agent does not work adds nothing beyond the unrestricted ones.
    """
    queues = Queue.objects.for_agent(user)
    if queue_slug:
        queues = queues.filter(slug=queue_slug)
    queryset = CannedResponse.objects.filter(Q(queue__isnull=True) | Q(queue__in=queues.values("pk")))
    return queryset.select_related("queue")


def for_ticket(ticket: Ticket, canned_id: int) -> CannedResponse | None:
    """The response ``canned_id`` if the composer offers it on ``ticket`` (the admin's rule), else ``None``."""
    return available_for(ticket).filter(pk=canned_id).first()
