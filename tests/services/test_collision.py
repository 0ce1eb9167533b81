"""A reply on a ticket that changed since the agent loaded it is stopped (workflow.reply's change check)."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections

from wagtail_helpdesk.exceptions import TicketChanged
from wagtail_helpdesk.models import Message, OutboundMessage, Ticket
from wagtail_helpdesk.services import intake, presence, workflow
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message, make_agent

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return QueueFactory(slug="returns", name="Returns", is_default=True)


@pytest.fixture
def ticket(queue):
    return intake.receive(inbound_message(sender_email="anna@mail.example", subject="Kettle leaks")).ticket


@pytest.fixture
def olena(queue):
    return make_agent(queue, username="olena", first_name="Olena")


@pytest.fixture
def piotr(queue):
    return make_agent(queue, username="piotr", first_name="Piotr")


def replies(ticket) -> int:
    return ticket.messages.filter(kind=Message.Kind.REPLY).count()


def test_reply_with_the_latest_message_seen_is_sent(ticket, olena):
    seen = workflow.last_message_id(ticket)

    workflow.reply(ticket, by=olena, body_text="On its way.", expected_last_message_id=seen)

    assert replies(ticket) == 1


def test_new_customer_message_stops_the_reply_and_names_it(ticket, olena):
    seen = workflow.last_message_id(ticket)
    newer = intake.receive(
        inbound_message(sender_email="anna@mail.example", ticket_reference=ticket.reference, body_text="Never mind!")
    ).message

    with pytest.raises(TicketChanged) as stopped:
        workflow.reply(ticket, by=olena, body_text="On its way.", expected_last_message_id=seen)

    assert stopped.value.new_message_ids == [newer.pk]
    assert ticket.reference in str(stopped.value)
    assert replies(ticket) == 0
    assert not OutboundMessage.objects.filter(kind=OutboundMessage.Kind.REPLY).exists()


def test_another_agents_reply_stops_the_reply(ticket, olena, piotr):
    seen = workflow.last_message_id(ticket)
    workflow.reply(ticket, by=piotr, body_text="I've got this one.")

    with pytest.raises(TicketChanged):
        workflow.reply(ticket, by=olena, body_text="On its way.", expected_last_message_id=seen)

    assert replies(ticket) == 1


def test_internal_notes_and_the_agents_own_replies_do_not_stop_it(ticket, olena, piotr):
    seen = workflow.last_message_id(ticket)
    workflow.add_note(ticket, by=piotr, body_text="FYI: courier strike.")
    workflow.reply(ticket, by=olena, body_text="First part.")

    workflow.reply(ticket, by=olena, body_text="Second part.", expected_last_message_id=seen)

    assert replies(ticket) == 2


def test_sending_anyway_after_seeing_the_new_messages_works(ticket, olena, piotr):
    seen = workflow.last_message_id(ticket)
    workflow.reply(ticket, by=piotr, body_text="I've got this one.")
    with pytest.raises(TicketChanged):
        workflow.reply(ticket, by=olena, body_text="Mine.", expected_last_message_id=seen)

    workflow.reply(ticket, by=olena, body_text="Mine.", expected_last_message_id=workflow.last_message_id(ticket))

    assert replies(ticket) == 2


def test_without_an_expectation_nothing_is_checked(ticket, olena, piotr):
    workflow.reply(ticket, by=piotr, body_text="One.")
    workflow.reply(ticket, by=olena, body_text="Two.")

    assert replies(ticket) == 2


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_replies_on_postgresql_send_only_one(postgres, queue):
    ticket = intake.receive(inbound_message(sender_email="anna@mail.example")).ticket
    agents = [make_agent(queue, username=f"agent{n}") for n in range(2)]
    seen = workflow.last_message_id(ticket)
    barrier = threading.Barrier(2)
    outcomes = []

    def answer(agent):
        try:
            barrier.wait()
            fresh = Ticket.objects.select_related("customer", "queue").get(pk=ticket.pk)
            workflow.reply(fresh, by=agent, body_text=f"From {agent.username}", expected_last_message_id=seen)
            outcomes.append("sent")
        except TicketChanged:
            outcomes.append("stopped")
        finally:
            close_old_connections()

    threads = [threading.Thread(target=answer, args=(agent,)) for agent in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(outcomes) == ["sent", "stopped"]
    assert replies(ticket) == 1


def test_presence_lists_other_agents_and_who_is_typing(ticket, olena, piotr):
    presence.touch(ticket.pk, olena)
    presence.touch(ticket.pk, piotr, typing=True)

    assert presence.others(ticket.pk, olena) == [
        presence.Presence(user_id=piotr.pk, name="Piotr " + piotr.last_name, typing=True)
    ]
    assert [p.name for p in presence.others(ticket.pk, piotr)] == [f"Olena {olena.last_name}"]
    assert presence.others(ticket.pk + 1, olena) == []


def test_presence_and_typing_expire(ticket, olena, piotr):
    now = 1_000_000.0
    presence.touch(ticket.pk, piotr, typing=True, now=now)

    assert presence.others(ticket.pk, olena, now=now + presence.TYPING_TTL + 1)[0].typing is False
    assert presence.others(ticket.pk, olena, now=now + presence.VIEWING_TTL + 1) == []


def test_leaving_removes_the_agent(ticket, olena, piotr):
    presence.touch(ticket.pk, piotr)
    presence.leave(ticket.pk, piotr)

    assert presence.others(ticket.pk, olena) == []
