"""The quarantine: inbound messages that reached no ticket, with "retry" and "turn into a ticket".

Reading it takes the ``view`` permission on inbound messages, acting on it the
``change`` permission (the ``retry`` action of
:class:`~wagtail_helpdesk.admin.permissions.ReadOnlyModelPermissionPolicy`): a
manager's job, not every agent's.  The actions are
``services.quarantine.retry`` and ``services.quarantine.make_ticket``.

The viewset also serves an agent the untrimmed original of a mail on a ticket
they can work (``original/<message id>/``), linked from the ticket view.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from ..exceptions import HelpdeskError
from ..models import InboundRecord, Message
from ..services import permissions, quarantine
from .permissions import inbound_permission_policy

logger = logging.getLogger(__name__)


def _download(raw: bytes, name: str) -> HttpResponse:
    # Always a download, never rendered: the bytes are whatever a stranger sent.
    response = HttpResponse(raw, content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


class QuarantineIndexView(generic.IndexView):
    def get_base_queryset(self):
        return quarantine.listed()


class QuarantineInspectView(generic.InspectView):
    """The error, the raw message as (escaped) text, and the manager's actions."""

    #: Set by the viewset.
    action_url_names: dict[str, str] = {}

    def get_object(self, queryset=None):
        return get_object_or_404(quarantine.listed(), pk=self.pk)

    def get_fields(self) -> list[str]:
        return ["channel", "external_id", "state", "error", "ticket", "received_at"]

    @cached_property
    def header_more_buttons(self) -> list:
        buttons = list(super().header_more_buttons)
        if self.user_has_permission("retry"):
            buttons += [
                Button(_("Retry"), url=self._url("retry"), icon_name="resubmit", priority=5),
                Button(_("Turn into a ticket"), url=self._url("make_ticket"), icon_name="tasks", priority=6),
            ]
        return buttons

    def _url(self, action: str) -> str:
        return reverse(self.action_url_names[action], args=(self.object.pk,))

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            raw_preview=quarantine.preview(self.object),
            download_url=self._url("download") if self.object.raw is not None else "",
        )
        return context


class QuarantineActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, BaseOperationView):
    """Confirm (GET), then run one service action (POST); errors are shown, nothing is lost."""

    model = InboundRecord
    permission_required = "retry"
    template_name = "wagtail_helpdesk/admin/quarantine_confirm.html"
    header_icon = "resubmit"
    index_url_name = None
    question = ""
    submit_label = ""

    def get_object(self):
        return get_object_or_404(quarantine.listed(), pk=self.kwargs["pk"])

    def get_page_subtitle(self) -> str:
        return str(self.object)

    def get_success_url(self) -> str:
        return reverse(self.index_url_name)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            question=self.question,
            submit_label=self.submit_label,
            cancel_url=self.get_success_url(),
        )
        return context

    def act(self, record: InboundRecord):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        try:
            result = self.act(self.object)
        except HelpdeskError as exc:
            messages.error(request, _("The message stays in quarantine: %(error)s") % {"error": exc})
            return redirect(self.get_success_url())
        except Exception as exc:  # a plugin or the database failed again; the service kept the record
            logger.exception("Quarantine action on inbound record %s failed", self.object.pk)
            messages.error(request, _("The message stays in quarantine: %(error)s") % {"error": exc})
            return redirect(self.get_success_url())
        ticket = getattr(result, "ticket", None)
        if getattr(result, "held", False):
            messages.warning(request, _("The message is held again: its sender still has no right to the ticket."))
        elif ticket is not None:
            messages.success(request, _("The message is now on ticket %(ref)s.") % {"ref": ticket.reference})
        else:
            messages.success(request, _("The message was processed."))
        return redirect(self.get_success_url())


class RetryView(QuarantineActionView):
    page_title = gettext_lazy("Retry")
    question = gettext_lazy("Run this message through its channel and intake again?")
    submit_label = gettext_lazy("Yes, retry")

    def act(self, record):
        return quarantine.retry(record)


class MakeTicketView(QuarantineActionView):
    page_title = gettext_lazy("Turn into a ticket")
    header_icon = "tasks"
    question = gettext_lazy("Open a new ticket from this message, whatever ticket it points at?")
    submit_label = gettext_lazy("Yes, open a ticket")

    def act(self, record):
        return quarantine.make_ticket(record)


class DownloadRawView(PermissionCheckedMixin, View):
    """The quarantined message exactly as it arrived."""

    permission_policy = inbound_permission_policy
    permission_required = "view"

    def get(self, request, pk: int):
        record = get_object_or_404(quarantine.listed(), pk=pk)
        if record.raw is None:
            raise Http404
        return _download(bytes(record.raw), f"inbound-{record.pk}.eml")


class OriginalMailView(View):
    """The untrimmed original of a message on a ticket, for an agent who may work that ticket."""

    def get(self, request, pk: int):
        message = get_object_or_404(Message.objects.select_related("ticket", "inbound_record"), pk=pk)
        if not permissions.can_work(request.user, message.ticket):
            raise PermissionDenied
        if message.inbound_record is None or message.inbound_record.raw is None:
            raise Http404
        return _download(bytes(message.inbound_record.raw), f"{message.ticket.reference}-{message.pk}.eml")


class QuarantineViewSet(ModelViewSet):
    """Failed, rejected and held inbound messages (see :mod:`wagtail_helpdesk.services.quarantine`)."""

    model = InboundRecord
    icon = "warning"
    menu_label = gettext_lazy("Quarantine")
    url_prefix = "helpdesk/quarantine"
    url_namespace = "wagtail_helpdesk_quarantine"
    #: Used by Wagtail 7.4; Wagtail 8 reads the policy ``wagtail_hooks`` registered (the same object).
    permission_policy = inbound_permission_policy
    index_view_class = QuarantineIndexView
    inspect_view_class = QuarantineInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    ordering = "-received_at"
    list_display = [
        "external_id",
        "channel",
        StatusTagColumn("state", label=gettext_lazy("State"), accessor="get_state_display", primary=False),
        Column("error", label=gettext_lazy("Reason")),
        Column("ticket", label=gettext_lazy("Ticket"), accessor="ticket.reference"),
        DateColumn("received_at", label=gettext_lazy("Received"), sort_key="received_at"),
    ]
    list_filter = ["state", "channel"]
    search_fields = ["external_id", "error"]
    form_fields = []

    #: Action name → view class; each is mounted at ``<name>/<pk>/``.
    action_views = {"retry": RetryView, "make_ticket": MakeTicketView}

    inspect_template_name = "wagtail_helpdesk/admin/quarantine_inspect.html"

    def get_inspect_view_kwargs(self, **kwargs):
        names = {name: self.get_url_name(name) for name in (*self.action_views, "download")}
        return super().get_inspect_view_kwargs(action_url_names=names, **kwargs)

    def get_urlpatterns(self):
        actions = [
            path(
                f"{name}/<int:pk>/",
                self.construct_view(view_class, index_url_name=self.get_url_name("index")),
                name=name,
            )
            for name, view_class in self.action_views.items()
        ]
        return [
            *super().get_urlpatterns(),
            *actions,
            path("download/<int:pk>/", DownloadRawView.as_view(), name="download"),
            path("original/<int:pk>/", OriginalMailView.as_view(), name="original"),
        ]
