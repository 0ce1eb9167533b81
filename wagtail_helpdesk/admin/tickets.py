"""The ticket queue listing and the agent's ticket view.

Both are Wagtail's generic snippet views with one or two methods replaced;
:class:`~wagtail_helpdesk.admin.viewsets.TicketViewSet` declares the rest.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name
from wagtail.snippets.views.snippets import IndexView, InspectView

from ..models import Message, Ticket
from ..services.channels import get_channels
from . import forms
from .panels import customer_context_panels
from .timeline import timeline

#: Page sizes an agent may ask for with ``?per_page=``.
PAGE_SIZES = (10, 20, 50, 100)

#: How many of the customer's other tickets the sidebar lists.
OTHER_TICKETS_SHOWN = 10

#: Put in front of mail HTML shown in the sandboxed iframe: no scripts run
#: (the sandbox), nothing is fetched (no tracking pixels, no remote CSS), and
#: links open outside the admin.
SRCDOC_HEAD = (
    '<!DOCTYPE html><html><head><meta charset="utf-8">'
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    '<base target="_blank"></head><body>'
)


def agent_name(ticket: Ticket) -> str:
    """The assignee's display name, or nothing."""
    return get_user_display_name(ticket.assignee) if ticket.assignee_id else ""


def channel_label(ticket: Ticket) -> str:
    channel = get_channels().get(ticket.channel)
    return (channel.label if channel else "") or ticket.channel


def srcdoc(body_html: str) -> str:
    """The iframe document for a message's (already sanitized) HTML.

    Returned as a plain ``str``: the template escapes it into the ``srcdoc``
    attribute, so it can never close the attribute or the iframe.
    """
    return f"{SRCDOC_HEAD}{body_html}</body></html>"


class TicketIndexView(IndexView):
    """The queue: Wagtail's snippet listing, plus a ``?per_page=`` choice."""

    def get_paginate_by(self, queryset) -> int:
        try:
            asked = int(self.request.GET.get("per_page", ""))
        except ValueError:
            return self.paginate_by
        return asked if asked in PAGE_SIZES else self.paginate_by


class TicketView(InspectView):
    """One ticket: header, conversation, timeline, customer sidebar and the action forms."""

    page_title = _("Ticket")
    #: Set by the viewset; links the customer's other tickets.
    inspect_url_name = None
    #: URL names of the action views, filled in by the viewset.
    action_url_names: dict[str, str] = {}

    def get_object(self, queryset=None) -> Ticket:
        visible = Ticket.objects.visible_to(self.request.user).select_related(
            "customer", "queue", "assignee", "merged_into"
        )
        try:
            return get_object_or_404(visible, pk=int(self.pk))
        except ValueError:
            raise Http404 from None

    def get_fields(self) -> list[str]:
        # The template lays the ticket out itself; Wagtail's generic field list is not used.
        return []

    def get_fields_context(self) -> list:
        return []

    def get_page_subtitle(self) -> str:
        return self.object.reference or ""

    @cached_property
    def messages(self) -> list[Message]:
        messages = list(
            self.object.messages.select_related("author_user", "author_customer")
            .prefetch_related("attachments", "deliveries")
            .order_by("created_at", "pk")
        )
        for message in messages:
            message.srcdoc = srcdoc(message.body_html) if message.body_html else ""
            message.author = (
                get_user_display_name(message.author_user)
                if message.author_user_id
                else str(message.author_customer or "")
            )
        return messages

    def get_action_urls(self) -> dict[str, str]:
        return {name: reverse(url_name, args=(self.object.pk,)) for name, url_name in self.action_url_names.items()}

    def _draft(self, action: str) -> dict[str, str]:
        # Text of a reply or note the last POST could not save (see actions.TicketActionView).
        body = self.request.session.pop(f"helpdesk_draft_{self.object.pk}_{action}", "")
        return {"body": body} if body else {}

    def get_action_forms(self) -> dict[str, Any]:
        ticket = self.object
        return {
            "reply": forms.ReplyForm(initial=self._draft("reply"), prefix="reply"),
            "note": forms.NoteForm(initial=self._draft("note"), prefix="note"),
            "status": forms.StatusForm(initial={"status": ticket.status}, prefix="status"),
            "priority": forms.PriorityForm(initial={"priority": ticket.priority}, prefix="priority"),
            "assign": forms.AssignForm(ticket=ticket, initial={"assignee": ticket.assignee_id}, prefix="assign"),
            "transfer": forms.TransferForm(prefix="transfer"),
            "merge": forms.MergeForm(visible=Ticket.objects.none(), prefix="merge"),
        }

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        ticket = self.object
        events = ticket.events.select_related("actor_user", "actor_customer").order_by("created_at", "pk")
        other_tickets = (
            Ticket.objects.visible_to(self.request.user)
            .filter(customer_id=ticket.customer_id)
            .exclude(pk=ticket.pk)
            .order_by("-last_activity_at")[:OTHER_TICKETS_SHOWN]
        )
        context.update(
            ticket=ticket,
            assignee_name=agent_name(ticket),
            channel_label=channel_label(ticket),
            conversation=self.messages,
            timeline=timeline(list(events)),
            other_tickets=other_tickets,
            customer_panels=customer_context_panels(ticket.customer, ticket, self.request),
            action_urls=self.get_action_urls(),
            action_forms=self.get_action_forms(),
            inspect_url_name=self.inspect_url_name,
        )
        return context
