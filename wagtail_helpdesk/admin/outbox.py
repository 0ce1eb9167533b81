"""Read-only screens over the outbox and the raw inbound records, and the outbox's "send again"."""

from __future__ import annotations

from typing import Any

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import BaseOperationView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button

from ..models import OutboundMessage
from ..services import outbox


class OutboxIndexView(generic.IndexView):
    """The outbox listing, with "Send again" on failed rows."""

    #: Set by the viewset.
    retry_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("ticket")

    @cached_property
    def can_retry(self) -> bool:
        return self.user_has_permission("retry")

    def get_list_more_buttons(self, instance: OutboundMessage) -> list:
        buttons = super().get_list_more_buttons(instance)
        if self.can_retry and instance.state == OutboundMessage.State.FAILED:
            url = reverse(self.retry_url_name, args=(instance.pk,))
            buttons.append(MenuItem(_("Send again"), url=url, icon_name="resubmit", priority=5))
        return buttons


class OutboxInspectView(generic.InspectView):
    #: Set by the viewset.
    retry_url_name = None

    @cached_property
    def header_more_buttons(self) -> list:
        buttons = list(super().header_more_buttons)
        if self.object.state == OutboundMessage.State.FAILED and self.user_has_permission("retry"):
            url = reverse(self.retry_url_name, args=(self.object.pk,))
            buttons.append(Button(_("Send again"), url=url, icon_name="resubmit", priority=5))
        return buttons


class InboundIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("ticket")


class RetryOutboundView(PermissionCheckedMixin, WagtailAdminTemplateMixin, BaseOperationView):
    """Confirm (GET) and put a failed message back in line (POST) with ``services.outbox.retry_now``."""

    model = OutboundMessage
    permission_required = "retry"
    template_name = "wagtail_helpdesk/admin/outbound_retry.html"
    page_title = gettext_lazy("Send again")
    header_icon = "resubmit"
    index_url_name = None

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
            is_failed=self.object.state == OutboundMessage.State.FAILED,
            cancel_url=self.get_success_url(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.object.state != OutboundMessage.State.FAILED:
            messages.error(request, _("Only failed messages can be sent again."))
            return redirect(self.get_success_url())
        outbox.retry_now(self.object)
        messages.success(request, _("%(message)s will be sent again.") % {"message": self.object.subject})
        return redirect(self.get_success_url())
