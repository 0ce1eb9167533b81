"""Auto-claim: the first agent who opens a new, unassigned ticket becomes its owner."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections
from django.test import Client
from django.urls import reverse

from wagtail_helpdesk.models import EventKind, Status, Ticket
from wagtail_helpdesk.services import workflow
from wagtail_helpdesk.testing.factories import TicketFactory

from .conftest import make_admin_agent

pytestmark = pytest.mark.django_db


def ticket_url(ticket) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))


@pytest.fixture
def ticket(queue_a):
    return TicketFactory(queue=queue_a, status=Status.NEW)


def test_opening_a_new_ticket_claims_it(client_a, agent_a, ticket):
    response = client_a.get(ticket_url(ticket))

    assert response.status_code == 200
    ticket.refresh_from_db()
    assert ticket.assignee == agent_a and ticket.status == Status.OPEN
    assert ticket.events.filter(kind=EventKind.CLAIMED, actor_user=agent_a).exists()
    assert "Alice Agent" in response.content.decode().split('class="helpdesk-ticket__header"')[1].split("</header>")[0]


def test_the_second_agent_to_open_it_does_not_take_it_over(client, agent_a, queue_a, ticket):
    workflow.claim(ticket, by=agent_a)
    olena = make_admin_agent(queue_a, username="olena")
    client.force_login(olena)

    client.get(ticket_url(ticket))

    ticket.refresh_from_db()
    assert ticket.assignee == agent_a


def test_tickets_that_are_not_new_are_not_claimed(client_a, agent_a, ticket):
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.PENDING)

    client_a.get(ticket_url(ticket))

    assert Ticket.objects.get(pk=ticket.pk).assignee is None


def test_the_setting_turns_it_off(client_a, ticket, settings):
    settings.WAGTAIL_HELPDESK_AUTO_CLAIM_ON_OPEN = False

    content = client_a.get(ticket_url(ticket)).content.decode()

    assert Ticket.objects.get(pk=ticket.pk).assignee is None
    assert "Claim this ticket" in content


@pytest.mark.django_db(transaction=True)
def test_two_agents_opening_it_at_once_give_it_one_owner(postgres, queue_a):
    ticket = TicketFactory(queue=queue_a, status=Status.NEW)
    agents = [make_admin_agent(queue_a, username=f"agent{n}") for n in range(3)]
    barrier = threading.Barrier(len(agents))
    statuses = []

    def open_ticket(agent):
        try:
            client = Client()
            client.force_login(agent)
            barrier.wait()
            statuses.append(client.get(ticket_url(ticket)).status_code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=open_ticket, args=(agent,)) for agent in agents]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert statuses == [200, 200, 200]
    owner = Ticket.objects.get(pk=ticket.pk).assignee
    assert owner in agents
    assert ticket.events.filter(kind=EventKind.CLAIMED).count() == 1


def test_an_agent_of_another_queue_opening_it_gets_404_and_claims_nothing(client, agent_b, ticket):
    client.force_login(agent_b)

    assert client.get(ticket_url(ticket)).status_code == 404
    assert Ticket.objects.get(pk=ticket.pk).assignee is None
