from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .customers import Customer
from .tickets import Ticket


class EventKind(models.TextChoices):
    CREATED = "created", _("Ticket opened")
    MESSAGE = "message", _("Customer wrote")
    REPLY = "reply", _("Agent replied")
    NOTE = "note", _("Internal note")
    STATUS = "status", _("Status changed")
    CLAIMED = "claimed", _("Claimed")
    ASSIGNED = "assigned", _("Assigned")
    TRANSFERRED = "transferred", _("Transferred")
    MERGED = "merged", _("Merged")
    ROUTED = "routed", _("Routed")
    PRIORITY = "priority", _("Priority changed")
    QUEUE = "queue", _("Queue changed")
    TAGS = "tags", _("Tags changed")
    LINKED = "linked", _("Linked")
    CUSTOM_FIELDS = "custom_fields", _("Fields changed")
    FOLLOWERS = "followers", _("Followers changed")
    SLA_WARNING = "sla_warning", _("SLA deadline at risk")
    SLA_BREACHED = "sla_breached", _("SLA deadline breached")
    AUTOMATION = "automation", _("Automation rule applied")


class TicketEvent(models.Model):
    """Append-only audit trail: every change to a ticket, who made it and its details."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=24, choices=EventKind.choices)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("ticket event")
        verbose_name_plural = _("ticket events")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["ticket", "created_at"], name="helpdesk_event_ticket")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.ticket_id})"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValueError("Ticket events are append-only.")
        super().save(*args, **kwargs)
