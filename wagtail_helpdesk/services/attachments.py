"""Validating and storing attachments, whatever channel brought them.

The declared content type is never trusted: the bytes are sniffed and must
agree with an allowed type, so a program renamed ``invoice.pdf`` is refused.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Sequence

from django.core import signing
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..conf import helpdesk_settings
from ..exceptions import InvalidInbound
from ..models import Attachment, Message
from ..types import InboundAttachment

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
]
_ZIP_BASED = {
    "application/zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
}
_TEXT_TYPES = {"text/plain", "text/csv", "message/rfc822"}


def sniff(content: bytes, declared: str) -> str | None:
    """The content type the bytes really have, as far as we can tell, or None."""
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    for signature, content_type in _SIGNATURES:
        if content.startswith(signature):
            if content_type == "application/zip" and declared in _ZIP_BASED:
                return declared
            return content_type
    if declared in _TEXT_TYPES and b"\x00" not in content[:8192]:
        try:
            content[:65536].decode("utf-8")
        except UnicodeDecodeError:
            if declared != "message/rfc822":
                return None
        return declared
    return None


def safe_filename(name: str) -> str:
    """A display name with no path, control characters or markup, at most 200 characters."""
    name = unicodedata.normalize("NFC", os.path.basename((name or "").replace("\\", "/")))
    name = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", name).strip(" .")
    if len(name) > 200:
        stem, ext = os.path.splitext(name)
        name = stem[: 200 - len(ext[:20])] + ext[:20]
    return name or "attachment"


def content_id(value: str) -> str:
    """A Content-ID as stored: no angle brackets, no whitespace or control characters, at most 255 characters."""
    return re.sub(r"[\x00-\x20\x7f]", "", (value or "").strip().strip("<>"))[:255]


def validate(attachments: Sequence[InboundAttachment]) -> list[InboundAttachment]:
    """Check count, size and type; return the attachments with their sniffed types.

    Raises ``InvalidInbound`` with one message naming every rejected file.
    """
    if len(attachments) > helpdesk_settings.MAX_ATTACHMENTS:
        raise InvalidInbound(
            {
                "attachments": ngettext(
                    "At most %(count)d file can be attached.",
                    "At most %(count)d files can be attached.",
                    helpdesk_settings.MAX_ATTACHMENTS,
                )
                % {"count": helpdesk_settings.MAX_ATTACHMENTS}
            }
        )
    allowed = set(helpdesk_settings.ALLOWED_ATTACHMENT_TYPES)
    limit = helpdesk_settings.MAX_ATTACHMENT_BYTES
    problems: list[str] = []
    checked: list[InboundAttachment] = []
    for attachment in attachments:
        filename = safe_filename(attachment.filename)
        if len(attachment.content) > limit:
            problems.append(
                _("%(name)s is larger than %(limit)s.") % {"name": filename, "limit": filesizeformat(limit)}
            )
            continue
        real_type = sniff(attachment.content, (attachment.content_type or "").split(";")[0].strip().lower())
        if real_type is None or real_type not in allowed:
            problems.append(_("%(name)s is not a file type we accept.") % {"name": filename})
            continue
        checked.append(
            InboundAttachment(
                filename=filename,
                content_type=real_type,
                content=attachment.content,
                content_id=content_id(attachment.content_id),
            )
        )
    if problems:
        raise InvalidInbound({"attachments": " ".join(problems)})
    return checked


def store(message: Message, attachments: Sequence[InboundAttachment]) -> list[Attachment]:
    """Save validated files to the private storage and create their rows in one query."""
    if not attachments:
        return []
    rows = []
    for attachment in attachments:
        row = Attachment(
            message=message,
            filename=attachment.filename,
            content_type=attachment.content_type,
            size=len(attachment.content),
            sha256=hashlib.sha256(attachment.content).hexdigest(),
            content_id=content_id(attachment.content_id),
        )
        row.file.save(attachment.filename, ContentFile(attachment.content), save=False)
        rows.append(row)
    return Attachment.objects.bulk_create(rows)


#: Salt and lifetime of the signed URLs of inline images.
INLINE_SALT = "wagtail_helpdesk.inline_image"
INLINE_MAX_AGE = 3600


def inline_image_urls(message: Message) -> dict[str, str]:
    """Content-ID → download URL of the message's own inline images, for showing its HTML.

    Reads ``message.attachments.all()``, so a prefetched conversation costs no
    query.  Only images with a Content-ID count, and only attachments of this
    message: a ``cid:`` in one message can never show another message's file.

    The agent's view shows mail HTML in a sandboxed frame, whose requests carry
    no session cookie (the frame's origin is opaque, so ``SameSite`` cookies
    stay behind), so each URL carries a signature for that one attachment,
    valid for :data:`INLINE_MAX_AGE` seconds, which the download view accepts
    instead of the login.  It is only ever made for someone who may read the
    message.
    """
    signer = signing.TimestampSigner(salt=INLINE_SALT)
    return {
        attachment.content_id: reverse("wagtail_helpdesk:attachment", args=(attachment.pk,))
        + "?inline="
        + signer.sign(str(attachment.pk))
        for attachment in message.attachments.all()
        if attachment.content_id and attachment.content_type.startswith("image/")
    }


def inline_token_allows(token: str, attachment_pk: int) -> bool:
    """Is ``token`` an unexpired inline-image signature for attachment ``attachment_pk``?"""
    try:
        value = signing.TimestampSigner(salt=INLINE_SALT).unsign(token, max_age=INLINE_MAX_AGE)
    except signing.BadSignature:
        return False
    return value == str(attachment_pk)
