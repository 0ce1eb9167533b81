import pytest

from wagtail_helpdesk.models import Message
from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.testing.factories import CustomerFactory, QueueFactory, UserFactory, inbound_message, make_agent


@pytest.fixture
def queue(db):
    return QueueFactory(slug="general", is_default=True)


@pytest.fixture
def agent(queue):
    return make_agent(queue, username="agent-eva", first_name="Eva", last_name="Secret")


@pytest.fixture
def anna(db):
    user = UserFactory(username="anna", email="anna@mail.example")
    return CustomerFactory(email="anna@mail.example", name="Anna Nowak", user=user)


@pytest.fixture
def bob(db):
    user = UserFactory(username="bob", email="bob@mail.example")
    return CustomerFactory(email="bob@mail.example", name="Bob Other", user=user)


@pytest.fixture
def ticket(queue, anna, agent):
    """Anna's ticket: her message, an agent's reply and an internal note."""
    ticket = intake.receive(
        inbound_message(
            channel="web",
            external_id="web:first",
            sender_email="anna@mail.example",
            sender_name="Anna Nowak",
            subject="Kettle leaks",
            body_text="The kettle from order SO-1 leaks.",
        )
    ).ticket
    workflow.reply(ticket, by=agent, body_text="Please send a photo of the leak.")
    workflow.add_note(ticket, by=agent, body_text="INTERNAL: customer is a known complainer")
    ticket.refresh_from_db()
    return ticket


@pytest.fixture
def client_anna(client, anna):
    client.force_login(anna.user)
    return client


def public_messages(ticket):
    return ticket.messages.exclude(kind=Message.Kind.NOTE)
