"""Loops and noise: bounces are recorded against our mail, and some senders never get an acknowledgement."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from wagtail_helpdesk.models import InboundRecord, Mailbox, OutboundMessage, Ticket
from wagtail_helpdesk.plugins.email import EmailChannel
from wagtail_helpdesk.services import intake, mailboxes
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message

pytestmark = pytest.mark.django_db

EML = Path(__file__).parent / "eml"


def eml(name: str, **values: str) -> bytes:
    raw = (EML / name).read_text()
    for key, value in values.items():
        raw = raw.replace("{" + key + "}", value)
    return raw.encode()


@pytest.fixture
def acknowledged(mailoutbox, django_capture_on_commit_callbacks):
    """A ticket whose acknowledgement went out: the mail a bounce will return."""
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(sender_email="nobody@mail.example")).ticket
    ack = OutboundMessage.objects.get(ticket=ticket)
    assert ack.state == OutboundMessage.State.SENT and ack.external_id
    return ack


def test_a_delivery_status_report_is_recognised_as_a_bounce():
    message = EmailChannel().parse(eml("bounce_dsn.eml", MESSAGE_ID="<hd7.abc@shop.example>"))
    bounce = message.metadata["bounce"]
    assert message.metadata["auto_submitted"] is True
    assert bounce["message_ids"] == ["<hd7.abc@shop.example>"]
    assert bounce["recipients"] == ["nobody@mail.example"]
    assert bounce["reason"].startswith("5.1.1 smtp; 550 5.1.1 <nobody@mail.example>: Recipient address rejected")


def test_ordinary_mail_is_not_a_bounce():
    assert "bounce" not in EmailChannel().parse((EML / "latin2_qp.eml").read_bytes()).metadata


def test_a_bounce_marks_our_acknowledgement_failed_and_opens_no_ticket(acknowledged):
    raw = eml("bounce_dsn.eml", MESSAGE_ID=acknowledged.external_id)

    assert mailboxes.ingest(raw)
    assert mailboxes.ingest(raw)  # the same report again changes nothing

    acknowledged.refresh_from_db()
    assert acknowledged.state == OutboundMessage.State.FAILED
    assert acknowledged.last_error.startswith("Bounced: 5.1.1 smtp; 550 5.1.1")
    assert Ticket.objects.count() == 1
    record = InboundRecord.objects.get(external_id="<20261124090005.1A2B3C@mx.shop.example>")
    assert (record.state, record.ticket_id) == (InboundRecord.State.PROCESSED, acknowledged.ticket_id)
    assert b"Undelivered Message" in bytes(record.raw)


def test_a_plain_text_bounce_from_mailer_daemon_through_the_mta_pipe(acknowledged, monkeypatch):
    raw = eml("bounce_plain.eml", MESSAGE_ID=acknowledged.external_id)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = io.StringIO()

    call_command("helpdesk_receive_email", stdout=out)

    assert out.getvalue().strip() == "bounce of nobody@mail.example"
    acknowledged.refresh_from_db()
    assert acknowledged.state == OutboundMessage.State.FAILED
    assert "Delivery Status Notification" in acknowledged.last_error
    assert Ticket.objects.count() == 1


def test_a_bounce_of_mail_we_never_sent_is_kept_with_a_note_and_opens_nothing():
    assert mailboxes.ingest(eml("bounce_dsn.eml", MESSAGE_ID="<someone-else@elsewhere.example>"))
    assert not Ticket.objects.exists()
    record = InboundRecord.objects.get()
    assert record.error == "A delivery report about no message we sent."


def test_mail_from_our_own_address_opens_a_ticket_but_gets_no_acknowledgement(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert mailboxes.ingest((EML / "from_ourselves.eml").read_bytes())
    assert Ticket.objects.get().subject == "Re: [HD-000042] Your order"
    assert not OutboundMessage.objects.exists()


def test_mail_from_a_mailbox_address_gets_no_acknowledgement(django_capture_on_commit_callbacks):
    queue = QueueFactory()
    # Warm the cached list of our addresses first: adding the mailbox must refresh it.
    with django_capture_on_commit_callbacks(execute=True):
        intake.receive(inbound_message(sender_email="first@mail.example"))
    with django_capture_on_commit_callbacks(execute=True):
        Mailbox.objects.create(name="Returns", queue=queue, host="h", username="u", email="Returns@Shop.example")
    with django_capture_on_commit_callbacks(execute=True):
        intake.receive(inbound_message(sender_email="returns@shop.example", external_id="loop-1"))
    assert list(OutboundMessage.objects.values_list("recipient", flat=True)) == ["first@mail.example"]


def test_acknowledgements_are_rate_limited_per_sender(settings, django_capture_on_commit_callbacks):
    settings.WAGTAIL_HELPDESK_ACKNOWLEDGEMENT_RATE_LIMIT = "2/h"
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(4):
            intake.receive(inbound_message(sender_email="flood@mail.example", subject=f"Matter {number}"))
        intake.receive(inbound_message(sender_email="calm@mail.example", subject="One question"))

    assert Ticket.objects.count() == 5
    recipients = sorted(OutboundMessage.objects.values_list("recipient", flat=True))
    assert recipients == ["calm@mail.example", "flood@mail.example", "flood@mail.example"]


def test_no_rate_limit_when_switched_off(settings, django_capture_on_commit_callbacks):
    settings.WAGTAIL_HELPDESK_ACKNOWLEDGEMENT_RATE_LIMIT = None
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(7):
            intake.receive(inbound_message(subject=f"Matter {number}"))
    assert OutboundMessage.objects.count() == 7
