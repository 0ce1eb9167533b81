"""The ticket queue listing and the agent's ticket view.

Both are Wagtail's generic snippet views with one or two methods replaced;
:class:`~wagtail_helpdesk.admin.viewsets.TicketViewSet` declares the rest.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin.utils import quote
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name
from wagtail.snippets.views.snippets import IndexView, InspectView

from ..conf import helpdesk_settings
from ..models import EventKind, Message, Queue, Ticket
from ..sanitize import clean_html
from ..services import agent_notifications, attachments, canned_responses, presence, workflow
from ..services.channels import get_channels
from . import forms
from .actions import unseen_session_key
from .collision import presence_sentence
from .pagination import QueuePaginator
from .panels import customer_context_panels
from .permissions import agents
from .timeline import TimelineEntry, timeline

#: Events that only mirror a message of the conversation; the message itself is shown.
MESSAGE_EVENTS = {EventKind.MESSAGE, EventKind.REPLY, EventKind.NOTE}

#: Page sizes an agent may ask for with ``?per_page=``.
PAGE_SIZES = (10, 20, 50, 100)

#: How many of the customer's other tickets the sidebar lists.
OTHER_TICKETS_SHOWN = 10

#: Put in front of mail HTML shown in the sandboxed iframe: no scripts run
#: (the sandbox), nothing is fetched (no tracking pixels, no remote CSS) but the
#: message's own inline images, and links open outside the admin.
SRCDOC_HEAD = (
    '<!DOCTYPE html><html><head><meta charset="utf-8">'
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:{images}\">"
    '<base target="_blank"></head><body>'
)


def agent_name(ticket: Ticket) -> str:
    """The assignee's display name, or nothing."""
    return get_user_display_name(ticket.assignee) if ticket.assignee_id else ""


def channel_label(ticket: Ticket) -> str:
    channel = get_channels().get(ticket.channel)
    return (channel.label if channel else "") or ticket.channel


def srcdoc(body_html: str, inline_images: dict[str, str] | None = None) -> str:
    """The iframe document for a message's (already sanitized) HTML.

    ``inline_images`` maps the Content-IDs of the message's own image
    attachments to their absolute, signed download URLs
    (:func:`~wagtail_helpdesk.services.attachments.inline_image_urls`):
    ``<img src="cid:…">`` shows the attachment
    (the Content-Security-Policy allows exactly those URLs), any other
    ``cid:`` image loses its source.  The stored HTML is not changed.

    Returned as a plain ``str``: the template escapes it into the ``srcdoc``
    attribute, so it can never close the attribute or the iframe.
    """
    images = ""
    if inline_images is not None and "cid:" in body_html.lower():
        body_html = clean_html(body_html, cid_urls=inline_images)
        # A CSP source is a URL without its query: the signature stays out of it.
        images = "".join(f" {url}" for url in sorted({url.partition("?")[0] for url in inline_images.values()}))
    return SRCDOC_HEAD.format(images=images) + f"{body_html}</body></html>"


class TicketIndexView(IndexView):
    """The queue: Wagtail's snippet listing, plus a ``?per_page=`` choice."""

    def get_list_more_buttons(self, instance: Ticket) -> list:
        """None: the reference already opens the ticket, and "Inspect", the menu's only item (tickets
        have no edit, copy or delete form), cost a dropdown per row, a third of the page's render."""
        return []

    #: Stands for the ticket's pk in :attr:`inspect_url_pattern`.
    PK_PLACEHOLDER = "98765432123456789"

    @cached_property
    def inspect_url_pattern(self) -> str | None:
        """The ticket view's URL with a placeholder for the pk, or ``None`` if the user may not open tickets.

        Wagtail's ``get_inspect_url`` checks the permission and reverses the URL
        for every row; both are the same for every ticket of the page.
        """
        if not self.inspect_url_name or not self.user_has_any_permission({"add", "change", "delete", "view"}):
            return None
        return reverse(self.inspect_url_name, args=(self.PK_PLACEHOLDER,))

    def get_inspect_url(self, instance: Ticket) -> str | None:
        pattern = self.inspect_url_pattern
        return pattern.replace(self.PK_PLACEHOLDER, quote(str(instance.pk))) if pattern else None

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs) -> QueuePaginator:
        return QueuePaginator(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            count_limit=helpdesk_settings.QUEUE_COUNT_LIMIT,
            page_number=self.request.GET.get(self.page_kwarg),
            **kwargs,
        )

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

    #: URL names of the presence and canned-response endpoints (``admin.urls``).
    presence_url_name = "wagtail_helpdesk_ticket_presence"
    canned_url_name = "wagtail_helpdesk_ticket_canned"

    def get_object(self, queryset=None) -> Ticket:
        visible = Ticket.objects.visible_to(self.request.user).select_related(
            "customer", "queue", "assignee", "merged_into"
        )
        try:
            return get_object_or_404(visible, pk=int(self.pk))
        except ValueError:
            raise Http404 from None

    def get(self, request, *args, **kwargs):
        # Opening a new ticket makes it yours (WAGTAIL_HELPDESK_AUTO_CLAIM_ON_OPEN).
        self.object = workflow.claim_on_open(self.object, by=request.user)
        return super().get(request, *args, **kwargs)

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
            message.srcdoc = srcdoc(message.body_html, self.inline_images(message)) if message.body_html else ""
            message.author = (
                get_user_display_name(message.author_user)
                if message.author_user_id
                else str(message.author_customer or "")
            )
        return messages

    def inline_images(self, message: Message) -> dict[str, str]:
        """Content-ID → absolute signed URL of the message's own inline images (already prefetched)."""
        return {
            content_id: self.request.build_absolute_uri(url)
            for content_id, url in attachments.inline_image_urls(message).items()
        }

    def get_action_urls(self) -> dict[str, str]:
        return {name: reverse(url_name, args=(self.object.pk,)) for name, url_name in self.action_url_names.items()}

    def _draft(self, action: str) -> dict[str, str]:
        # Text of a reply or note the last POST could not save (see actions.TicketActionView).
        body = self.request.session.pop(f"helpdesk_draft_{self.object.pk}_{action}", "")
        return {"body": body} if body else {}

    @cached_property
    def last_message_id(self) -> int:
        return max((message.pk for message in self.messages), default=0)

    @cached_property
    def queues(self) -> list[Queue]:
        """Every queue, once: the transfer form's choices and the timeline's queue names."""
        return list(Queue.objects.order_by("name"))

    @cached_property
    def agents(self) -> list:
        """Every agent, once, marked ``in_queue`` if they work the ticket's queue (assign and transfer forms)."""
        people = agents()
        if self.object.queue_id is not None:
            works_queue = Queue.groups.through.objects.filter(queue_id=self.object.queue_id, group__user=OuterRef("pk"))
            people = people.annotate(in_queue=Exists(works_queue))
        people = list(people.order_by("first_name", "username"))
        for person in people:
            person.in_queue = getattr(person, "in_queue", True)
        return people

    def get_action_forms(self) -> dict[str, Any]:
        action_forms = self._build_action_forms()
        # Choices from the lists loaded once above, instead of one query per form field.
        named = [(person.pk, get_user_display_name(person)) for person in self.agents]
        in_queue = [(person.pk, get_user_display_name(person)) for person in self.agents if person.in_queue]
        action_forms["assign"].fields["assignee"].choices = [("", _("Nobody")), *in_queue]
        action_forms["transfer"].fields["assignee"].choices = [("", "---------"), *named]
        action_forms["transfer"].fields["queue"].choices = [("", "---------"), *((q.pk, q.name) for q in self.queues)]
        return action_forms

    def _build_action_forms(self) -> dict[str, Any]:
        ticket = self.object
        return {
            "reply": forms.ReplyForm(
                initial={**self._draft("reply"), "last_seen_message": self.last_message_id}, prefix="reply"
            ),
            "note": forms.NoteForm(initial=self._draft("note"), prefix="note"),
            "status": forms.StatusForm(initial={"status": ticket.status}, prefix="status"),
            "priority": forms.PriorityForm(initial={"priority": ticket.priority}, prefix="priority"),
            "assign": forms.AssignForm(ticket=ticket, initial={"assignee": ticket.assignee_id}, prefix="assign"),
            "transfer": forms.TransferForm(prefix="transfer"),
            "tags": forms.TagsForm(initial={"tags": ", ".join(tag.name for tag in ticket.tags.all())}, prefix="tags"),
            "merge": forms.MergeForm(visible=Ticket.objects.none(), prefix="merge"),
        }

    def get_conversation(self, events: list) -> list[Message | TimelineEntry]:
        """Messages and the timeline's events in one chronological list."""
        unseen = set(self.request.session.pop(unseen_session_key(self.object.pk), []) or [])
        for message in self.messages:
            message.is_unseen = message.pk in unseen
        queue_names = {queue.pk: queue.name for queue in self.queues}
        agent_names = {person.pk: get_user_display_name(person) for person in self.agents}
        entries = [entry for entry in timeline(events, queue_names, agent_names) if entry.kind not in MESSAGE_EVENTS]
        items: list = [*self.messages, *entries]
        items.sort(key=lambda item: item.created_at)
        return items

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        ticket = self.object
        user = self.request.user
        events = ticket.events.select_related("actor_user", "actor_customer").order_by("created_at", "pk")
        agent_notifications.mark_read(user, ticket=ticket)
        presence.touch(ticket.pk, user)
        others = presence.others(ticket.pk, user)
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
            conversation=self.get_conversation(list(events)),
            last_message_id=self.last_message_id,
            presence_message=presence_sentence(others),
            presence_url=reverse(self.presence_url_name, args=(ticket.pk,)),
            canned_responses=[
                (canned, reverse(self.canned_url_name, args=(ticket.pk, canned.pk)))
                for canned in canned_responses.available_for(ticket)
            ],
            other_tickets=other_tickets,
            customer_panels=customer_context_panels(ticket.customer, ticket, self.request),
            action_urls=self.get_action_urls(),
            action_forms=self.get_action_forms(),
            inspect_url_name=self.inspect_url_name,
        )
        return context
