"""An agent drags a card on the ticket board; the status changes, and a refused move shows the server's error."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail_helpdesk.models import Status, Ticket
from wagtail_helpdesk.testing.factories import QueueFactory, TicketFactory, make_agent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def agent_page(live_server, page):
    queue = QueueFactory(name="Returns", slug="returns")
    agent = make_agent(queue, username="alice")
    agent.set_password("secret")
    agent.save()
    agent.user_permissions.add(Permission.objects.get(codename="access_admin"))
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    page.fill("#id_username", "alice")
    page.fill("#id_password", "secret")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return queue, page


def test_dragging_a_card_moves_the_ticket_and_a_refused_move_says_why(live_server, agent_page):
    queue, page = agent_page
    new = TicketFactory(queue=queue, status=Status.NEW, subject="Lid is loose")
    closed = TicketFactory(queue=queue, status=Status.CLOSED, subject="Old matter")

    page.goto(live_server.url + reverse("wagtailsnippets_wagtail_helpdesk_ticket:board"))
    # Grab the card by its top edge (its middle is the fallback form's menu).
    grab = {"x": 4, "y": 4}
    page.drag_and_drop(f'[data-ticket="{new.pk}"]', '[data-status="pending"]', source_position=grab)
    page.wait_for_selector(f'[data-status="pending"] [data-ticket="{new.pk}"]')
    page.wait_for_function(f"() => document.querySelector('#move-{new.pk}').value === 'pending'")
    assert Ticket.objects.get(pk=new.pk).status == Status.PENDING

    page.drag_and_drop(f'[data-ticket="{closed.pk}"]', '[data-status="on_hold"]', source_position=grab)
    error = page.locator("[data-board-error]")
    error.wait_for(state="visible")
    assert "cannot become" in error.inner_text()
    assert page.locator(f'[data-status="closed"] [data-ticket="{closed.pk}"]').count() == 1
    assert Ticket.objects.get(pk=closed.pk).status == Status.CLOSED
