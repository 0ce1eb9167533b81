from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import encryption
from ..exceptions import UndecryptableSecret
from .queues import Queue

#: Room for the Fernet token of a 255-character password of 4-byte UTF-8 characters
#: (1,020 bytes: 1,444 characters of token), with some to spare.
TOKEN_MAX_LENGTH = 2000


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
    # The poller must present the password to the server, so a one-way hash cannot work: it is
    # encrypted (wagtail_helpdesk.encryption) and only ever read through ``password``.
    password_encrypted = models.CharField(
        _("password (encrypted)"), max_length=TOKEN_MAX_LENGTH, blank=True, default="", editable=False
    )
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

    def save(self, *args, **kwargs) -> None:
        # Whatever key encrypted the password, it is stored under the current one from now on,
        # so a key can leave SECRET_KEY_FALLBACKS once every mailbox has been saved again.
        try:
            self.password_encrypted = encryption.rotate(self.password_encrypted)
        except UndecryptableSecret:
            pass  # kept as it is; the poll says to enter it again
        super().save(*args, **kwargs)

    @property
    def password(self) -> str:
        """The password in clear, decrypted on each read; ``""`` when none is set.

        Raises :class:`~wagtail_helpdesk.exceptions.UndecryptableSecret` when
        it was encrypted with a key no longer configured: the manager must
        enter it again.
        """
        return encryption.decrypt(self.password_encrypted)

    @password.setter
    def password(self, value: str) -> None:
        self.password_encrypted = encryption.encrypt(value or "")
