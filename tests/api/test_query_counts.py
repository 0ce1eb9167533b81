"""Every list endpoint costs the same number of queries for 5 rows as for 50."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from wagtail_helpdesk.models import Attachment, Message
from wagtail_helpdesk.testing.factories import (
    CustomerFactory,
    MessageFactory,
    QueueFactory,
    ReplyTemplateFactory,
    TicketFactory,
    UserFactory,
    make_agent,
)

from .conftest import API

pytestmark = pytest.mark.django_db

#: Session + user + agent check + customer check + the page + one per prefetch; no per-row query.
BUDGET = 8


def _populate(rows: int, queue, customer, agent):
    for i in range(rows):
        ticket = TicketFactory(queue=queue, customer=customer, assignee=agent)
        ticket.tags.create(name=f"tag-{rows}-{i}")
        message = MessageFactory(ticket=ticket)
        Attachment.objects.create(message=message, filename="a.txt", content_type="text/plain", size=1, sha256="0")
        queue_i = QueueFactory(slug=f"q-{rows}-{i}")
        queue_i.groups.add(*agent.groups.all())
        ReplyTemplateFactory()
        TicketFactory(queue=queue, customer=CustomerFactory())  # one more customer the agent can see
    return ticket


@pytest.fixture
def world(db):
    queue = QueueFactory(slug="main", is_default=True)
    agent = make_agent(queue, username="counted")
    customer_user = UserFactory(username="counted-customer")
    customer = CustomerFactory(email="counted@mail.example", user=customer_user)
    return queue, agent, customer, customer_user


def _many_messages(ticket, rows: int) -> None:
    for _ in range(rows):
        message = MessageFactory(ticket=ticket)
        Attachment.objects.create(message=message, filename="b.txt", content_type="text/plain", size=1, sha256="0")
        MessageFactory(ticket=ticket, kind=Message.Kind.NOTE)


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("agent", "/tickets/"),
        ("agent", "/tickets/?status=new&q=a&tag=x"),
        ("customer", "/tickets/"),
        ("manager", "/tickets/"),
        ("agent", "/tickets/{T}/messages/"),
        ("customer", "/tickets/{T}/messages/"),
        ("agent", "/customers/"),
        ("manager", "/customers/"),
        ("agent", "/customers/{C}/tickets/"),
        ("agent", "/queues/"),
        ("agent", "/templates/"),
    ],
)
def test_list_endpoints_have_a_fixed_query_count(world, django_assert_max_num_queries, rows, who, path):
    queue, agent, customer, customer_user = world
    ticket = _populate(rows, queue, customer, agent)
    _many_messages(ticket, rows)
    user = {"agent": agent, "customer": customer_user, "manager": UserFactory(username="boss", is_superuser=True)}[who]
    client = APIClient()
    client.force_login(user)
    url = (
        API
        + path.replace("{T}", ticket.reference).replace("{C}", str(customer.pk))
        + ("&" if "?" in path else "?")
        + "page_size=100"
    )
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200
    if "q=" not in path:
        assert len(response.json()["results"]) >= min(rows, 5)
