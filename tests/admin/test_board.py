"""The board: columns by status, the listing's filters and permissions, moving cards through the workflow."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail_helpdesk.admin.board import CARDS_PER_COLUMN
from wagtail_helpdesk.models import EventKind, Status, Ticket, TicketEvent
from wagtail_helpdesk.testing.factories import CustomerFactory, TicketFactory, UserFactory

from .conftest import grant

pytestmark = pytest.mark.django_db

BOARD_URL = reverse("wagtailsnippets_wagtail_helpdesk_ticket:board")
SCRIPT = '<script>alert("x")</script>'


def move_url(ticket: Ticket) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:board_move", args=(ticket.pk,))


def column(content: str, status: str) -> str:
    start = content.index(f'data-status="{status}"')
    end = content.find("</section>", start)
    return content[start:end]


def test_board_shows_a_column_per_status_with_the_agents_tickets(client_a, queue_a, queue_b):
    new = TicketFactory(queue=queue_a, status=Status.NEW)
    pending = TicketFactory(queue=queue_a, status=Status.PENDING)
    foreign = TicketFactory(queue=queue_b, status=Status.NEW)

    content = client_a.get(BOARD_URL).content.decode()

    assert new.reference in column(content, "new")
    assert pending.reference in column(content, "pending")
    assert foreign.reference not in content
    assert re.search(r"data-column-count>1<", column(content, "new"))


def test_board_takes_the_listing_filters(client_a, agent_a, queue_a):
    mine = TicketFactory(queue=queue_a, assignee=agent_a, status=Status.OPEN)
    TicketFactory(queue=queue_a, status=Status.OPEN)

    content = client_a.get(BOARD_URL, {"assignee": "me", "status": ["open"]}).content.decode()

    assert mine.reference in content
    assert content.count("data-ticket=") == 1
    assert 'data-status="new"' not in content  # only the filtered statuses get a column


def test_hostile_content_on_cards_is_inert(client_a, queue_a):
    TicketFactory(queue=queue_a, subject=f"S {SCRIPT}", customer=CustomerFactory(name=f"N {SCRIPT}"))

    content = client_a.get(BOARD_URL).content.decode()

    assert SCRIPT not in content
    assert "&lt;script&gt;" in content


def test_board_query_count_is_fixed_whatever_the_number_of_cards(client_a, queue_a, django_assert_max_num_queries):
    for status in (Status.NEW, Status.OPEN, Status.PENDING):
        TicketFactory(queue=queue_a, status=status)
    client_a.get(BOARD_URL)  # warm the menu's cached saved-view counts
    with django_assert_max_num_queries(25) as few:
        client_a.get(BOARD_URL)
    for status in (Status.NEW, Status.OPEN, Status.PENDING):
        for _n in range(CARDS_PER_COLUMN + 3):
            TicketFactory(queue=queue_a, status=status)

    with django_assert_max_num_queries(25) as many:
        content = client_a.get(BOARD_URL).content.decode()

    assert len(many) == len(few)
    assert column(content, "pending").count("data-ticket=") == CARDS_PER_COLUMN
    assert f"data-column-count>{CARDS_PER_COLUMN + 4}<" in column(content, "pending")


def test_an_empty_column_costs_no_query_and_a_short_one_is_newest_first(client_a, queue_a):
    now = timezone.now()
    older = TicketFactory(queue=queue_a, status=Status.PENDING)
    newer = TicketFactory(queue=queue_a, status=Status.PENDING)
    Ticket.objects.filter(pk=older.pk).update(last_activity_at=now - datetime.timedelta(hours=2))
    Ticket.objects.filter(pk=newer.pk).update(last_activity_at=now - datetime.timedelta(hours=1))
    client_a.get(BOARD_URL)

    with CaptureQueriesContext(connection) as captured:
        content = client_a.get(BOARD_URL).content.decode()

    card_queries = [
        q
        for q in captured.captured_queries
        if q["sql"].startswith('SELECT "wagtail_helpdesk_ticket"."id"') and '"wagtail_helpdesk_customer"' in q["sql"]
    ]
    assert len(card_queries) == 1, "only the pending column has cards to read"
    pending = column(content, "pending")
    assert pending.index(newer.reference) < pending.index(older.reference)
    assert column(content, "new").count("data-ticket=") == 0


def test_moving_a_card_changes_the_status_through_the_workflow(client_a, queue_a):
    ticket = TicketFactory(queue=queue_a, status=Status.NEW)

    response = client_a.post(move_url(ticket), {"status": Status.PENDING}, HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert Ticket.objects.get(pk=ticket.pk).status == Status.PENDING
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.STATUS).exists()


def test_an_illegal_move_is_a_clear_error(client_a, queue_a):
    ticket = TicketFactory(queue=queue_a, status=Status.CLOSED)

    response = client_a.post(move_url(ticket), {"status": Status.PENDING}, HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert "cannot become" in response.json()["error"]
    assert Ticket.objects.get(pk=ticket.pk).status == Status.CLOSED


def test_the_form_on_a_card_works_without_javascript(client_a, queue_a):
    ticket = TicketFactory(queue=queue_a, status=Status.NEW)

    response = client_a.post(move_url(ticket), {"status": Status.OPEN, "next_query": "assignee=me"})

    assert response.status_code == 302
    assert response["Location"] == f"{BOARD_URL}?assignee=me"
    assert Ticket.objects.get(pk=ticket.pk).status == Status.OPEN


def test_moves_need_the_csrf_token(queue_a, agent_a):
    from django.test import Client

    ticket = TicketFactory(queue=queue_a, status=Status.NEW)
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent_a)

    assert client.post(move_url(ticket), {"status": Status.OPEN}).status_code == 403
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW


def test_forged_move_of_another_queues_ticket_is_a_404(client_a, queue_b):
    foreign = TicketFactory(queue=queue_b, status=Status.NEW)

    response = client_a.post(move_url(foreign), {"status": Status.CLOSED}, HTTP_ACCEPT="application/json")

    assert response.status_code == 404
    assert Ticket.objects.get(pk=foreign.pk).status == Status.NEW


@pytest.mark.parametrize("who", ["anonymous", "customer", "editor"])
def test_outsiders_get_neither_the_board_nor_a_move(client, queue_a, who):
    ticket = TicketFactory(queue=queue_a, status=Status.NEW, subject="Private matter")
    if who == "customer":
        user = UserFactory(username="shopper")
        CustomerFactory(user=user, email="shopper@mail.example")
        client.force_login(user)
    elif who == "editor":
        user = UserFactory(username="editor")
        grant(user, "wagtailadmin.access_admin")
        client.force_login(user)

    board = client.get(BOARD_URL)
    move = client.post(move_url(ticket), {"status": Status.CLOSED})

    assert board.status_code == 302 and "Private matter" not in board.content.decode()
    assert move.status_code == 302
    assert Ticket.objects.get(pk=ticket.pk).status == Status.NEW
