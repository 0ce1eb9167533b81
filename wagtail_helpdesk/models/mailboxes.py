from django.db import models
from django.utils.translation import gettext_lazy as _

from .queues import Queue


class Mailbox(models.Model):
    """A real mailbox the helpdesk polls: its new mail becomes tickets in :attr:`queue`.

    Polling is for shops that cannot pipe mail from their MTA into
    ``helpdesk_receive_email``: the mail server keeps the message until intake
    has committed it, so a crash mid-poll loses nothing.
    """

    class Protocol(models.TextChoices):
        IMAP = "imap", "IMAP"
        POP3 = "pop3", "POP3"

    class Security(models.TextChoices):
        SSL = "ssl", _("TLS from the start (IMAPS 993, POP3S 995)")
        STARTTLS = "starttls", _("STARTTLS (IMAP 143, POP3 110)")
        NONE = "none", _("None: plain text (only on a trusted network)")

    name = models.CharField(_("name"), max_length=100)
    queue = models.ForeignKey(
        Queue,
        verbose_name=_("queue"),
        on_delete=models.PROTECT,
        related_name="mailboxes",
        help_text=_("New tickets from this mailbox land in this queue."),
    )
    protocol = models.CharField(_("protocol"), max_length=8, choices=Protocol.choices, default=Protocol.IMAP)
    host = models.CharField(_("server"), max_length=255)
    port = models.PositiveIntegerField(_("port"), default=993)
    security = models.CharField(_("connection security"), max_length=16, choices=Security.choices, default=Security.SSL)
    username = models.CharField(_("user name"), max_length=255)
    # Stored as given: the poller must present it to the server, so a one-way hash cannot work.
    password = models.CharField(_("password"), max_length=255, blank=True)
    email = models.EmailField(
        _("address"),
        blank=True,
        help_text=_("The address this mailbox receives; mail from it is never acknowledged (no mail loops)."),
    )
    folder = models.CharField(_("folder"), max_length=255, default="INBOX", help_text=_("IMAP only."))
    is_active = models.BooleanField(_("active"), default=True)
    last_polled_at = models.DateTimeField(_("last poll"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)

    class Meta:
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
