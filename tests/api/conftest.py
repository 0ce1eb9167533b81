"""The cast of the API tests: agents of two queues, a manager, a customer with a site account, a channel token."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from rest_framework.test import APIClient

from wagtail_helpdesk.models import Customer
from wagtail_helpdesk.services import gateway
from wagtail_helpdesk.testing.factories import (
    CustomerFactory,
    MessageFactory,
    QueueFactory,
    TicketFactory,
    UserFactory,
    make_agent,
)

API = "/api/helpdesk/v1"


@dataclass
class Cast:
    queue: object
    other_queue: object
    agent: object
    other_agent: object
    manager: object
    customer_user: object
    customer: Customer
    other_customer: Customer
    ticket: object
    other_ticket: object
    token: str


@pytest.fixture
def cast(db) -> Cast:
    queue = QueueFactory(slug="returns", name="Returns", is_default=True)
    other_queue = QueueFactory(slug="repairs", name="Repairs")
    agent = make_agent(queue, username="agent")
    other_agent = make_agent(other_queue, username="other-agent")
    manager = UserFactory(username="manager", is_superuser=True, is_staff=True)
    customer_user = UserFactory(username="anna")
    customer = CustomerFactory(email="anna@mail.example", name="Anna", user=customer_user)
    other_customer = CustomerFactory(email="bob@mail.example", name="Bob")
    ticket = TicketFactory(queue=queue, customer=customer, subject="Kettle broken")
    MessageFactory(ticket=ticket, body_text="My kettle is broken.")
    MessageFactory(ticket=ticket, kind="note", author_user=agent, body_text="Internal: check warranty")
    other_ticket = TicketFactory(queue=other_queue, customer=other_customer, subject="Repair status")
    token = gateway.issue_token(channel="api", name="Chat widget").plaintext
    return Cast(
        queue,
        other_queue,
        agent,
        other_agent,
        manager,
        customer_user,
        customer,
        other_customer,
        ticket,
        other_ticket,
        token,
    )


def client_as(cast: Cast, who: str) -> APIClient:
    """An API client for one role: anonymous, customer, other_agent, agent, manager or token."""
    client = APIClient()
    if who == "token":
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {cast.token}")
    elif who != "anonymous":
        client.force_login(
            {
                "customer": cast.customer_user,
                "other_agent": cast.other_agent,
                "agent": cast.agent,
                "manager": cast.manager,
            }[who]
        )
    return client


@pytest.fixture
def as_role(cast):
    return lambda who: client_as(cast, who)
