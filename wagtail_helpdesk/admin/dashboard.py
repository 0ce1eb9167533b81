"""The agent's summary on the Wagtail dashboard: my open tickets, unassigned in my queues, overdue.

The numbers are the counts of the built-in saved views, so the panel, the
Helpdesk menu and the tabs above the queue agree and share one aggregate query
(``services.saved_views.counts``, cached briefly).  The agent's other saved
views are listed under them.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..models import Ticket
from .permissions import user_is_agent
from .queue import view_links

#: Built-in views shown as the panel's three headline numbers.
HEADLINE_VIEWS = ("mine", "unassigned", "overdue")


class HelpdeskSummaryPanel(Component):
    """Three numbers, each linking to its saved view, then the agent's other views."""

    name = "helpdesk_summary"
    order = 90
    template_name = "wagtail_helpdesk/admin/dashboard_panel.html"

    class Media:
        css = {"all": ["wagtail_helpdesk/admin/admin.css"]}

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        links = view_links(self.request, reverse(Ticket.snippet_viewset.get_url_name("list")))
        return {
            "headline": [link for link in links if link["view"].key in HEADLINE_VIEWS],
            "others": [link for link in links if link["view"].key not in HEADLINE_VIEWS],
        }


def add_summary_panel(request: HttpRequest, panels: list) -> None:
    """``construct_homepage_panels`` hook: agents get the helpdesk summary."""
    if user_is_agent(request.user):
        panels.append(HelpdeskSummaryPanel(request))
