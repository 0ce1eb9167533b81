"""The Helpdesk admin menu: declared viewsets, as STYLE.md §5 asks.

``wagtail_hooks`` registers :class:`HelpdeskViewSetGroup` and nothing here
runs at import beyond building classes.
"""

from __future__ import annotations

from operator import attrgetter

from django import forms as django_forms
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from ..models import Customer, InboundRecord, OutboundMessage, Queue, ReplyTemplate, Ticket
from . import board, outbox, queue
from .actions import ACTION_VIEWS
from .api import ChannelTokenViewSet, WebhookDeliveryViewSet, WebhookEndpointViewSet
from .automation import AutomationRuleViewSet, SatisfactionRatingViewSet
from .canned_responses import CannedResponseViewSet
from .columns import FastColumn, FastDateColumn
from .filters import TicketFilterSet
from .forms import QueueForm, ReplyTemplateForm
from .mailboxes import MailboxViewSet
from .menu import SavedViewsMenu
from .notifications import NotificationViewSet, unread_count
from .permissions import (
    customer_permission_policy,
    inbound_permission_policy,
    outbound_permission_policy,
    ticket_permission_policy,
    user_is_agent,
)
from .quarantine import QuarantineViewSet
from .routing import AgentProfileViewSet, RoutingRuleViewSet
from .sla import BusinessCalendarViewSet, SLAPolicyViewSet
from .tickets import TicketView, agent_name, channel_label


class TicketViewSet(SnippetViewSet):
    """The ticket queue and the ticket view.

    A snippet viewset because Wagtail offers bulk actions only on snippet
    listings.  Tickets are opened by intake and changed by workflow actions,
    so the policy grants agents "view" only: no add, copy, edit or delete form.
    """

    model = Ticket
    icon = "tasks"
    menu_label = _("Tickets")
    #: Used by Wagtail 7.4; Wagtail 8 reads the policy ``wagtail_hooks`` registered.
    permission_policy = ticket_permission_policy
    index_view_class = queue.QueueIndexView
    index_template_name = "wagtail_helpdesk/admin/queue_index.html"
    index_results_template_name = "wagtail_helpdesk/admin/queue_index_results.html"
    inspect_view_class = TicketView
    inspect_view_enabled = True
    inspect_template_name = "wagtail_helpdesk/admin/ticket.html"
    copy_view_enabled = False
    list_per_page = 50
    #: Newest activity first; every column below with a ``sort_key`` is sortable.
    ordering = "-last_activity_at"
    list_display = [
        "reference",
        FastColumn("subject", label=capfirst(_("subject")), sort_key="subject"),
        FastColumn("customer", label=_("Customer"), sort_key="customer__name", memo_key=attrgetter("customer_id")),
        FastColumn(
            "status", label=_("Status"), accessor="status_label", sort_key="status", memo_key=attrgetter("status")
        ),
        FastColumn(
            "priority",
            label=capfirst(_("priority")),
            accessor="get_priority_display",
            sort_key="priority",
            memo_key=attrgetter("priority"),
        ),
        queue.SLAColumn(),
        FastColumn("queue", label=_("Queue"), sort_key="queue__name", memo_key=attrgetter("queue_id")),
        FastColumn(
            "assignee",
            label=_("Assignee"),
            accessor=agent_name,
            sort_key="assignee__first_name",
            memo_key=attrgetter("assignee_id"),
        ),
        FastColumn(
            "channel", label=_("Channel"), accessor=channel_label, sort_key="channel", memo_key=attrgetter("channel")
        ),
        FastDateColumn("last_activity_at", label=_("Last activity"), sort_key="last_activity_at"),
    ]
    filterset_class = TicketFilterSet
    #: Ticket is not ``index.Indexed``, so Wagtail searches these with ``icontains``
    #: through the ORM: the same on SQLite and PostgreSQL, and no search index to keep.
    search_fields = ["reference", "subject", "customer__email", "customer__name"]
    #: Never the search backend, even if a site makes Ticket indexed: its SQLite
    #: backend fails on ``fields=`` restrictions (NOTES-ecosystem §2).
    search_backend_name = None
    #: Action name → view class, mounted at ``<name>/<pk>/`` as URL name ``action_<name>``.
    action_views = ACTION_VIEWS

    def get_queryset(self, request):
        """The agent's tickets, with every column's relation joined: a fixed number of queries per page."""
        return Ticket.objects.visible_to(request.user).select_related("customer", "queue", "assignee")

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            board_url_name=self.get_url_name("board"),
            save_view_url_name=self.get_url_name("save_view"),
            delete_view_url_name=self.get_url_name("delete_view"),
            **kwargs,
        )

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            action_url_names={name: self.get_url_name(f"action_{name}") for name in self.action_views},
            **kwargs,
        )

    def get_urlpatterns(self):
        actions = [
            path(
                f"{name}/<int:pk>/",
                self.construct_view(view_class, success_url_name=self.get_url_name("inspect")),
                name=f"action_{name}",
            )
            for name, view_class in self.action_views.items()
        ]
        return [*super().get_urlpatterns(), *actions, *queue.urlpatterns(self), *board.urlpatterns(self)]


class QueueViewSet(ModelViewSet):
    """Queues are configuration: Django's model permissions decide who edits them."""

    model = Queue
    icon = "group"
    menu_label = _("Queues")
    url_prefix = "helpdesk/queues"
    url_namespace = "wagtail_helpdesk_queues"
    list_display = ["name", "slug", "email", "is_default"]
    search_fields = ["name", "slug", "email"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("email"),
            FieldPanel("groups", widget=django_forms.CheckboxSelectMultiple),
            FieldPanel("is_default"),
            FieldPanel("assignment_strategy"),
            FieldPanel("sticky"),
        ],
        base_form_class=QueueForm,
    )


class CustomerIndexView(generic.IndexView):
    """Agents list only the customers of tickets they can see."""

    def get_base_queryset(self):
        return customer_permission_policy.visible_instances(self.request.user)


class CustomerEditView(generic.EditView):
    """Another queue's customer is a 404, as their tickets are."""

    def get_queryset(self):
        return customer_permission_policy.visible_instances(self.request.user)


class CustomerViewSet(ModelViewSet):
    """Customers are created by intake; agents correct their name, phone and shop account."""

    model = Customer
    icon = "user"
    menu_label = _("Customers")
    url_prefix = "helpdesk/customers"
    url_namespace = "wagtail_helpdesk_customers"
    permission_policy = customer_permission_policy
    index_view_class = CustomerIndexView
    edit_view_class = CustomerEditView
    copy_view_enabled = False
    list_display = ["name", "email", "phone", "shop_account", DateColumn("created_at", label=_("Created"))]
    search_fields = ["email", "name"]
    ordering = "name"
    form_fields = ["name", "phone", "shop_account"]


class ReplyTemplateViewSet(ModelViewSet):
    """Automatic replies; placeholders are checked against the templating service's sample context."""

    model = ReplyTemplate
    icon = "doc-full"
    menu_label = _("Reply templates")
    url_prefix = "helpdesk/reply-templates"
    url_namespace = "wagtail_helpdesk_reply_templates"
    list_display = ["name", "event", "language", "is_active"]
    list_filter = ["event", "is_active"]
    search_fields = ["name", "subject"]
    edit_handler = ObjectList(ReplyTemplate.panels, base_form_class=ReplyTemplateForm)


class OutboxViewSet(ModelViewSet):
    """Every message to customers and its delivery state; failed rows can be sent again."""

    model = OutboundMessage
    icon = "mail"
    menu_label = _("Outbox")
    url_prefix = "helpdesk/outbox"
    url_namespace = "wagtail_helpdesk_outbox"
    permission_policy = outbound_permission_policy
    index_view_class = outbox.OutboxIndexView
    inspect_view_class = outbox.OutboxInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    ordering = "-created_at"
    list_display = [
        "recipient",
        "subject",
        Column("ticket", label=_("Ticket"), accessor="ticket.reference"),
        "kind",
        StatusTagColumn(
            "state", label=_("State"), accessor="get_state_display", primary=lambda row: row.state == "sent"
        ),
        "attempts",
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
    ]
    list_filter = ["state", "kind"]
    search_fields = ["recipient", "subject"]
    form_fields = []

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(retry_url_name=self.get_url_name("retry"), **kwargs)

    def get_urlpatterns(self):
        retry = path("retry/<int:pk>/", self.construct_view(outbox.RetryOutboundView), name="retry")
        return [*super().get_urlpatterns(), retry]


class InboundViewSet(ModelViewSet):
    """Raw inbound messages as intake stored them, before and after processing."""

    model = InboundRecord
    icon = "download"
    menu_label = _("Inbound messages")
    url_prefix = "helpdesk/inbound"
    url_namespace = "wagtail_helpdesk_inbound"
    permission_policy = inbound_permission_policy
    index_view_class = outbox.InboundIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    ordering = "-received_at"
    list_display = [
        "external_id",
        "channel",
        StatusTagColumn(
            "state", label=_("State"), accessor="get_state_display", primary=lambda row: row.state == "processed"
        ),
        Column("ticket", label=_("Ticket"), accessor="ticket.reference"),
        DateColumn("received_at", label=_("Received"), sort_key="received_at"),
    ]
    list_filter = ["state"]
    search_fields = ["external_id", "channel"]
    form_fields = []


class AgentsOnlySubmenuMenuItem(SubmenuMenuItem):
    """The Helpdesk menu: shown to agents (and superusers) only, whatever else they may configure."""

    def is_shown(self, request) -> bool:
        return user_is_agent(request.user) and super().is_shown(request)

    def render_component(self, request):
        component = super().render_component(request)
        unread = unread_count(request.user)  # cached briefly; the same number the Notifications item shows
        if unread:
            component.label = _("%(label)s (%(count)d)") % {"label": self.label, "count": unread}
        return component


class HelpdeskViewSetGroup(SnippetViewSetGroup):
    """The "Helpdesk" menu group."""

    menu_label = _("Helpdesk")
    menu_icon = "help"
    menu_name = "helpdesk"
    menu_order = 150
    items = (
        TicketViewSet,
        NotificationViewSet,
        CannedResponseViewSet,
        SavedViewsMenu,
        QueueViewSet,
        CustomerViewSet,
        ReplyTemplateViewSet,
        RoutingRuleViewSet,
        AgentProfileViewSet,
        SLAPolicyViewSet,
        BusinessCalendarViewSet,
        AutomationRuleViewSet,
        SatisfactionRatingViewSet,
        OutboxViewSet,
        InboundViewSet,
        QuarantineViewSet,
        MailboxViewSet,
        ChannelTokenViewSet,
        WebhookEndpointViewSet,
        WebhookDeliveryViewSet,
    )

    def get_menu_item(self, order=None) -> SubmenuMenuItem:
        item = super().get_menu_item(order)
        return AgentsOnlySubmenuMenuItem(
            label=item.label, menu=item.menu, name=item.name, icon_name=item.icon_name, order=item.order
        )
