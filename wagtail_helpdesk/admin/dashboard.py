"""The agent's summary on the Wagtail dashboard."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..models import ACTIVE_STATUSES, Ticket
from .filters import ASSIGNEE_ME, ASSIGNEE_NOBODY
from .permissions import user_is_agent


def ticket_counts(user) -> dict[str, int]:
    """My open tickets, unassigned open tickets in my queues, tickets opened today: one COUNT query.

    "Unassigned" needs no queue test of its own: an unassigned ticket is
    visible to an agent only through one of their queues.
    """
    start_of_day = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    active = Q(status__in=ACTIVE_STATUSES)
    return Ticket.objects.visible_to(user).aggregate(
        mine=Count("pk", filter=active & Q(assignee=user)),
        unassigned=Count("pk", filter=active & Q(assignee__isnull=True)),
        new_today=Count("pk", filter=Q(created_at__gte=start_of_day)),
    )


class HelpdeskSummaryPanel(Component):
    """Three numbers, each linking to the matching filtered ticket listing."""

    name = "helpdesk_summary"
    order = 90
    template_name = "wagtail_helpdesk/admin/dashboard_panel.html"

    class Media:
        css = {"all": ["wagtail_helpdesk/admin/admin.css"]}

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        listing = reverse(Ticket.snippet_viewset.get_url_name("list"))
        active = "&".join(f"status={status}" for status in ACTIVE_STATUSES)
        return {
            "counts": ticket_counts(self.request.user),
            "mine_url": f"{listing}?assignee={ASSIGNEE_ME}&{active}",
            "unassigned_url": f"{listing}?assignee={ASSIGNEE_NOBODY}&{active}",
            "today_url": f"{listing}?created_from={timezone.localdate().isoformat()}",
        }


def add_summary_panel(request: HttpRequest, panels: list) -> None:
    """``construct_homepage_panels`` hook: agents get the helpdesk summary."""
    if user_is_agent(request.user):
        panels.append(HelpdeskSummaryPanel(request))
