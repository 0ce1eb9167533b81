"""django-anymail's inbound webhook (Postmark's, with the real anymail package) → email channel → intake."""

from __future__ import annotations

import base64
import json

import pytest

from wagtail_helpdesk.contrib import anymail_inbound
from wagtail_helpdesk.models import InboundRecord, Message, Ticket
from wagtail_helpdesk.testing.factories import QueueFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.contrib.anymail_urls")]

URL = "/anymail/postmark/inbound/"
RAW = (
    "From: Anna Nowak <anna@mail.example>\r\nTo: support@shop.example\r\nSubject: =?utf-8?q?Zam=C3=B3wienie?=\r\n"
    "Message-ID: <pm-1@mail.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    "Where is my kettle? <script>alert(1)</script>\r\n"
)


def payload(raw: str = RAW) -> str:
    # Postmark's inbound JSON; with "Include raw email content" switched on it carries RawEmail.
    return json.dumps(
        {
            "FromFull": {"Email": "anna@mail.example", "Name": "Anna Nowak"},
            "ToFull": [{"Email": "support@shop.example", "Name": ""}],
            "Subject": "Zamówienie",
            "MessageID": "73e6d360-66eb-11e1-8e72-a8904824019b",
            "TextBody": "Where is my kettle?",
            "Headers": [],
            "RawEmail": raw,
        }
    )


@pytest.fixture
def webhook(settings, client):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "postmark:s3cret"}
    QueueFactory(is_default=True)
    auth = "Basic " + base64.b64encode(b"postmark:s3cret").decode()

    def post(body: str, authorization: str = auth):
        return client.post(URL, data=body, content_type="application/json", HTTP_AUTHORIZATION=authorization)

    return post


def test_the_receiver_is_connected_when_anymail_is_installed():
    from anymail.signals import inbound  # in the "test" extra: a missing package fails, never skips

    assert anymail_inbound.connect()
    assert any(anymail_inbound.DISPATCH_UID in str(entry[0]) for entry in inbound.receivers)


def test_a_postmark_inbound_webhook_opens_a_ticket_with_the_raw_mail_kept(webhook):
    response = webhook(payload())
    assert response.status_code == 200
    ticket = Ticket.objects.get()
    assert ticket.subject == "Zamówienie" and ticket.customer.email == "anna@mail.example"
    message = Message.objects.get()
    assert "Where is my kettle?" in message.body_text
    assert b"<pm-1@mail.example>" in bytes(message.inbound_record.raw)


def test_the_same_webhook_delivered_twice_gives_one_message(webhook):
    assert webhook(payload()).status_code == 200
    assert webhook(payload()).status_code == 200
    assert Message.objects.count() == 1 and Ticket.objects.count() == 1


def test_a_webhook_without_the_secret_is_refused_and_stores_nothing(webhook):
    response = webhook(payload(), authorization="Basic " + base64.b64encode(b"postmark:guess").decode())
    assert response.status_code in (400, 403)
    assert not InboundRecord.objects.exists()


def test_a_message_intake_refuses_is_kept_in_quarantine_and_the_webhook_still_answers_200(webhook):
    raw = "To: support@shop.example\r\nSubject: no sender\r\nMessage-ID: <pm-2@mail.example>\r\n\r\nwho?\r\n"
    assert webhook(payload(raw)).status_code == 200
    record = InboundRecord.objects.get()
    assert record.state == InboundRecord.State.REJECTED and b"who?" in bytes(record.raw)
    assert not Ticket.objects.exists()
