import pytest

from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import (
    Customer,
    EventKind,
    InboundRecord,
    Message,
    OutboundMessage,
    Status,
    Ticket,
    TicketEvent,
)
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import QueueFactory, TicketFactory, inbound_message

pytestmark = pytest.mark.django_db


def test_new_message_opens_a_ticket_with_a_reference():
    result = intake.receive(inbound_message())
    ticket = result.ticket
    assert result.created and not result.duplicate
    assert ticket.reference == f"HD-{ticket.pk:06d}"
    assert ticket.status == Status.NEW
    assert ticket.customer.email == "anna@mail.example"
    assert result.message.kind == Message.Kind.INBOUND
    assert InboundRecord.objects.get().state == InboundRecord.State.PROCESSED


def test_new_ticket_lands_in_the_default_queue_and_records_why():
    queue = QueueFactory(is_default=True)
    ticket = intake.receive(inbound_message()).ticket
    assert ticket.queue == queue
    routed = TicketEvent.objects.get(ticket=ticket, kind=EventKind.ROUTED)
    assert routed.data["reason"] == "default queue"


def test_acknowledgement_is_queued_with_the_reference(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message()).ticket
    ack = OutboundMessage.objects.get(ticket=ticket)
    assert ack.kind == OutboundMessage.Kind.AUTO_REPLY
    assert ack.state == OutboundMessage.State.SENT
    assert len(mailoutbox) == 1
    assert ticket.reference in mailoutbox[0].subject
    assert ticket.reference in mailoutbox[0].body
    assert mailoutbox[0].to == ["anna@mail.example"]


def test_redelivery_changes_nothing():
    message = inbound_message(external_id="web:abc")
    first = intake.receive(message)
    again = intake.receive(message)
    assert again.duplicate
    assert again.ticket.pk == first.ticket.pk
    assert Ticket.objects.count() == Message.objects.count() == 1


def test_customer_reply_with_reference_joins_the_ticket_and_reopens_it():
    first = intake.receive(inbound_message())
    Ticket.objects.filter(pk=first.ticket.pk).update(status=Status.PENDING)
    reply = intake.receive(inbound_message(subject=f"Re: [{first.ticket.reference}] My order"))
    assert not reply.created
    assert reply.ticket.pk == first.ticket.pk
    assert Ticket.objects.get(pk=first.ticket.pk).status == Status.OPEN


def test_reference_from_a_stranger_opens_a_new_ticket():
    first = intake.receive(inbound_message())
    other = intake.receive(
        inbound_message(sender_email="mallory@evil.example", subject=f"Re: {first.ticket.reference}")
    )
    assert other.created
    assert other.ticket.pk != first.ticket.pk
    assert first.ticket.messages.count() == 1


def test_unknown_reference_opens_a_new_ticket():
    result = intake.receive(inbound_message(subject="About HD-999999"))
    assert result.created


def test_script_in_html_is_removed_before_storing():
    result = intake.receive(
        inbound_message(
            body_text="",
            body_html='<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:alert(2)">x</a>',
        )
    )
    html = result.message.body_html
    assert "script" not in html and "onclick" not in html and "javascript" not in html
    assert result.message.body_text.startswith("Hi")


def test_nul_and_control_characters_are_dropped():
    result = intake.receive(inbound_message(subject="Broken\x00 subject\x07", body_text="text\x00with nul"))
    assert result.ticket.subject == "Broken subject"
    assert result.message.body_text == "textwith nul"


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"body_text": ""}, "body_text"),
        ({"body_text": "x" * 200_001}, "body_text"),
        ({"sender_email": "not an address"}, "sender_email"),
        ({"sender_email": "", "sender_handle": ""}, "sender_email"),
    ],
)
def test_bad_input_is_rejected_and_nothing_half_made(overrides, field):
    with pytest.raises(InvalidInbound) as info:
        intake.receive(inbound_message(**overrides))
    assert field in info.value.errors
    assert Ticket.objects.count() == 0
    assert Message.objects.count() == 0
    assert InboundRecord.objects.get().state == InboundRecord.State.REJECTED


def test_overlong_subject_is_shortened_not_rejected():
    result = intake.receive(inbound_message(subject="a" * 1000))
    assert len(result.ticket.subject) == 255


def test_reply_to_merged_ticket_lands_on_the_survivor():
    customer = intake.receive(inbound_message()).ticket.customer
    survivor = TicketFactory(customer=customer)
    merged = TicketFactory(customer=customer, merged_into=survivor, status=Status.CLOSED)
    result = intake.receive(inbound_message(subject=f"Re: {merged.reference}"))
    assert result.ticket.pk == survivor.pk


def test_channel_handle_identifies_a_returning_customer():
    first = intake.receive(inbound_message(channel="chat", sender_email="", sender_handle="u-42"))
    second = intake.receive(inbound_message(channel="chat", sender_email="", sender_handle="u-42"))
    assert first.ticket.customer_id == second.ticket.customer_id
    assert Customer.objects.count() == 1


def test_mail_reply_is_threaded_by_the_message_id_we_sent(django_capture_on_commit_callbacks):
    from wagtail_helpdesk.models import OutboundMessage

    with django_capture_on_commit_callbacks(execute=True):
        first = intake.receive(inbound_message(channel="email", external_id="<q1@mail.example>"))
    ack_id = OutboundMessage.objects.get(ticket=first.ticket).external_id
    assert ack_id.startswith("<")
    reply = intake.receive(
        inbound_message(channel="email", external_id="<q2@mail.example>", subject="Re: thanks", reply_to=(ack_id,))
    )
    assert reply.ticket.pk == first.ticket.pk and not reply.created


def test_mail_reply_to_a_stranger_thread_opens_a_new_ticket():
    first = intake.receive(inbound_message(channel="email", external_id="<q3@mail.example>"))
    other = intake.receive(
        inbound_message(
            channel="email",
            external_id="<q4@mail.example>",
            sender_email="mallory@evil.example",
            reply_to=("<q3@mail.example>",),
        )
    )
    assert other.created and other.ticket.pk != first.ticket.pk
