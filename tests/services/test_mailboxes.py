"""Polling a real IMAP mailbox (dovecot): new mail becomes tickets, nothing is lost or taken twice."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from django.core.management import call_command

from wagtail_helpdesk import tasks
from wagtail_helpdesk.beat import BEAT_SCHEDULE
from wagtail_helpdesk.models import InboundRecord, Mailbox, Message, OutboundMessage, Ticket
from wagtail_helpdesk.services import mailboxes
from wagtail_helpdesk.testing.factories import QueueFactory

# Marking mail seen only after intake committed needs real commits.
pytestmark = pytest.mark.django_db(transaction=True)


def mail(subject: str, body: str = "Hello, my order has not arrived.", sender: str = "anna@mail.example", **headers):
    msg = EmailMessage()
    msg["From"] = f"Anna Nowak <{sender}>"
    msg["To"] = "support@shop.example"
    msg["Subject"] = subject
    msg["Message-ID"] = headers.pop("message_id", None) or make_msgid(domain="mail.example")
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg


@pytest.fixture
def account(imap_server):
    return imap_server.new_account()


@pytest.fixture
def mailbox(imap_server, account):
    return Mailbox.objects.create(
        name="Support",
        queue=QueueFactory(slug="returns", name="Returns"),
        host=imap_server.host,
        port=imap_server.port,
        security=Mailbox.Security.NONE,
        username=account,
        password=imap_server.password,
        email=account,
    )


def test_new_mail_becomes_a_ticket_in_the_mailboxs_queue_and_is_marked_seen(imap_server, account, mailbox):
    imap_server.append(account, mail("Where is my parcel?").as_bytes())

    result = mailboxes.poll(mailbox)

    assert (result.fetched, result.processed, result.failed) == (1, 1, 0)
    ticket = Ticket.objects.get()
    assert ticket.subject == "Where is my parcel?"
    assert ticket.queue.slug == "returns"
    assert ticket.customer.email == "anna@mail.example"
    assert imap_server.seen_subjects(account) == ["Where is my parcel?"]
    assert imap_server.unseen_subjects(account) == []
    mailbox.refresh_from_db()
    assert mailbox.last_polled_at is not None
    assert mailbox.last_error == ""


def test_polling_again_finds_nothing_new(imap_server, account, mailbox):
    imap_server.append(account, mail("Broken kettle").as_bytes())
    mailboxes.poll(mailbox)

    again = mailboxes.poll(mailbox)

    assert again.fetched == 0
    assert Ticket.objects.count() == Message.objects.count() == 1


def test_the_raw_mail_is_kept_with_its_inbound_record(imap_server, account, mailbox):
    original = mail("Keep me")
    imap_server.append(account, original.as_bytes())
    mailboxes.poll(mailbox)
    record = InboundRecord.objects.get(external_id=original["Message-ID"])
    assert b"Subject: Keep me" in bytes(record.raw)


def test_a_reply_to_our_acknowledgement_joins_the_ticket(imap_server, account, mailbox, mailoutbox):
    imap_server.append(account, mail("Refund please").as_bytes())
    mailboxes.poll(mailbox)
    ticket = Ticket.objects.get()
    ack = OutboundMessage.objects.get(ticket=ticket, kind=OutboundMessage.Kind.AUTO_REPLY)
    assert ack.state == OutboundMessage.State.SENT
    assert mailoutbox[0].to == ["anna@mail.example"]

    reply = mail(
        f"Re: {mailoutbox[0].subject}",
        "Here is the order number: 4711.",
        In_Reply_To=ack.external_id,
        References=ack.external_id,
    )
    imap_server.append(account, reply.as_bytes())
    mailboxes.poll(mailbox)

    assert Ticket.objects.count() == 1
    assert [m.body_text.strip() for m in ticket.messages.order_by("created_at")] == [
        "Hello, my order has not arrived.",
        "Here is the order number: 4711.",
    ]


def test_a_broken_mail_does_not_block_the_others_and_stays_unseen(imap_server, account, mailbox):
    broken = mail("Invoice attached")
    del broken["From"]  # nobody to answer: rejected
    imap_server.append(account, mail("First").as_bytes())
    imap_server.append(account, broken.as_bytes())
    imap_server.append(account, mail("Third").as_bytes())

    result = mailboxes.poll(mailbox)

    assert (result.processed, result.failed) == (2, 1)
    assert sorted(Ticket.objects.values_list("subject", flat=True)) == ["First", "Third"]
    assert imap_server.unseen_subjects(account) == ["Invoice attached"]
    record = InboundRecord.objects.get(external_id=broken["Message-ID"])
    assert record.state == InboundRecord.State.REJECTED
    assert "sender" in record.error
    assert b"Invoice attached" in bytes(record.raw)
    mailbox.refresh_from_db()
    assert "1 message(s) could not be processed" in mailbox.last_error


def test_the_same_message_id_in_two_polls_gives_one_message(imap_server, account, mailbox):
    original = mail("Sent twice by a flaky server", message_id="<twice-1@mail.example>")
    imap_server.append(account, original.as_bytes())
    mailboxes.poll(mailbox)
    imap_server.append(account, original.as_bytes())

    second = mailboxes.poll(mailbox)

    assert (second.fetched, second.processed) == (1, 1)
    assert Message.objects.filter(external_id="<twice-1@mail.example>").count() == 1
    assert imap_server.unseen_subjects(account) == []


def test_an_unreachable_server_is_recorded_on_the_mailbox(mailbox):
    mailbox.password = "wrong"
    with pytest.raises(mailboxes.MailboxError):
        mailboxes.poll(mailbox)
    mailbox.refresh_from_db()
    assert "AUTHENTICATIONFAILED" in mailbox.last_error or "failed" in mailbox.last_error.lower()


def test_polling_inside_a_transaction_is_refused(mailbox):
    from django.db import transaction

    with transaction.atomic(), pytest.raises(RuntimeError):
        mailboxes.poll(mailbox)


def test_the_beat_task_polls_every_active_mailbox_once(imap_server, account, mailbox):
    imap_server.append(account, mail("Via beat").as_bytes())
    Mailbox.objects.create(
        name="Off", queue=mailbox.queue, host="127.0.0.1", port=1, username="x", password="x", is_active=False
    )
    assert BEAT_SCHEDULE["wagtail-helpdesk-poll-mailboxes"]["task"] == "wagtail_helpdesk.poll_mailboxes"

    assert tasks.poll_mailboxes() == 1
    assert tasks.poll_mailboxes() == 1

    assert list(Ticket.objects.values_list("subject", flat=True)) == ["Via beat"]


def test_the_management_command_reports_each_mailbox(imap_server, account, mailbox, capsys):
    imap_server.append(account, mail("Via cron").as_bytes())
    call_command("helpdesk_poll_mailboxes")
    assert "Support: 1 received, 0 failed" in capsys.readouterr().out
    assert Ticket.objects.get().subject == "Via cron"


# POP3: the same dovecot and mail store; done messages are deleted instead of flagged.


@pytest.fixture
def pop3_mailbox(pop3_server, account, mailbox):
    mailbox.protocol = Mailbox.Protocol.POP3
    mailbox.port = pop3_server.pop3_port
    mailbox.save()
    return mailbox


def test_pop3_mail_becomes_tickets_and_only_the_done_ones_are_deleted(pop3_server, account, pop3_mailbox):
    broken = mail("Program attached")
    del broken["From"]
    pop3_server.append(account, mail("Over POP3").as_bytes())
    pop3_server.append(account, broken.as_bytes())

    result = mailboxes.poll(pop3_mailbox)

    assert (result.fetched, result.processed, result.failed) == (2, 1, 1)
    assert Ticket.objects.get().subject == "Over POP3"
    assert pop3_server.unseen_subjects(account) + pop3_server.seen_subjects(account) == ["Program attached"]
    assert mailboxes.poll(pop3_mailbox).processed == 0


def test_a_mail_whose_intake_fails_stays_unseen_and_is_taken_on_the_next_poll(imap_server, account, mailbox):
    from wagtail_helpdesk import hookimpl
    from wagtail_helpdesk.plugins.manager import get_plugin_manager

    class Down:
        armed = True

        @hookimpl
        def helpdesk_classify_message(self, message, ticket):
            if self.armed:
                raise RuntimeError("database went away")

    plugin = Down()
    get_plugin_manager().register(plugin, name="down")
    imap_server.append(account, mail("Kettle").as_bytes())

    assert (mailboxes.poll(mailbox).processed, Ticket.objects.count()) == (0, 0)
    assert imap_server.unseen_subjects(account) == ["Kettle"]
    assert InboundRecord.objects.get().state == InboundRecord.State.FAILED

    plugin.armed = False
    assert mailboxes.poll(mailbox).processed == 1
    assert imap_server.unseen_subjects(account) == [] and Ticket.objects.get().subject == "Kettle"


def test_a_poll_takes_mail_in_batches_and_a_failing_mail_stays_unseen_alone(imap_server, account, mailbox, monkeypatch):
    from wagtail_helpdesk import hookimpl
    from wagtail_helpdesk.plugins.manager import get_plugin_manager

    class Picky:
        @hookimpl
        def helpdesk_classify_message(self, message, ticket):
            if message.subject == "Boom":
                raise RuntimeError("the classifier broke on this one")

    get_plugin_manager().register(Picky(), name="picky")
    monkeypatch.setattr(mailboxes, "POLL_BATCH", 2)
    for subject in ("One", "Two", "Boom", "Three", "Four"):
        imap_server.append(account, mail(subject, sender=f"{subject.lower()}@mail.example").as_bytes())

    result = mailboxes.poll(mailbox)

    assert (result.fetched, result.processed, result.failed) == (5, 4, 1)
    assert sorted(Ticket.objects.values_list("subject", flat=True)) == ["Four", "One", "Three", "Two"]
    assert imap_server.unseen_subjects(account) == ["Boom"]
    assert InboundRecord.objects.get(state=InboundRecord.State.FAILED).payload["subject"] == "Boom"


def test_a_batch_also_ends_at_its_size_limit_so_large_mails_are_never_all_in_memory(
    imap_server, account, mailbox, monkeypatch
):
    sizes = []
    ingest_many = mailboxes.ingest_many

    def measured(raws, **kwargs):
        sizes.append([len(raw) for raw in raws])
        return ingest_many(raws, **kwargs)

    monkeypatch.setattr(mailboxes, "ingest_many", measured)
    monkeypatch.setattr(mailboxes, "POLL_BATCH_BYTES", 6000)
    padding = "x" * 2500
    for subject in ("One", "Two", "Three", "Four", "Five"):
        imap_server.append(account, mail(subject, body=padding, sender=f"{subject.lower()}@mail.example").as_bytes())
    big = mail("Big", body="y" * 9000, sender="big@mail.example").as_bytes()
    imap_server.append(account, big)

    result = mailboxes.poll(mailbox)

    assert (result.fetched, result.processed, result.failed) == (6, 6, 0)
    assert [len(batch) for batch in sizes] == [2, 2, 1, 1]  # two of ~2.8 kB fit 6 kB; the big one goes alone
    assert all(sum(batch) <= 6000 for batch in sizes if len(batch) > 1)
    assert imap_server.unseen_subjects(account) == []
    assert Ticket.objects.count() == 6


def test_batches_count_mails_and_bytes():
    pending = iter([(n, b"m" * size) for n, size in enumerate([10, 10, 10, 30, 10, 10, 10, 10])])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mailboxes, "POLL_BATCH", 3)
        patch.setattr(mailboxes, "POLL_BATCH_BYTES", 25)
        batches = [[key for key, _raw in batch] for batch in mailboxes._batches(pending)]
    assert batches == [[0, 1], [2], [3], [4, 5], [6, 7]]  # by size; the 30-byte mail alone
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mailboxes, "POLL_BATCH", 3)
        batches = [len(batch) for batch in mailboxes._batches(iter([(n, b"m") for n in range(7)]))]
    assert batches == [3, 3, 1]  # by count
