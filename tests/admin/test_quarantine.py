"""The quarantine: failed, rejected and held mail; a manager reads it, retries it or turns it into a ticket."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import Customer, InboundRecord, Ticket
from wagtail_helpdesk.plugins.manager import get_plugin_manager
from wagtail_helpdesk.services import mailboxes, quarantine, threading, workflow

from .conftest import grant

pytestmark = pytest.mark.django_db

UNPARSABLE = b"\x00\x00\x00"  # not even a header line


def mail(
    sender="anna@mail.example", subject="Kettle", body="It leaks.", mid="<q1@mail.example>", to="support@x.example"
):
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: {mid}\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


class Exploding:
    """A classifier that is down: intake fails while ``armed``."""

    armed = True

    @hookimpl
    def helpdesk_classify_message(self, message, ticket):
        if self.armed:
            raise RuntimeError("classifier is down")


@pytest.fixture
def exploding():
    plugin = Exploding()
    get_plugin_manager().register(plugin, name="exploding")
    return plugin


@pytest.fixture
def manager(client, agent_a):
    grant(agent_a, "wagtail_helpdesk.view_inboundrecord", "wagtail_helpdesk.change_inboundrecord")
    client.force_login(agent_a)
    return client


def record_for(mid: str) -> InboundRecord:
    return InboundRecord.objects.get(external_id=mid)


def test_a_failing_intake_keeps_the_mail_as_a_failed_record_and_retry_makes_the_ticket(exploding):
    assert not mailboxes.ingest(mail())
    record = record_for("<q1@mail.example>")
    assert record.state == InboundRecord.State.FAILED and "classifier is down" in record.error
    assert not Ticket.objects.exists()

    exploding.armed = False
    result = quarantine.retry(record)

    assert result.created and result.ticket.subject == "Kettle"
    record.refresh_from_db()
    assert record.state == InboundRecord.State.PROCESSED and record.ticket == result.ticket
    assert not quarantine.listed().exists()


def test_retrying_a_processed_record_is_refused():
    mailboxes.ingest(mail())
    with pytest.raises(quarantine.NotInQuarantine):
        quarantine.retry(record_for("<q1@mail.example>"))


def test_a_mail_intake_refuses_becomes_a_plain_ticket_with_the_original_attached():
    raw = b"From: Zo\xeb <zoe@mail.example>\r\nSubject: Broken\r\nMessage-ID: <empty@mail.example>\r\n\r\n\r\n"
    assert not mailboxes.ingest(raw)  # empty: rejected
    record = quarantine.listed().get()
    # Whatever the channel makes of it, a manager can always open a ticket from it.
    result = quarantine.make_ticket(record)
    assert result.created and result.ticket.customer.email == "zoe@mail.example"
    assert Ticket.objects.count() == 1
    assert "could not be read" in result.message.body_text
    [original] = result.message.attachments.all()
    assert original.filename == "original.eml" and original.file.read() == raw


def test_an_original_that_is_no_storable_file_is_still_reachable_through_the_record():
    raw = b"From: zoe@mail.example\r\nSubject: Broken\r\nMessage-ID: <nul@mail.example>\r\n\r\n\x00\r\n"
    assert not mailboxes.ingest(raw)
    result = quarantine.make_ticket(quarantine.listed().get())
    assert not result.message.attachments.exists()  # NUL bytes: not a text file we store
    assert bytes(result.message.inbound_record.raw) == raw


def test_a_mail_with_no_sender_stays_in_quarantine_with_the_reason():
    mailboxes.ingest(mail(sender="", body="who am I"))
    record = quarantine.listed().get()
    assert record.state == InboundRecord.State.REJECTED
    with pytest.raises(InvalidInbound):
        quarantine.make_ticket(record)
    record.refresh_from_db()
    assert record.state == InboundRecord.State.REJECTED and "sender" in record.error


def test_a_held_mail_joins_the_ticket_on_retry_once_the_sender_follows_it(settings, agent_a, queue_a):
    settings.WAGTAIL_HELPDESK_UNKNOWN_SENDER_REPLY = "hold"
    queue_a.is_default = True
    queue_a.save()
    mailboxes.ingest(mail())
    ticket = Ticket.objects.get()
    stranger = mail(sender="boss@mail.example", to=threading.reply_address(ticket), mid="<q2@mail.example>")
    assert mailboxes.ingest(stranger)
    record = record_for("<q2@mail.example>")
    assert record.state == InboundRecord.State.HELD

    assert quarantine.retry(record).held  # still a stranger: held again
    boss = Customer.objects.get(email="boss@mail.example")
    workflow.add_follower(ticket, by=agent_a, customer=boss)
    result = quarantine.retry(record_for("<q2@mail.example>"))
    assert result.ticket == ticket and not result.created and result.message.author_customer == boss


def test_a_held_mail_turned_into_a_ticket_opens_one_for_its_sender(settings):
    settings.WAGTAIL_HELPDESK_UNKNOWN_SENDER_REPLY = "hold"
    mailboxes.ingest(mail())
    ticket = Ticket.objects.get()
    mailboxes.ingest(mail(sender="eve@mail.example", subject=f"Re: [{ticket.reference}]", mid="<q3@mail.example>"))
    result = quarantine.make_ticket(record_for("<q3@mail.example>"))
    assert result.created and result.ticket.customer.email == "eve@mail.example"
    assert ticket.messages.count() == 1


# ---- the admin screens -----------------------------------------------------------------------------


def test_the_quarantine_lists_what_failed_and_escapes_it(manager, exploding):
    mailboxes.ingest(mail(mid="<evil<script>alert(1)</script>@mail.example>", body="<script>alert(2)</script>"))
    page = manager.get(reverse("wagtail_helpdesk_quarantine:index"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "classifier is down" in html and "<script>alert(1)" not in html

    record = quarantine.listed().get()
    inspect = manager.get(reverse("wagtail_helpdesk_quarantine:inspect", args=[record.pk])).content.decode()
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in inspect and "<script>alert(2)" not in inspect
    assert reverse("wagtail_helpdesk_quarantine:retry", args=[record.pk]) in inspect

    download = manager.get(reverse("wagtail_helpdesk_quarantine:download", args=[record.pk]))
    assert download["Content-Disposition"].startswith("attachment;")
    assert download.content == bytes(record.raw)


def test_a_manager_retries_from_the_admin(manager, exploding):
    mailboxes.ingest(mail())
    record = quarantine.listed().get()
    url = reverse("wagtail_helpdesk_quarantine:retry", args=[record.pk])
    assert manager.get(url).status_code == 200

    exploding.armed = False
    response = manager.post(url)

    assert response.status_code == 302
    assert Ticket.objects.get().subject == "Kettle"
    assert manager.post(url).status_code == 404  # gone from quarantine


def test_a_failed_retry_says_why_and_loses_nothing(manager, exploding):
    mailboxes.ingest(mail())
    record = quarantine.listed().get()
    response = manager.post(reverse("wagtail_helpdesk_quarantine:retry", args=[record.pk]), follow=True)
    assert "classifier is down" in response.content.decode()
    record.refresh_from_db()
    assert record.state == InboundRecord.State.FAILED and record.raw


def test_turning_into_a_ticket_from_the_admin(manager):
    mailboxes.ingest(mail(sender="", body="x"))  # no sender: rejected
    mailboxes.ingest(mail(mid="<ok@mail.example>", body=""))  # empty: rejected
    record = record_for("<ok@mail.example>")
    response = manager.post(reverse("wagtail_helpdesk_quarantine:make_ticket", args=[record.pk]), follow=True)
    assert response.status_code == 200
    # An empty mail still becomes a ticket: a note and the original attached.
    ticket = Ticket.objects.get()
    assert ticket.messages.get().attachments.get().filename == "original.eml"
    record.refresh_from_db()
    assert record.state == InboundRecord.State.PROCESSED


def test_agents_without_the_permission_cannot_see_or_act(client_a, exploding):
    mailboxes.ingest(mail())
    record = quarantine.listed().get()
    for name in ("index", "inspect", "retry", "make_ticket", "download"):
        args = [] if name == "index" else [record.pk]
        url = reverse(f"wagtail_helpdesk_quarantine:{name}", args=args)
        assert client_a.get(url).status_code in (302, 403), name
    exploding.armed = False
    assert client_a.post(reverse("wagtail_helpdesk_quarantine:retry", args=[record.pk])).status_code in (302, 403)
    assert not Ticket.objects.exists()


def test_unknown_ids_are_404(manager):
    for name in ("inspect", "retry", "make_ticket", "download"):
        assert manager.get(reverse(f"wagtail_helpdesk_quarantine:{name}", args=[999999])).status_code == 404


# ---- the original of a mail on a ticket ------------------------------------------------------------


def test_an_agent_downloads_the_untrimmed_original_of_a_mail_on_their_ticket(client, agent_a, agent_b, queue_a):
    queue_a.is_default = True
    queue_a.save()
    raw = mail(body="Thanks!\r\n\r\nOn Mon, 1 Dec 2026, Support wrote:\r\n> old text")
    mailboxes.ingest(raw)
    message = Ticket.objects.get().messages.get()
    url = reverse("wagtail_helpdesk_quarantine:original", args=[message.pk])

    client.force_login(agent_a)
    page = client.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=[message.ticket_id]))
    assert url in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200 and response.content == raw
    assert response["Content-Disposition"].startswith("attachment;")

    client.force_login(agent_b)
    refused = client.get(url)
    assert refused.status_code in (302, 403) and refused.content != raw
    assert client.get(reverse("wagtail_helpdesk_quarantine:original", args=[999999])).status_code == 404
