"""The mailbox configuration screen: servers the helpdesk polls for new mail."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Mailbox
from ..services import mailboxes


class MailboxForm(WagtailAdminModelForm):
    """The password is never sent back to the browser; leaving it empty keeps the stored one.

    It is not a model field: the form sets :attr:`Mailbox.password`, which
    encrypts it, and never decrypts the stored one.
    """

    password = forms.CharField(
        label=_("password"),
        required=False,
        strip=False,
        max_length=255,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Leave empty to keep the current password."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not mailboxes.password_readable(self.instance):
            field = self.fields["password"]
            field.required = True
            field.help_text = mailboxes.UNREADABLE_PASSWORD

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.cleaned_data.get("password"):
            self.instance.password = self.cleaned_data["password"]


class MailboxViewSet(ModelViewSet):
    """Mailboxes are configuration: Django's model permissions decide who edits them."""

    model = Mailbox
    icon = "mail"
    menu_label = _("Mailboxes")
    url_prefix = "helpdesk/mailboxes"
    url_namespace = "wagtail_helpdesk_mailboxes"
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "name",
        Column("queue", label=_("Queue"), accessor="queue.name", sort_key="queue__name"),
        "username",
        "host",
        "is_active",
        DateColumn("last_polled_at", label=_("Last poll"), sort_key="last_polled_at"),
        Column("last_error", label=_("Last error")),
    ]
    search_fields = ["name", "username", "host", "email"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("queue"),
            FieldPanel("email"),
            FieldPanel("protocol"),
            FieldPanel("host"),
            FieldPanel("port"),
            FieldPanel("security"),
            FieldPanel("username"),
            FieldPanel("password"),
            FieldPanel("folder"),
            FieldPanel("is_active"),
        ],
        base_form_class=MailboxForm,
    )
