"""The agent's notifications in the admin: the listing, the menu badge and the dashboard panel.

Rows are written by ``services.agent_notifications``; here an agent only reads
their own and marks them read.  Opening a ticket marks that ticket's
notifications read (``admin.tickets.TicketView``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import AgentNotification
from ..services import agent_notifications
from .permissions import notification_permission_policy, user_is_agent

#: How many unread notifications the dashboard panel lists.
DASHBOARD_SHOWN = 5


def unread_count(user) -> int:
    """The agent's unread notifications, as the menu shows them (cached briefly)."""
    return agent_notifications.unread_count(user)


def ticket_url(notification: AgentNotification) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(notification.ticket_id,))


class NotificationIndexView(generic.IndexView):
    """The agent's notifications, unread first; each links to its ticket."""

    template_name = "wagtail_helpdesk/admin/notifications_index.html"
    mark_all_url_name = None
    email_url_name = None

    def get_base_queryset(self) -> QuerySet:
        return notification_permission_policy.visible_instances(self.request.user).select_related("ticket")

    def get_edit_url(self, instance) -> str:
        return ticket_url(instance)

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["mark_all_url"] = reverse(self.mark_all_url_name)
        context["email_url"] = reverse(self.email_url_name)
        context["unread_count"] = agent_notifications.unread_count(self.request.user)
        context["wants_email"] = agent_notifications.wants_email(self.request.user)
        return context


class MarkAllReadView(View):
    """POST: mark every unread notification of the agent read, back to the listing."""

    http_method_names = ["post"]
    index_url_name = None

    def post(self, request):
        if not user_is_agent(request.user):
            return redirect(reverse(self.index_url_name))
        count = agent_notifications.mark_read(request.user)
        messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
        return redirect(reverse(self.index_url_name))


class EmailPreferenceView(View):
    """POST ``email=1`` (or nothing): the agent turns notification mail on or off for themselves."""

    http_method_names = ["post"]
    index_url_name = None

    def post(self, request):
        if user_is_agent(request.user):
            enabled = request.POST.get("email") == "1"
            agent_notifications.set_email(request.user, enabled)
            messages.success(
                request,
                _("You will get your notifications by email too.")
                if enabled
                else _("You will no longer get your notifications by email."),
            )
        return redirect(reverse(self.index_url_name))


class NotificationViewSet(ModelViewSet):
    """The "Notifications" item of the Helpdesk menu; its label carries the unread count."""

    model = AgentNotification
    icon = "mail"
    menu_label = gettext_lazy("Notifications")
    url_prefix = "helpdesk/notifications"
    url_namespace = "wagtail_helpdesk_notifications"
    permission_policy = notification_permission_policy
    index_view_class = NotificationIndexView
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    ordering = ["read_at", "-created_at"]
    list_per_page = 50
    list_display = [
        TitleColumn("text", label=gettext_lazy("Notification"), get_url=ticket_url),
        Column("ticket", label=gettext_lazy("Ticket"), accessor="ticket.reference"),
        Column("kind", label=gettext_lazy("Kind"), accessor="get_kind_display"),
        StatusTagColumn(
            "read_at",
            label=gettext_lazy("State"),
            accessor=lambda n: _("Read") if n.read_at else _("Unread"),
            primary=lambda n: n.read_at is None,
        ),
        DateColumn("created_at", label=gettext_lazy("Created"), sort_key="created_at"),
    ]
    list_filter = ["kind"]
    form_fields = []

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            mark_all_url_name=self.get_url_name("mark_all_read"), email_url_name=self.get_url_name("email"), **kwargs
        )

    def get_urlpatterns(self):
        mark_all = path(
            "mark-all-read/",
            MarkAllReadView.as_view(index_url_name=self.get_url_name("index")),
            name="mark_all_read",
        )
        email = path("email/", EmailPreferenceView.as_view(index_url_name=self.get_url_name("index")), name="email")
        return [*super().get_urlpatterns(), mark_all, email]

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class

        def render_component(item, request):
            component = base.render_component(item, request)
            count = agent_notifications.unread_count(request.user)
            if count:
                # The count is part of the label, so screen readers announce it too.
                component.label = _("%(label)s (%(count)d unread)") % {"label": item.label, "count": count}
            return component

        return type("NotificationsMenuItem", (base,), {"render_component": render_component})


class NotificationsPanel(Component):
    """Dashboard: the agent's unread notifications (count and the newest few)."""

    name = "helpdesk_notifications"
    order = 95
    template_name = "wagtail_helpdesk/admin/notifications_panel.html"

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        user = self.request.user
        latest = list(agent_notifications.unread(user)[:DASHBOARD_SHOWN])
        for notification in latest:
            notification.url = ticket_url(notification)
        return {
            "count": agent_notifications.unread_count(user),
            "latest": latest,
            "listing_url": reverse(NotificationViewSet.url_namespace + ":index"),
        }


def add_notifications_panel(request: HttpRequest, panels: list) -> None:
    """``construct_homepage_panels`` hook: agents see their unread notifications."""
    if user_is_agent(request.user):
        panels.append(NotificationsPanel(request))
