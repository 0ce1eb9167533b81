import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.db.models import Q
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

from .customers import Customer
from .tickets import Ticket


class Message(models.Model):
    """One entry in a ticket's conversation: the customer's message, an agent's reply or an internal note."""

    class Kind(models.TextChoices):
        INBOUND = "inbound", _("Customer message")
        REPLY = "reply", _("Reply")
        NOTE = "note", _("Internal note")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=32)
    #: The channel's id of this message; unique per channel when set.
    external_id = models.CharField(_("external id"), max_length=255, blank=True)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body_text = models.TextField(_("text"), blank=True)
    #: Sanitized by ``wagtail_helpdesk.sanitize`` before it is stored.
    body_html = models.TextField(_("HTML"), blank=True)
    time_spent = models.DurationField(_("time spent"), null=True, blank=True)
    inbound_record = models.ForeignKey(
        "InboundRecord", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["ticket", "created_at"], name="helpdesk_msg_ticket")]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "external_id"], condition=~Q(external_id=""), name="helpdesk_msg_unique_external"
            )
        ]

    def __str__(self) -> str:
        return _("%(kind)s on ticket %(ticket)s") % {"kind": self.get_kind_display(), "ticket": self.ticket_id}

    @property
    def is_public(self) -> bool:
        return self.kind != self.Kind.NOTE


class _AttachmentStorage(LazyObject):
    """The storage for attachments: never public media.

    ``WAGTAIL_HELPDESK_ATTACHMENT_STORAGE`` names a ``STORAGES`` alias (e.g. a
    private S3 bucket); otherwise files go to ``PRIVATE_MEDIA_ROOT`` (default:
    ``<BASE_DIR or cwd>/private``) with no public base URL.
    """

    def _setup(self) -> None:
        from ..conf import helpdesk_settings

        alias = helpdesk_settings.ATTACHMENT_STORAGE
        if alias:
            self._wrapped = storages[alias]
            return
        root = helpdesk_settings.PRIVATE_MEDIA_ROOT or str(getattr(settings, "BASE_DIR", ".")).rstrip("/") + "/private"
        self._wrapped = FileSystemStorage(location=root, base_url=None)


attachment_storage: Storage = _AttachmentStorage()


def _get_attachment_storage() -> Storage:
    return attachment_storage


def attachment_upload_to(instance: "Attachment", filename: str) -> str:
    # The stored name is random: the customer's file name is kept in a field
    # and never used as a path.
    return f"helpdesk/attachments/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A file on a message, served only through the permission-checked download view."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_upload_to, storage=_get_attachment_storage, max_length=255)
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("checksum"), max_length=64)
    #: The MIME Content-ID of an inline image, without angle brackets: the
    #: message's HTML refers to it as ``cid:<content_id>``.
    content_id = models.CharField(_("content ID"), max_length=255, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class InboundRecord(models.Model):
    """The raw inbound message, stored before processing so nothing is lost.

    One row per ``(channel, external_id)``: a re-delivery finds the row and is
    answered with what the first delivery produced.
    """

    # High-volume data, not content: keep it out of Wagtail's reference index,
    # which would otherwise add three queries to every save.
    wagtail_reference_index_ignore = True

    class State(models.TextChoices):
        RECEIVED = "received", _("Received")
        PROCESSED = "processed", _("Processed")
        REJECTED = "rejected", _("Rejected")
        FAILED = "failed", _("Failed")
        #: Kept out of every ticket until a manager decides (see ``services.quarantine``).
        HELD = "held", _("Held for review")

    channel = models.CharField(_("channel"), max_length=32)
    external_id = models.CharField(_("external id"), max_length=255)
    payload = models.JSONField(_("payload"))
    #: The message exactly as it arrived (RFC 822 bytes for email), so a manager
    #: can read and retry what failed, and an agent can see the untrimmed original.
    raw = models.BinaryField(_("raw message"), null=True, blank=True, editable=False)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.RECEIVED)
    error = models.TextField(_("error"), blank=True)
    ticket = models.ForeignKey(
        Ticket, verbose_name=_("ticket"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)

    class Meta:
        verbose_name = _("inbound message")
        verbose_name_plural = _("inbound messages")
        constraints = [models.UniqueConstraint(fields=["channel", "external_id"], name="helpdesk_inbound_unique")]
        indexes = [models.Index(fields=["state", "received_at"], name="helpdesk_inbound_state")]

    def __str__(self) -> str:
        return f"{self.channel}:{self.external_id} ({self.state})"
