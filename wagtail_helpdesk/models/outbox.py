from django.db import models
from django.utils.translation import gettext_lazy as _

from .messages import Message
from .tickets import Ticket


class OutboundMessage(models.Model):
    """A message waiting for, or past, delivery through a channel.

    Services write a row inside their transaction; the ``deliver_outbox_message``
    task sends it after commit, with retries.  A failed delivery never loses the
    text: the row stays, with its error, until it is sent or given up.
    """

    # High-volume data, not content: keep it out of Wagtail's reference index,
    # which would otherwise add three queries to every save.
    wagtail_reference_index_ignore = True

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        REPLY = "reply", _("Agent reply")
        AUTO_REPLY = "auto_reply", _("Automatic reply")
        NOTIFICATION = "notification", _("Notification")
        #: Mail to an agent (services.agent_notifications), not to a customer.
        AGENT_NOTIFICATION = "agent_notice", _("Agent notification")

    ticket = models.ForeignKey(
        Ticket, verbose_name=_("ticket"), null=True, blank=True, on_delete=models.CASCADE, related_name="outbound"
    )
    message = models.ForeignKey(
        Message, verbose_name=_("message"), null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=32)
    recipient = models.CharField(_("recipient"), max_length=255)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    in_reply_to = models.JSONField(_("in reply to"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    #: The id the channel gave the delivered message (a Message-ID for mail); replies are matched by it.
    external_id = models.CharField(_("external id"), max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbound message")
        verbose_name_plural = _("outbound messages")
        indexes = [models.Index(fields=["state", "next_attempt_at"], name="helpdesk_outbox_due")]

    def __str__(self) -> str:
        return _("%(kind)s to %(recipient)s (%(state)s)") % {
            "kind": self.get_kind_display(),
            "recipient": self.recipient,
            "state": self.get_state_display(),
        }
