"""Credentials and outgoing calls of the REST API: channel tokens and webhooks."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from .events import EventKind

#: The event kinds a new webhook endpoint subscribes to unless told otherwise.
DEFAULT_WEBHOOK_EVENTS = [
    EventKind.CREATED,
    EventKind.REPLY,
    EventKind.STATUS,
    EventKind.ASSIGNED,
    EventKind.SLA_BREACHED,
]


def new_signing_secret() -> str:
    """A fresh random secret for HMAC signatures (webhooks, gateway callbacks)."""
    return secrets.token_hex(32)


class ChannelTokenQuerySet(models.QuerySet):
    def active(self) -> ChannelTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class ChannelToken(models.Model):
    """A credential an admin issues to one external adapter (chat widget, phone system, bot).

    Only a SHA-256 hash of the secret is stored: the full token is shown once,
    when it is issued (``services.gateway.issue_token``).  The token opens the
    channel gateway and nothing else.
    """

    channel = models.CharField(_("channel"), max_length=32, help_text=_("Code of a registered channel, e.g. “api”."))
    name = models.CharField(_("name"), max_length=100, help_text=_("Who uses it, e.g. “Chat widget on shop.example”."))
    #: Public part of the token, used to find the row; the secret follows it.
    key = models.CharField(_("key"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(_("secret hash"), max_length=64, editable=False)
    callback_url = models.URLField(
        _("callback URL"),
        blank=True,
        help_text=_("Agent replies on this channel are POSTed here, signed like webhooks. Leave empty for one-way."),
    )
    #: Signs callbacks; the adapter gets it with the token.
    signing_secret = models.CharField(_("signing secret"), max_length=64, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)

    objects = ChannelTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel token")
        verbose_name_plural = _("channel tokens")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["channel", "revoked_at"], name="helpdesk_token_channel")]

    def __str__(self) -> str:
        return f"{self.name} ({self.channel})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class WebhookEndpoint(models.Model):
    """A URL an admin registered to hear about ticket events, signed with its own secret."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    events = models.JSONField(
        _("events"), default=list, blank=True, help_text=_("Event kinds to send; empty means every event.")
    )
    secret = models.CharField(_("signing secret"), max_length=64, default=new_signing_secret, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def wants(self, kind: str) -> bool:
        return not self.events or kind in self.events


class WebhookDelivery(models.Model):
    """One event sent (or to be sent) to one endpoint: the history admins read."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENT = "sent", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint, verbose_name=_("endpoint"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event_id = models.PositiveBigIntegerField(_("event id"))
    kind = models.CharField(_("event"), max_length=24)
    ticket_reference = models.CharField(_("ticket"), max_length=32, blank=True)
    payload = models.JSONField(_("payload"))
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["endpoint", "event_id"], name="helpdesk_webhook_once_per_event")]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="helpdesk_webhook_due"),
            models.Index(fields=["endpoint", "-created_at"], name="helpdesk_webhook_endpoint"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.endpoint_id} ({self.state})"
