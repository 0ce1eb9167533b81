"""Canned responses as a Wagtail snippet: managers edit them, agents insert them into replies.

Editing is guarded by Django's model permissions (``add/change/delete
cannedresponse``), which a site gives its helpdesk managers' group.  Agents
need none of them: the ticket view offers the responses of the ticket's queue
and :class:`~wagtail_helpdesk.admin.collision.CannedResponseView` renders one.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import CannedResponse
from ..services.templating import SAMPLE_CONTEXT, unknown_placeholders


class CannedResponseForm(WagtailAdminModelForm):
    """Refuses placeholders that cannot be filled, so an agent never inserts ``{{ custmer.name }}``."""

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        unknown = unknown_placeholders(body, SAMPLE_CONTEXT)
        if unknown:
            raise forms.ValidationError(
                gettext("Unknown placeholders: %(names)s.")
                % {"names": ", ".join(f"{{{{ {name} }}}}" for name in dict.fromkeys(unknown))}
            )
        return body


class CannedResponseViewSet(SnippetViewSet):
    """Listed by title; the queue column shows restricted ones."""

    model = CannedResponse
    icon = "openquote"
    menu_label = _("Canned responses")
    url_prefix = "helpdesk/canned-responses"
    list_display = ["title", "queue", "updated_at"]
    list_filter = ["queue"]
    ordering = ["title"]
    copy_view_enabled = True
    edit_handler = ObjectList(CannedResponse.panels, base_form_class=CannedResponseForm)
