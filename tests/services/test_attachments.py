import hashlib

import pytest

from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import Attachment, Message, Ticket
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.services.attachments import safe_filename
from wagtail_helpdesk.testing.factories import inbound_message
from wagtail_helpdesk.types import InboundAttachment

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
PDF = b"%PDF-1.7\n%fake but well-formed header\n"


def test_files_are_stored_privately_with_checksum_and_sniffed_type(settings):
    result = intake.receive(
        inbound_message(
            attachments=(
                InboundAttachment("photo.png", "application/octet-stream", PNG),
                InboundAttachment("../../etc/invoice.pdf", "application/pdf", PDF),
            )
        )
    )
    files = {a.filename: a for a in result.message.attachments.all()}
    assert set(files) == {"photo.png", "invoice.pdf"}
    assert files["photo.png"].content_type == "image/png"
    assert files["photo.png"].sha256 == hashlib.sha256(PNG).hexdigest()
    assert files["photo.png"].file.read() == PNG
    path = files["invoice.pdf"].file.path
    assert path.startswith(settings.WAGTAIL_HELPDESK_PRIVATE_MEDIA_ROOT)
    assert "etc" not in files["invoice.pdf"].file.name and "invoice" not in files["invoice.pdf"].file.name


@pytest.mark.parametrize(
    "attachment",
    [
        InboundAttachment("setup.exe", "application/octet-stream", b"MZ\x90\x00"),
        InboundAttachment("invoice.pdf", "application/pdf", b"MZ\x90\x00 really a program"),
        InboundAttachment("page.html", "text/html", b"<script>alert(1)</script>"),
        InboundAttachment("notes.txt", "text/plain", b"\x00\x01binary\xff\xfe"),
        InboundAttachment("photo.svg", "image/svg+xml", b"<svg onload=alert(1)>"),
    ],
)
def test_wrong_type_files_are_rejected_and_nothing_is_stored(attachment):
    with pytest.raises(InvalidInbound) as info:
        intake.receive(inbound_message(attachments=(attachment,)))
    assert safe_filename(attachment.filename) in info.value.errors["attachments"]
    assert not Ticket.objects.exists() and not Message.objects.exists() and not Attachment.objects.exists()


def test_oversized_file_is_rejected_with_the_limit_in_the_message(settings):
    settings.WAGTAIL_HELPDESK_MAX_ATTACHMENT_BYTES = 1024
    with pytest.raises(InvalidInbound) as info:
        intake.receive(inbound_message(attachments=(InboundAttachment("big.pdf", "application/pdf", PDF * 100),)))
    assert "1.0\xa0KB" in info.value.errors["attachments"]


def test_too_many_files_are_rejected(settings):
    settings.WAGTAIL_HELPDESK_MAX_ATTACHMENTS = 2
    files = tuple(InboundAttachment(f"{i}.png", "image/png", PNG) for i in range(3))
    with pytest.raises(InvalidInbound, match="At most 2"):
        intake.receive(inbound_message(attachments=files))


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("C:\\Users\\ann\\photo.png", "photo.png"),
        ("../../etc/passwd", "passwd"),
        ("<img src=x onerror=alert(1)>.png", "img src=x onerror=alert(1).png"),
        ("\x00\x1f", "attachment"),
        ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
    ],
)
def test_file_names_are_made_safe(raw, expected):
    assert safe_filename(raw) == expected
