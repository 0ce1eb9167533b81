"""How threading decides: reply address, Message-IDs, subject reference, cross-channel rule; who may join."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from django.utils import timezone

from wagtail_helpdesk.models import EventKind, InboundRecord, Message, OutboundMessage, Status, Ticket, TicketLink
from wagtail_helpdesk.plugins.email import EmailChannel
from wagtail_helpdesk.services import intake, mailboxes, threading, workflow
from wagtail_helpdesk.testing.factories import QueueFactory, ReplyTemplateFactory, inbound_message, make_agent

pytestmark = pytest.mark.django_db


def mail(
    *,
    sender: str = "anna@mail.example",
    to: str = "support@shop.example",
    subject: str = "Kettle",
    body: str = "Any news?",
    message_id: str = "",
    extra: str = "",
) -> bytes:
    message_id = message_id or f"<{abs(hash((sender, to, subject, body, extra)))}@mail.example>"
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: {message_id}\r\n{extra}"
        f"Date: Tue, 01 Dec 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    ).encode()


def receive(raw: bytes) -> intake.IntakeResult:
    return intake.receive(EmailChannel().parse(raw), raw=raw)


@pytest.fixture
def ticket():
    QueueFactory(is_default=True, email="support@shop.example")
    return receive(mail(subject="My kettle leaks", body="It leaks.")).ticket


@pytest.fixture
def agent(ticket):
    return make_agent(ticket.queue, username="ola")


# ---- the reply address -------------------------------------------------------------------


def test_reply_address_is_a_plus_address_on_the_queue_address_with_an_unguessable_token(ticket):
    address = threading.reply_address(ticket)
    assert address.startswith("support+") and address.endswith("@shop.example")
    assert ticket.reference not in address
    assert threading.ticket_for_addresses([address]) == ticket


@pytest.mark.parametrize(
    "tamper",
    [
        lambda a: a.replace("-", "-0", 1),  # token changed
        lambda a: a.replace("+", "+9", 1),  # another ticket id, same digest
        lambda a: a.split("-")[0] + "-0000000000000000@shop.example",
        lambda a: "support@shop.example",
    ],
)
def test_a_tampered_or_missing_token_names_no_ticket(ticket, tamper):
    assert threading.ticket_for_addresses([tamper(threading.reply_address(ticket))]) is None


def test_a_reply_to_the_reply_address_joins_the_ticket_whatever_the_subject(ticket):
    raw = mail(to=threading.reply_address(ticket), subject="totally different", body="More details")
    result = receive(raw)
    assert not result.created and result.ticket == ticket


def test_the_reply_address_of_another_customers_ticket_grants_nothing(ticket):
    raw = mail(sender="mallory@evil.example", to=threading.reply_address(ticket), subject="x", body="let me in")
    result = receive(raw)
    assert result.created and result.ticket != ticket
    assert not ticket.messages.filter(body_text__contains="let me in").exists()


def test_cc_to_the_reply_address_grants_nothing(ticket):
    extra = f"Cc: {threading.reply_address(ticket)}\r\n"
    result = receive(mail(sender="mallory@evil.example", subject=f"Re: [{ticket.reference}]", extra=extra))
    assert result.created and result.ticket.customer.email == "mallory@evil.example"


def test_with_hold_a_stranger_waits_in_quarantine_and_reaches_no_conversation(ticket, settings):
    settings.WAGTAIL_HELPDESK_UNKNOWN_SENDER_REPLY = "hold"
    raw = mail(sender="mallory@evil.example", to=threading.reply_address(ticket), body="let me in")
    result = receive(raw)
    assert result.held and result.message is None and result.ticket == ticket
    record = InboundRecord.objects.get(external_id=EmailChannel().parse(raw).external_id)
    assert record.state == InboundRecord.State.HELD and "mallory@evil.example" in record.error
    assert ticket.messages.count() == 1 and Ticket.objects.count() == 1
    assert receive(raw).held  # re-delivery: still held, nothing new
    assert mailboxes.ingest(raw)  # safely stored: the poller may mark it seen


def test_a_follower_may_reply_through_the_reply_address(ticket, agent):
    follower = intake.receive(inbound_message(sender_email="boss@mail.example")).ticket.customer
    workflow.add_follower(ticket, by=agent, customer=follower)
    result = receive(mail(sender="boss@mail.example", to=threading.reply_address(ticket), body="Me too"))
    assert result.ticket == ticket and not result.created


# ---- Message-IDs and references ------------------------------------------------------------


def test_in_reply_to_any_message_id_we_received_on_the_ticket_joins_it(ticket):
    first = ticket.messages.get().external_id
    result = receive(mail(subject="no ref", extra=f"In-Reply-To: {first}\r\n"))
    assert result.ticket == ticket


def test_references_to_a_message_id_we_sent_join_the_ticket(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="We are on it.")
    sent = OutboundMessage.objects.filter(ticket=ticket, kind=OutboundMessage.Kind.REPLY).get()
    result = receive(mail(subject="no ref", extra=f"References: <other@x> {sent.external_id}\r\n"))
    assert result.ticket == ticket


def test_a_reference_in_the_subject_joins_the_customers_ticket(ticket):
    assert receive(mail(subject=f"Re: [{ticket.reference}] My kettle leaks", body="again")).ticket == ticket


def test_a_reference_in_the_subject_from_a_stranger_opens_a_new_ticket(ticket):
    result = receive(mail(sender="eve@mail.example", subject=f"Re: [{ticket.reference}]", body="hi"))
    assert result.created and result.ticket != ticket


# ---- the cross-channel rule ------------------------------------------------------------------


def test_an_email_about_the_same_matter_as_a_web_form_ticket_joins_it(settings):
    settings.WAGTAIL_HELPDESK_CROSS_CHANNEL_WINDOW = 3 * 24 * 3600
    web = intake.receive(inbound_message(subject="Broken kettle lid")).ticket
    result = receive(mail(subject="Re: broken kettle lid!", body="Photo attached later"))
    assert result.ticket == web and not result.created


@pytest.mark.parametrize(
    "setup",
    ["off", "outside_window", "other_subject", "closed", "same_channel", "other_customer"],
)
def test_the_cross_channel_rule_needs_window_subject_customer_and_an_open_ticket(settings, setup):
    settings.WAGTAIL_HELPDESK_CROSS_CHANNEL_WINDOW = None if setup == "off" else 3600
    web = intake.receive(
        inbound_message(subject="Broken kettle lid", channel="email" if setup == "same_channel" else "web")
    ).ticket
    if setup == "outside_window":
        Ticket.objects.filter(pk=web.pk).update(last_activity_at=timezone.now() - timedelta(hours=2))
    if setup == "closed":
        Ticket.objects.filter(pk=web.pk).update(status=Status.CLOSED)
    subject = "Invoice address" if setup == "other_subject" else "Broken kettle lid"
    sender = "eve@mail.example" if setup == "other_customer" else "anna@mail.example"
    assert receive(mail(sender=sender, subject=subject, body="b")).created


def test_normalized_subject_drops_prefixes_and_references_of_many_clients():
    assert threading.normalized_subject("RE: Fwd: AW: Odp: [HD-000012] Zamówienie  ") == "zamówienie"
    assert threading.normalized_subject("ВІДП: Замовлення") == "замовлення"
    assert threading.similar_subjects("Re: Kettle broken", "kettle  broken")
    assert not threading.similar_subjects("Kettle broken", "Invoice wrong")


# ---- closed tickets --------------------------------------------------------------------------


def test_a_reply_to_a_closed_ticket_reopens_it_by_default(ticket):
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.CLOSED)
    result = receive(mail(subject=f"Re: [{ticket.reference}]", body="It leaks again"))
    assert result.ticket == ticket
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN


def test_with_follow_up_a_reply_to_a_closed_ticket_opens_a_linked_one(ticket, settings):
    settings.WAGTAIL_HELPDESK_CLOSED_TICKET_REPLY = "follow_up"
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.CLOSED)
    result = receive(mail(subject=f"Re: [{ticket.reference}]", body="It leaks again"))
    assert result.created and result.ticket != ticket
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED
    assert TicketLink.objects.filter(source=result.ticket, target=ticket, kind=TicketLink.Kind.RELATED).exists()
    assert result.ticket.events.filter(kind=EventKind.LINKED, data__follow_up=True).exists()


# ---- outbound headers: what makes the customer's answer come back ------------------------------


def test_our_mail_carries_message_id_thread_reply_address_and_both_parts(
    ticket, agent, smtp_mail, django_capture_on_commit_callbacks
):
    ReplyTemplateFactory()
    first_id = ticket.messages.get().external_id
    with django_capture_on_commit_callbacks(execute=True):
        receive(mail(subject=f"Re: [{ticket.reference}]", body="second", extra=f"In-Reply-To: {first_id}\r\n"))
    second_id = ticket.messages.order_by("-pk").first().external_id
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="We sent a new lid: https://shop.example/track <b>now</b>")
    received = smtp_mail.wait_for(1)
    sent = message_from_bytes(received[-1].as_bytes(), policy=policy.default)
    assert sent["Message-ID"].endswith("@shop.example>")
    assert sent["Reply-To"] == threading.reply_address(ticket)
    assert sent["In-Reply-To"] == second_id
    assert sent["References"].split() == [first_id, second_id]
    assert "Auto-Submitted" not in sent  # a person wrote this one
    html = sent.get_body(("html",)).get_content()
    assert '<a href="https://shop.example/track"' in html and "&lt;b&gt;now&lt;/b&gt;" in html
    assert "We sent a new lid" in sent.get_body(("plain",)).get_content()


def test_the_references_list_what_we_sent_and_what_the_customer_sent(smtp_mail, django_capture_on_commit_callbacks):
    QueueFactory(is_default=True, email="support@shop.example")
    with django_capture_on_commit_callbacks(execute=True):
        ticket = receive(mail(subject="Hello", body="first")).ticket
    first_id = ticket.messages.get().external_id
    acknowledgement_id = OutboundMessage.objects.get(ticket=ticket).external_id
    with django_capture_on_commit_callbacks(execute=True):
        receive(mail(subject="Re: Hello", body="second", extra=f"In-Reply-To: {acknowledgement_id}\r\n"))
    second_id = ticket.messages.order_by("-pk").first().external_id
    agent = make_agent(ticket.queue, username="ola")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="Done.")

    sent = message_from_bytes(smtp_mail.wait_for(2)[-1].as_bytes(), policy=policy.default)
    references = sent["References"].split()
    assert sorted(references) == sorted([first_id, acknowledgement_id, second_id])
    assert references[-1] == sent["In-Reply-To"] == second_id


def test_acknowledgements_are_marked_auto_replied(smtp_mail, django_capture_on_commit_callbacks):
    QueueFactory(is_default=True, email="support@shop.example")
    ReplyTemplateFactory()
    with django_capture_on_commit_callbacks(execute=True):
        ticket = receive(mail(subject="Hello", body="first")).ticket
    sent = message_from_bytes(smtp_mail.wait_for(1)[0].as_bytes(), policy=policy.default)
    assert sent["Auto-Submitted"] == "auto-replied"
    assert sent["X-Auto-Response-Suppress"] == "All"
    assert sent["In-Reply-To"] == ticket.messages.get().external_id
    # The customer answers the acknowledgement: it threads back by its Message-ID.
    answer = receive(mail(subject="whatever", body="thanks", extra=f"In-Reply-To: {sent['Message-ID']}\r\n"))
    assert answer.ticket == ticket


def test_an_agents_attachments_go_out_with_the_reply(ticket, agent, smtp_mail, django_capture_on_commit_callbacks):
    from wagtail_helpdesk.types import InboundAttachment

    pdf = InboundAttachment("lid.pdf", "application/pdf", b"%PDF-1.4 lid")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="See attached.", files=[pdf])
    sent = message_from_bytes(smtp_mail.wait_for(1)[-1].as_bytes(), policy=policy.default)
    files = [(part.get_filename(), part.get_content()) for part in sent.iter_attachments()]
    assert files == [("lid.pdf", b"%PDF-1.4 lid")]


def test_the_held_message_is_not_in_any_conversation(ticket, settings):
    settings.WAGTAIL_HELPDESK_UNKNOWN_SENDER_REPLY = "hold"
    receive(mail(sender="mallory@evil.example", subject=f"[{ticket.reference}]", body="secret probe"))
    assert not Message.objects.filter(body_text__contains="secret probe").exists()
