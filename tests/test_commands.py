"""Management commands are thin: they parse input and call one service."""

import io
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from wagtail_helpdesk.models import InboundRecord, OutboundMessage, Ticket
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import inbound_message

pytestmark = pytest.mark.django_db

EML = Path(__file__).parent / "plugins" / "eml"


def pipe(monkeypatch, raw: bytes) -> str:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    out = io.StringIO()
    call_command("helpdesk_receive_email", stdout=out)
    return out.getvalue()


def test_piped_mail_opens_a_ticket_and_redelivery_is_harmless(monkeypatch):
    raw = (EML / "latin2_qp.eml").read_bytes()
    assert pipe(monkeypatch, raw).startswith("opened HD-")
    assert pipe(monkeypatch, raw).startswith("duplicate of HD-")
    assert Ticket.objects.get().subject == "Reklamacja ąćę"


def test_piped_reply_with_the_reference_joins_the_ticket(monkeypatch):
    ticket = intake.receive(inbound_message(sender_email="zoe@mail.example")).ticket
    raw = (
        f"From: zoe@mail.example\r\nSubject: Re: [{ticket.reference}] thanks\r\n"
        "Message-ID: <pipe-2@mail.example>\r\n\r\nOne more thing.\r\n"
    ).encode()
    assert pipe(monkeypatch, raw) == f"added to {ticket.reference}\n"


def test_unacceptable_mail_exits_with_a_data_error(monkeypatch):
    raw = b"From: a@mail.example\r\nSubject: empty\r\nMessage-ID: <e@mail.example>\r\n\r\n"
    with pytest.raises(CommandError) as info:
        pipe(monkeypatch, raw)
    assert info.value.returncode == 65
    assert InboundRecord.objects.get().state == InboundRecord.State.REJECTED


def test_flush_outbox_command_delivers_due_messages(mailoutbox, monkeypatch):
    monkeypatch.setattr("wagtail_helpdesk.services.outbox.dispatch", lambda outbound_id: None)
    intake.receive(inbound_message())
    out = io.StringIO()
    call_command("helpdesk_flush_outbox", stdout=out)
    assert out.getvalue() == "1 outbound message(s) tried\n"
    assert OutboundMessage.objects.get().state == OutboundMessage.State.SENT
    assert len(mailoutbox) == 1
