"""The agent's notifications in the admin: listing, menu count, dashboard panel, marking read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wagtail_helpdesk.models import AgentNotification
from wagtail_helpdesk.services import agent_notifications
from wagtail_helpdesk.testing.factories import TicketFactory, UserFactory

pytestmark = pytest.mark.django_db

Kind = AgentNotification.Kind
HOSTILE = "<script>alert('pwned')</script>"
LISTING = reverse("wagtail_helpdesk_notifications:index")
MARK_ALL = reverse("wagtail_helpdesk_notifications:mark_all_read")
HOME = reverse("wagtailadmin_home")


def ticket_url(ticket) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))


@pytest.fixture
def ticket(queue_a):
    return TicketFactory(queue=queue_a, subject="Kettle leaks")


def test_listing_shows_the_agents_own_notifications_linking_to_the_ticket(client_a, agent_a, agent_b, ticket, queue_b):
    agent_notifications.notify([agent_a], ticket, Kind.NEW_TICKET)
    agent_notifications.notify([agent_b], TicketFactory(queue=queue_b, subject="Secret repairs"), Kind.NEW_TICKET)

    content = client_a.get(LISTING).content.decode()

    assert f"New ticket {ticket.reference} in Returns: Kettle leaks" in content
    assert f'href="{ticket_url(ticket)}"' in content
    assert "Secret repairs" not in content
    assert "Mark all as read" in content


def test_menu_shows_the_unread_count(client_a, agent_a, ticket):
    agent_notifications.notify([agent_a], ticket, Kind.NEW_TICKET)
    agent_notifications.notify([agent_a], ticket, Kind.MENTION)

    content = client_a.get(HOME).content.decode()

    assert "Notifications (2 unread)" in content
    assert '"Helpdesk (2)"' in content


def test_dashboard_panel_lists_unread_notifications(client_a, agent_a, ticket):
    agent_notifications.notify([agent_a], ticket, Kind.CUSTOMER_REPLY)

    content = client_a.get(HOME).content.decode()
    panel = content.split('id="helpdesk-notifications-section"')[1]

    assert "data-notifications-count>1<" in panel
    assert ticket.reference in panel and f'href="{ticket_url(ticket)}"' in panel


def test_opening_the_ticket_marks_its_notifications_read(client_a, agent_a, ticket, queue_a):
    other = TicketFactory(queue=queue_a)
    agent_notifications.notify([agent_a], ticket, Kind.CUSTOMER_REPLY)
    agent_notifications.notify([agent_a], other, Kind.CUSTOMER_REPLY)

    client_a.get(ticket_url(ticket))

    assert list(agent_notifications.unread(agent_a).values_list("ticket_id", flat=True)) == [other.pk]


def test_mark_all_read(client_a, agent_a, agent_b, ticket, queue_b):
    agent_notifications.notify([agent_a], ticket, Kind.NEW_TICKET)
    agent_notifications.notify([agent_b], TicketFactory(queue=queue_b), Kind.NEW_TICKET)

    response = client_a.post(MARK_ALL)

    assert response.status_code == 302
    assert agent_notifications.unread_count(agent_a) == 0
    assert agent_notifications.unread_count(agent_b) == 1
    assert client_a.get(MARK_ALL).status_code == 405


def test_hostile_notification_text_is_escaped_everywhere(client_a, agent_a, queue_a):
    ticket = TicketFactory(queue=queue_a, subject=HOSTILE)
    agent_notifications.notify([agent_a], ticket, Kind.NEW_TICKET)
    agent_notifications.notify([agent_a], TicketFactory(queue=queue_a), Kind.NEW_TICKET)

    for url in (LISTING, HOME):
        content = client_a.get(url).content.decode()
        assert HOSTILE not in content
        assert "&lt;script&gt;" in content


def test_notifications_are_closed_to_customers_anonymous_users_and_non_agents(client, agent_a, ticket):
    agent_notifications.notify([agent_a], ticket, Kind.NEW_TICKET)
    anonymous = client.get(LISTING)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]

    for user in (UserFactory(username="anna"), UserFactory(username="editor", is_staff=True)):
        client.force_login(user)
        response = client.get(LISTING)
        assert response.status_code in (302, 403)
        assert b"Kettle leaks" not in response.content
        client.post(MARK_ALL)
    assert agent_notifications.unread_count(agent_a) == 1


def test_superusers_see_only_their_own_notifications(client, superuser, agent_a, ticket):
    agent_notifications.notify([agent_a], ticket, Kind.NEW_TICKET)
    client.force_login(superuser)

    assert "Kettle leaks" not in client.get(LISTING).content.decode()


def test_listing_query_count_is_fixed(client_a, agent_a, queue_a, django_assert_max_num_queries):
    for _number in range(3):
        agent_notifications.notify([agent_a], TicketFactory(queue=queue_a), Kind.NEW_TICKET)
    client_a.get(LISTING)
    with django_assert_max_num_queries(25) as few:
        client_a.get(LISTING)
    for _number in range(40):
        agent_notifications.notify([agent_a], TicketFactory(queue=queue_a), Kind.NEW_TICKET)
    client_a.get(LISTING)
    with django_assert_max_num_queries(25) as many:
        client_a.get(LISTING)

    assert len(many) == len(few)


def test_agents_turn_notification_mail_off_and_on_for_themselves(client_a, agent_a, agent_b):
    url = reverse("wagtail_helpdesk_notifications:email")
    assert "Also send me my notifications by email" in client_a.get(LISTING).content.decode()

    client_a.post(url, {})
    assert agent_notifications.wants_email(agent_a) is False
    assert agent_notifications.wants_email(agent_b) is True
    client_a.post(url, {"email": "1", "user": agent_b.pk})  # a forged user id changes nothing but one's own
    assert agent_notifications.wants_email(agent_a) is True
    assert client_a.get(url).status_code == 405
