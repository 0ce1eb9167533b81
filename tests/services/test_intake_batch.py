"""Intake's batch (``receive_many``, what one mailbox poll fetched): the same outcome as one by one, cheaper.

Real commits throughout: the batch's promises are about what is committed
together, and what plugins and the outbox hear only after that commit.
"""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import EventKind, InboundRecord, Message, OutboundMessage, Ticket, TicketEvent
from wagtail_helpdesk.plugins.manager import get_plugin_manager
from wagtail_helpdesk.services import intake, mailboxes
from wagtail_helpdesk.services.references import format_reference
from wagtail_helpdesk.testing.factories import QueueFactory

from .test_mailboxes import mail

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def default_queue():
    return QueueFactory(slug="support", is_default=True)


class Listener:
    """Hears ticket events (after commit) and can make one message's intake fail or be held."""

    def __init__(self, fail_on: str = "") -> None:
        self.fail_on = fail_on
        self.heard: list[tuple[str, int]] = []
        self.event_ids: list[int] = []

    @hookimpl
    def helpdesk_classify_message(self, message, ticket):
        if self.fail_on and self.fail_on in message.subject:
            raise RuntimeError("the classifier broke on this one")

    @hookimpl
    def helpdesk_ticket_event(self, event):
        self.heard.append((event.kind, event.ticket_id))
        self.event_ids.append(event.event_id)


@pytest.fixture
def listener():
    plugin = Listener()
    get_plugin_manager().register(plugin, name="batch-listener")
    return plugin


def test_a_batch_opens_each_ticket_and_threads_a_reply_to_one_opened_earlier_in_it():
    first = mail("Kettle missing")
    reply = mail("Re: Kettle missing", body="Order 4711, sorry.", In_Reply_To=first["Message-ID"])
    other = mail("Wrong colour", sender="bob@mail.example")

    stored = mailboxes.ingest_many([first.as_bytes(), other.as_bytes(), reply.as_bytes()])

    assert stored == [True, True, True]
    kettle = Ticket.objects.get(subject="Kettle missing")
    assert [m.body_text.strip() for m in kettle.messages.order_by("created_at")] == [
        "Hello, my order has not arrived.",
        "Order 4711, sorry.",
    ]
    assert Ticket.objects.get(subject="Wrong colour").customer.email == "bob@mail.example"
    assert set(InboundRecord.objects.values_list("state", flat=True)) == {InboundRecord.State.PROCESSED}
    assert InboundRecord.objects.get(external_id=reply["Message-ID"]).ticket == kettle


def test_the_batch_stores_its_raw_records_events_and_acknowledgements_in_one_insert_each():
    mails = [mail(f"Question {i}", sender=f"c{i}@mail.example").as_bytes() for i in range(8)]

    with CaptureQueriesContext(connection) as queries:
        assert all(mailboxes.ingest_many(mails))

    sql = [query["sql"] for query in queries.captured_queries]
    assert sum(s.startswith('INSERT INTO "wagtail_helpdesk_inboundrecord"') for s in sql) == 1
    assert sum(s.startswith('UPDATE "wagtail_helpdesk_inboundrecord"') for s in sql) == 1
    assert sum(s.startswith('INSERT INTO "wagtail_helpdesk_ticketevent"') for s in sql) == 1
    assert sum(s.startswith('INSERT INTO "wagtail_helpdesk_outboundmessage"') for s in sql) == 1
    assert TicketEvent.objects.filter(kind=EventKind.CREATED).count() == 8
    assert InboundRecord.objects.filter(state=InboundRecord.State.PROCESSED).count() == 8
    assert all(record.ticket.subject == record.payload["subject"] for record in InboundRecord.objects.all())
    # PostgreSQL hands the batch its ticket ids ahead, so each reference rides on its ticket's INSERT.
    reference_updates = sum(s.startswith('UPDATE "wagtail_helpdesk_ticket" SET "reference"') for s in sql)
    assert reference_updates == (0 if connection.vendor == "postgresql" else 8)
    assert all(ticket.reference == format_reference(ticket.pk) for ticket in Ticket.objects.all())
    assert OutboundMessage.objects.filter(kind=OutboundMessage.Kind.AUTO_REPLY).count() == 8
    assert all(b"Subject: Question" in bytes(record.raw) for record in InboundRecord.objects.all())


def test_plugins_hear_every_event_in_order_and_the_acknowledgements_go_in_one_delivery_task(
    listener, tasks_sent, mailoutbox
):
    mails = [mail(f"Question {i}", sender=f"c{i}@mail.example") for i in range(3)]

    assert all(mailboxes.ingest_many([m.as_bytes() for m in mails]))

    tickets = list(Ticket.objects.order_by("pk").values_list("pk", flat=True))
    created = [ticket for kind, ticket in listener.heard if kind == EventKind.CREATED]
    assert created == tickets
    assert listener.event_ids == list(TicketEvent.objects.order_by("pk").values_list("pk", flat=True))
    deliveries = [args for name, args in tasks_sent if name.startswith("wagtail_helpdesk.deliver_outbox")]
    acknowledgements = sorted(OutboundMessage.objects.values_list("pk", flat=True))
    assert deliveries == [(acknowledgements,)]
    assert sorted(m.to[0] for m in mailoutbox) == ["c0@mail.example", "c1@mail.example", "c2@mail.example"]


def test_a_message_that_fails_rolls_the_batch_back_and_the_others_are_taken_in_one_by_one(listener, mailoutbox):
    listener.fail_on = "Boom"
    good, bad, also_good = mail("Kettle"), mail("Boom", sender="bob@mail.example"), mail("Lid", sender="eva@x.example")

    outcomes = intake.receive_many([item(good), item(bad), item(also_good)])

    assert isinstance(outcomes[1], RuntimeError)
    assert [o.ticket.subject for o in (outcomes[0], outcomes[2])] == ["Kettle", "Lid"]
    assert sorted(Ticket.objects.values_list("subject", flat=True)) == ["Kettle", "Lid"]
    failed = InboundRecord.objects.get(external_id=bad["Message-ID"])
    assert failed.state == InboundRecord.State.FAILED and "classifier broke" in failed.error
    assert b"Subject: Boom" in bytes(failed.raw)
    # What the rolled-back attempt made was never announced nor sent: each ticket once.
    assert TicketEvent.objects.filter(kind=EventKind.CREATED).count() == 2
    assert sorted(kind for kind, _ticket in listener.heard if kind == EventKind.CREATED) == ["created", "created"]
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@mail.example", "eva@x.example"]


def test_a_held_message_in_a_batch_waits_for_a_manager_and_the_rest_go_on(settings):
    settings.WAGTAIL_HELPDESK_UNKNOWN_SENDER_REPLY = "hold"
    assert mailboxes.ingest(mail("Kettle").as_bytes())
    ticket = Ticket.objects.get()
    stranger = mail(f"Re: [{ticket.reference}] Kettle", sender="eve@evil.example", body="Send it to me instead.")

    stored = mailboxes.ingest_many([stranger.as_bytes(), mail("Lid", sender="bob@mail.example").as_bytes()])

    assert stored == [True, True]
    held = InboundRecord.objects.get(external_id=stranger["Message-ID"])
    assert held.state == InboundRecord.State.HELD and held.ticket == ticket
    assert ticket.messages.count() == 1
    assert Ticket.objects.filter(subject="Lid").exists()


def test_the_same_mail_twice_in_a_batch_and_a_redelivery_give_one_message_each():
    before = mail("Kettle")
    assert mailboxes.ingest(before.as_bytes())
    twice = mail("Lid", sender="bob@mail.example")

    outcomes = intake.receive_many([item(m) for m in (twice, before, twice)])

    assert [(o.created, o.duplicate) for o in outcomes] == [(True, False), (False, True), (False, True)]
    assert outcomes[2].message == outcomes[0].message
    assert Message.objects.filter(external_id=twice["Message-ID"]).count() == 1
    assert Message.objects.count() == 2


def test_an_invalid_or_unparsable_mail_in_a_batch_is_kept_rejected_and_the_rest_are_taken_in():
    empty = mail("Nothing to say", body="   ")
    nobody = mail("From nobody")
    del nobody["From"]

    stored = mailboxes.ingest_many(
        [empty.as_bytes(), b"\x00\xff not a mail", nobody.as_bytes(), mail("Kettle").as_bytes()]
    )

    assert stored == [False, False, False, True]
    assert list(Ticket.objects.values_list("subject", flat=True)) == ["Kettle"]
    assert InboundRecord.objects.filter(state=InboundRecord.State.REJECTED).count() == 3
    outcome = intake.receive_many([item(empty), item(mail("Lid"))])[0]
    assert isinstance(outcome, InvalidInbound)


def test_a_batch_inside_a_callers_transaction_keeps_that_transaction_usable():
    from django.db import transaction

    known = mail("Kettle")
    assert mailboxes.ingest(known.as_bytes())
    with transaction.atomic():
        outcomes = intake.receive_many([item(known), item(mail("Lid"))])
        assert Ticket.objects.count() == 2  # the transaction still answers
    assert outcomes[0].duplicate and outcomes[1].created


def item(msg: EmailMessage):
    """A mail as a poll hands it to intake: parsed by the email channel, with its raw bytes."""
    from wagtail_helpdesk.services.channels import get_channel

    return get_channel("email").parse(msg.as_bytes()), msg.as_bytes()


def test_tickets_opened_in_a_batch_get_the_same_deadlines_as_one_opened_alone():
    from .sla_helpers import make_policy

    make_policy()
    alone = intake.receive(item(mail("Alone"))[0]).ticket
    in_batch = intake.receive_many([item(mail("First", sender="bob@mail.example")), item(mail("Second"))])

    for outcome in in_batch:
        ticket = Ticket.objects.get(pk=outcome.ticket.pk)
        assert ticket.first_response_due - ticket.created_at == alone.first_response_due - alone.created_at
        assert ticket.resolution_due - ticket.created_at == alone.resolution_due - alone.created_at
        assert ticket.sla_check_at is not None


def test_a_batch_that_fails_after_its_commit_takes_nothing_in_twice(listener, caplog):
    import logging

    from django.db import transaction

    class AfterCommit:
        @hookimpl
        def helpdesk_classify_message(self, message, ticket):
            def broken():
                raise RuntimeError("a plugin's callback after the commit")

            if message.subject == "Lid":
                transaction.on_commit(broken)

    get_plugin_manager().register(AfterCommit(), name="after-commit")

    with caplog.at_level(logging.INFO, logger="wagtail_helpdesk.services.intake"):
        outcomes = intake.receive_many([item(mail("Kettle")), item(mail("Lid", sender="bob@mail.example"))])

    assert "Taking in a batch of 2 messages one by one" in caplog.text  # the commit went through, then it failed
    assert [outcome.ticket.subject for outcome in outcomes] == ["Kettle", "Lid"]
    assert Ticket.objects.count() == 2 and Message.objects.count() == 2
    assert set(InboundRecord.objects.values_list("state", flat=True)) == {InboundRecord.State.PROCESSED}
