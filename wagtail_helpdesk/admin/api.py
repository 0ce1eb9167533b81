"""Admin screens of the API: channel tokens (issue, revoke), webhook endpoints and their delivery history."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import ChannelToken, EventKind, WebhookDelivery, WebhookEndpoint
from ..services import gateway
from .permissions import webhook_delivery_permission_policy


class ChannelTokenForm(WagtailAdminModelForm):
    """The channel is chosen once, on creation; "revoke" ends the token for good."""

    channel = forms.ChoiceField(label=gettext_lazy("channel"), choices=())
    revoke = forms.BooleanField(
        label=gettext_lazy("revoke"), required=False, help_text=gettext_lazy("The adapter is refused from now on.")
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = [
            (code, f"{channel.label} ({code})") for code, channel in gateway.gateway_channels().items()
        ]
        if self.instance.pk:
            self.fields["channel"].disabled = True
            if not self.instance.is_active:
                self.fields["revoke"].disabled = True
                self.fields["revoke"].initial = True
        else:
            del self.fields["revoke"]


class ChannelTokenCreateView(generic.CreateView):
    def save_instance(self) -> ChannelToken:
        data = self.form.cleaned_data
        issued = gateway.issue_token(channel=data["channel"], name=data["name"], callback_url=data["callback_url"])
        # Shown once: only the hash is stored.
        messages.warning(
            self.request,
            _("Copy the token now, it is not shown again: %(token)s — callback signing secret: %(secret)s")
            % {"token": issued.plaintext, "secret": issued.token.signing_secret},
        )
        return issued.token


class ChannelTokenEditView(generic.EditView):
    def save_instance(self) -> ChannelToken:
        token = ChannelToken.objects.get(pk=self.object.pk)
        token.name = self.form.cleaned_data["name"]
        token.callback_url = self.form.cleaned_data["callback_url"]
        token.save(update_fields=["name", "callback_url"])
        if self.form.cleaned_data.get("revoke"):
            gateway.revoke_token(token)
        return token


class ChannelTokenViewSet(ModelViewSet):
    """Tokens external adapters use on the API's channel gateway."""

    model = ChannelToken
    icon = "key"
    menu_label = gettext_lazy("Channel tokens")
    url_prefix = "helpdesk/channel-tokens"
    url_namespace = "wagtail_helpdesk_channel_tokens"
    add_view_class = ChannelTokenCreateView
    edit_view_class = ChannelTokenEditView
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "name",
        "channel",
        Column("key", label=gettext_lazy("Key")),
        StatusTagColumn(
            "revoked_at",
            label=gettext_lazy("State"),
            accessor=lambda token: _("Active") if token.is_active else _("Revoked"),
            primary=lambda token: token.is_active,
        ),
        DateColumn("last_used_at", label=gettext_lazy("Last used"), sort_key="last_used_at"),
        DateColumn("created_at", label=gettext_lazy("Created"), sort_key="created_at"),
    ]
    search_fields = ["name", "channel", "key"]
    edit_handler = ObjectList(
        [FieldPanel("channel"), FieldPanel("name"), FieldPanel("callback_url"), FieldPanel("revoke")],
        base_form_class=ChannelTokenForm,
    )


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=gettext_lazy("events"),
        choices=EventKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Leave all unticked to receive every event."),
    )


class WebhookEndpointViewSet(ModelViewSet):
    """URLs told about ticket events; the signing secret is shown on the endpoint's page."""

    model = WebhookEndpoint
    icon = "link-external"
    menu_label = gettext_lazy("Webhooks")
    url_prefix = "helpdesk/webhooks"
    url_namespace = "wagtail_helpdesk_webhooks"
    copy_view_enabled = False
    add_to_reference_index = False
    inspect_view_enabled = True
    inspect_view_fields = ["name", "url", "events", "is_active", "secret", "created_at"]
    list_display = ["name", "url", "is_active", DateColumn("created_at", label=gettext_lazy("Created"))]
    search_fields = ["name", "url"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("url"), FieldPanel("events"), FieldPanel("is_active")],
        base_form_class=WebhookEndpointForm,
    )


class WebhookDeliveryIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("endpoint")


class WebhookDeliveryViewSet(ModelViewSet):
    """Every webhook sent or waiting: state, attempts, the receiver's last answer."""

    model = WebhookDelivery
    icon = "history"
    menu_label = gettext_lazy("Webhook deliveries")
    url_prefix = "helpdesk/webhook-deliveries"
    url_namespace = "wagtail_helpdesk_webhook_deliveries"
    #: Used by Wagtail 7.4; Wagtail 8 reads the policy ``wagtail_hooks`` registered.
    permission_policy = webhook_delivery_permission_policy
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    ordering = "-created_at"
    list_display = [
        Column("endpoint", label=gettext_lazy("Endpoint"), accessor="endpoint.name"),
        "kind",
        "ticket_reference",
        StatusTagColumn(
            "state", label=gettext_lazy("State"), accessor="get_state_display", primary=lambda row: row.state == "sent"
        ),
        "attempts",
        "response_status",
        DateColumn("created_at", label=gettext_lazy("Created"), sort_key="created_at"),
    ]
    list_filter = ["state", "kind", "endpoint"]
    search_fields = ["ticket_reference", "kind"]
    form_fields: list[str] = []

    index_view_class = WebhookDeliveryIndexView
