"""Inline images (``<img src="cid:…">``) in the agent's ticket view point at the message's own attachment."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from django.urls import reverse

from wagtail_helpdesk.models import Attachment, Message, Ticket
from wagtail_helpdesk.services import attachments, intake, mailboxes
from wagtail_helpdesk.testing.factories import inbound_message
from wagtail_helpdesk.types import InboundAttachment

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[1] / "email_corpus"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def _default_queue(queue_a, settings):
    settings.WAGTAIL_HELPDESK_ACKNOWLEDGEMENT_RATE_LIMIT = None
    queue_a.is_default = True
    queue_a.save()


def frames(client, ticket) -> list[str]:
    """The documents of the ticket view's message frames, unescaped from their srcdoc attributes."""
    content = client.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))).content
    return [html.unescape(doc) for doc in re.findall(r'srcdoc="([^"]*)"', content.decode())]


def images(document: str) -> list[str]:
    return re.findall(r"<img[^>]*>", document.partition("<body>")[2])


def mail_with_image(content_id: str, body_html: str, **kwargs) -> Ticket:
    picture = InboundAttachment("photo.png", "image/png", PNG, content_id=content_id)
    return intake.receive(inbound_message(body_html=body_html, attachments=(picture,), **kwargs)).ticket


def test_the_corpus_inline_image_shows_from_its_attachment(client_a, client):
    assert mailboxes.ingest((CORPUS / "inline_image_cid_related.eml").read_bytes())
    ticket = Ticket.objects.get()
    attachment = Attachment.objects.get()
    assert attachment.content_id == "image001.png@01DA"

    (document,) = frames(client_a, ticket)

    (image,) = images(document)
    url = re.search(r'src="([^"]+)"', image).group(1)
    download = reverse("wagtail_helpdesk:attachment", args=(attachment.pk,))
    assert url.startswith(f"http://testserver{download}?inline=")
    assert f'img-src data: http://testserver{download}">' in document  # the frame's CSP lets exactly it load
    # The frame's requests carry no session cookie: the signed URL alone opens the image.
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"\x89PNG")
    # Stored as received (after sanitising): the rewrite is only for showing it.
    assert 'src="cid:image001.png@01DA"' in Message.objects.get().body_html


def test_a_cid_naming_another_messages_or_tickets_attachment_is_not_resolved(client_a):
    ticket = mail_with_image("mine@mail.example", '<p>one</p><img src="cid:mine@mail.example">')
    intake.receive(
        inbound_message(subject=f"Re: [{ticket.reference}]", body_html='<p>two</p><img src="cid:mine@mail.example">')
    )
    other = mail_with_image("other@mail.example", "<p>other</p>", sender_email="bob@mail.example")
    intake.receive(
        inbound_message(
            subject=f"Re: [{ticket.reference}]", body_html='<p>three</p><img src="cid:other@mail.example" alt="x">'
        )
    )
    assert ticket.messages.count() == 3 and other.pk != ticket.pk

    first, second, third = frames(client_a, ticket)

    assert "?inline=" in images(first)[0]
    assert images(second) == ["<img>"]  # the same Content-ID, but the file belongs to the first message
    assert images(third) == ['<img alt="x">']  # another ticket's file
    assert 'img-src data:">' in second and 'img-src data:">' in third


def test_hostile_cid_values_stay_inert(client_a):
    hostile = 'x" onerror="alert(1)'
    ticket = mail_with_image(
        hostile,
        '<img src="cid:x&quot; onerror=&quot;alert(1)">'
        '<img src="cid:javascript:alert(2)">'
        '<img src="javascript:alert(3)"><img src=\'cid:"><script>alert(4)</script>\'>'
        '<a href="javascript:alert(5)">link</a>',
    )
    assert Attachment.objects.get().content_id == 'x"onerror="alert(1)'  # whitespace and brackets removed

    (document,) = frames(client_a, ticket)

    body = document.partition("<body>")[2]
    assert "onerror" not in body and "javascript:" not in body and "<script" not in body
    assert "alert(" not in body
    assert images(document) == ["<img>"] * 4


def test_only_images_get_an_inline_url(client_a):
    pdf = InboundAttachment("invoice.pdf", "application/pdf", b"%PDF-1.4 test", content_id="invoice@mail.example")
    ticket = intake.receive(
        inbound_message(body_html='<img src="cid:invoice@mail.example">', attachments=(pdf,))
    ).ticket

    (document,) = frames(client_a, ticket)

    assert images(document) == ["<img>"]


def test_the_inline_signature_opens_only_its_own_attachment_and_expires(client, monkeypatch):
    ticket = mail_with_image("a@mail.example", '<img src="cid:a@mail.example">')
    mail_with_image("b@mail.example", "<p>b</p>", sender_email="bob@mail.example")
    mine, theirs = Attachment.objects.order_by("pk")
    message = ticket.messages.get()
    (url,) = attachments.inline_image_urls(message).values()
    token = url.partition("?inline=")[2]

    assert client.get(url).status_code == 200
    other = reverse("wagtail_helpdesk:attachment", args=(theirs.pk,))
    assert client.get(f"{other}?inline={token}").status_code == 404
    assert client.get(f"{url}x").status_code == 404
    assert client.get(reverse("wagtail_helpdesk:attachment", args=(mine.pk,))).status_code == 302  # log in first
    monkeypatch.setattr(attachments, "INLINE_MAX_AGE", -1)
    assert client.get(url).status_code == 404
