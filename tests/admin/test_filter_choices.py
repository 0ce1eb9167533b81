"""The filter panel's agents, queues and tags: read once, then from the cache until one of them changes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_helpdesk.models import Tag
from wagtail_helpdesk.services import filter_choices, tags, workflow
from wagtail_helpdesk.testing.factories import QueueFactory, TicketFactory

from .conftest import make_admin_agent
from .test_ticket_list import LIST_URL

pytestmark = pytest.mark.django_db

PANEL_TABLES = ('"wagtail_helpdesk_tag"', '"wagtail_helpdesk_queue"."slug"', 'DISTINCT "auth_user"')


def panel_queries(client) -> list[str]:
    """The SQL a queue page sends for the filter panel's choices."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST_URL)
    assert response.status_code == 200
    return [q["sql"] for q in captured.captured_queries if any(table in q["sql"] for table in PANEL_TABLES)]


def test_the_second_page_reads_no_choices(client_a, queue_a):
    Tag.objects.create(name="fragile")
    assert len(panel_queries(client_a)) == 3, "the first page reads the agents, queues and tags"
    assert panel_queries(client_a) == []


def test_a_new_agent_a_renamed_agent_and_a_new_tag_show_on_the_next_page(client_a, queue_a, agent_a):
    client_a.get(LIST_URL)
    make_admin_agent(queue_a, username="carol", first_name="Carol", last_name="Newcomer")
    agent_a.first_name = "Alicia"
    agent_a.save()
    ticket = TicketFactory(queue=queue_a)
    workflow.set_tags(ticket, ["priority-customer"], by=agent_a)

    content = client_a.get(LIST_URL).content.decode()
    assert "Carol Newcomer" in content and "Alicia Agent" in content
    assert "priority-customer" in content


def test_joining_a_queue_team_offers_that_queue_and_leaving_it_takes_it_away(client_a, agent_a):
    other = QueueFactory(name="Warranty claims", slug="warranty")
    team = Group.objects.create(name="Warranty team")
    assert "Warranty claims" not in client_a.get(LIST_URL).content.decode()

    other.groups.add(team)
    agent_a.groups.add(team)
    assert "Warranty claims" in client_a.get(LIST_URL).content.decode()

    agent_a.groups.remove(team)
    assert "Warranty claims" not in client_a.get(LIST_URL).content.decode()


def test_a_login_does_not_forget_the_lists(client, agent_a, queue_a):
    client.force_login(agent_a)
    client.get(LIST_URL)
    version = filter_choices.cache.get(filter_choices.VERSION_KEY)
    client.logout()
    client.login(username="alice", password="password")  # writes last_login only
    assert filter_choices.cache.get(filter_choices.VERSION_KEY) == version


def test_tags_by_name_read_once_when_all_exist_and_creates_the_missing(django_assert_num_queries):
    Tag.objects.create(name="known")
    with django_assert_num_queries(1):
        assert [tag.name for tag in tags.named(["known"])] == ["known"]
    found = tags.named(["known", "new"])
    assert sorted(tag.name for tag in found) == ["known", "new"]
    assert Tag.objects.count() == 2
    with django_assert_num_queries(0):
        assert tags.named([]) == []
