"""What an agent is told about: new tickets, customer replies, assignments, mentions, SLA alerts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .events import TicketEvent
from .tickets import Ticket


class AgentNotification(models.Model):
    """One thing one agent should look at; unread until ``read_at`` is set.

    Written by ``services.agent_notifications`` (after commit, from the
    ``agent_notifier`` plugin); the mail copy, if the agent wants one, is an
    outbox row of its own.
    """

    # High-volume data, not content: keep it out of Wagtail's reference index.
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        NEW_TICKET = "new_ticket", _("New ticket")
        CUSTOMER_REPLY = "customer_reply", _("Customer reply")
        ASSIGNED = "assigned", _("Assigned to you")
        MENTION = "mention", _("Mention")
        SLA_WARNING = "sla_warning", _("SLA deadline at risk")
        SLA_BREACHED = "sla_breached", _("SLA deadline breached")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="helpdesk_notifications",
    )
    ticket = models.ForeignKey(
        Ticket, verbose_name=_("ticket"), on_delete=models.CASCADE, related_name="agent_notifications"
    )
    #: The event it is about; an event notifies each agent at most once.
    event = models.ForeignKey(TicketEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.CharField(_("text"), max_length=400)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("agent notification")
        verbose_name_plural = _("agent notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="helpdesk_notif_unread"),
            models.Index(fields=["user", "-created_at"], name="helpdesk_notif_user"),
            models.Index(fields=["user", "ticket", "read_at"], name="helpdesk_notif_ticket"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event"], condition=models.Q(event__isnull=False), name="helpdesk_notif_once"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
