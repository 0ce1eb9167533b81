"""The corpus: every message through the email channel, then through the poller's path into intake.

``generate.py`` wrote the messages and states, by hand, what each must give:
sender, subject, a snippet of the visible text after trimming, what trimming
must remove, attachment names, automatic or not, bounce or not, and the
outcome (a ticket, a recorded bounce, or a visible failure in quarantine).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import InboundRecord, Message, OutboundMessage, Ticket
from wagtail_helpdesk.plugins.email import EmailChannel
from wagtail_helpdesk.services import mailboxes, quarantine
from wagtail_helpdesk.testing.factories import QueueFactory

HERE = Path(__file__).parent
CASES = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))


def test_the_corpus_has_at_least_forty_messages_and_each_has_a_file():
    assert len(CASES) >= 40
    assert sorted(p.stem for p in HERE.glob("*.eml")) == sorted(c["name"] for c in CASES)


@pytest.fixture
def corpus_settings(settings):
    settings.WAGTAIL_HELPDESK_MAX_ATTACHMENT_BYTES = 200_000  # so one case is oversized without a huge file
    settings.WAGTAIL_HELPDESK_ACKNOWLEDGEMENT_RATE_LIMIT = None
    settings.WAGTAIL_HELPDESK_FROM_EMAIL = "support@shop.example"
    return settings


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_channel_reads_the_message(case, corpus_settings, db):
    raw = (HERE / f"{case['name']}.eml").read_bytes()
    if case["outcome"] == "quarantine" and not case["subject"]:
        with pytest.raises(InvalidInbound):  # not mail at all: refused, never a crash
            EmailChannel().parse(raw)
        return
    message = EmailChannel().parse(raw)
    assert message.sender_email.lower() == case["sender"].lower()
    if "sender_name" in case:
        assert message.sender_name == case["sender_name"]
    assert message.subject == case["subject"]
    assert case["text"] in message.body_text
    for removed in case["not_text"]:
        assert removed not in message.body_text
    assert [a.filename for a in message.attachments] == case["attachments"]
    assert bool(message.metadata["auto_submitted"]) is case["automatic"]
    assert ("bounce" in message.metadata) is case["bounce"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_the_message_reaches_intake_or_a_visible_failure(case, corpus_settings, db, django_capture_on_commit_callbacks):
    QueueFactory(is_default=True)
    raw = (HERE / f"{case['name']}.eml").read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        stored = mailboxes.ingest(raw)  # what the poller and the MTA pipe do; it never raises
    if case["outcome"] == "quarantine":
        assert not stored and not Ticket.objects.exists()
        record = quarantine.listed().get()
        assert bytes(record.raw) == raw and record.error
        return
    assert stored
    if case["outcome"] == "bounce":
        assert not Ticket.objects.exists() and not OutboundMessage.objects.exists()
        assert InboundRecord.objects.get().state == InboundRecord.State.PROCESSED
        return
    ticket = Ticket.objects.get()
    message = Message.objects.get()
    assert ticket.customer.email == case["sender"].lower()
    assert case["text"] in message.body_text
    for removed in case["not_text"]:
        assert removed not in message.body_text and removed not in message.body_html
    assert sorted(message.attachments.values_list("filename", flat=True)) == sorted(case["attachments"])
    assert bytes(message.inbound_record.raw) == raw  # the untrimmed original, for the agent
    acknowledged = OutboundMessage.objects.filter(kind=OutboundMessage.Kind.AUTO_REPLY).exists()
    assert acknowledged is not case["automatic"]
