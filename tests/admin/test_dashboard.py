"""The helpdesk panel on the Wagtail dashboard."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail_helpdesk.models import Status
from wagtail_helpdesk.testing.factories import TicketFactory, UserFactory

from .conftest import grant, make_admin_agent

pytestmark = pytest.mark.django_db

HOME = reverse("wagtailadmin_home")


def counts(response) -> dict[str, int]:
    content = response.content.decode()
    return {name: int(value) for name, value in re.findall(r'data-count="(\w+)">(\d+)<', content)}


@pytest.fixture
def workload(agent_a, queue_a, queue_b):
    """Alice: 2 open tickets of hers (one overdue), 1 closed; 3 unassigned in her queue; noise elsewhere."""
    colleague = make_admin_agent(queue_a, username="carol")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    TicketFactory(queue=queue_a, assignee=agent_a, status=Status.OPEN, sla_due_at=yesterday)
    TicketFactory(queue=queue_a, assignee=agent_a, status=Status.PENDING)
    TicketFactory(queue=queue_a, assignee=agent_a, status=Status.CLOSED)
    for _number in range(3):
        TicketFactory(queue=queue_a, assignee=None, status=Status.NEW)
    TicketFactory(queue=queue_a, assignee=None, status=Status.SOLVED)
    TicketFactory(queue=queue_a, assignee=colleague, status=Status.OPEN)
    TicketFactory(queue=queue_b, assignee=None, status=Status.NEW, sla_due_at=yesterday)
    TicketFactory(queue=queue_a, assignee=colleague, status=Status.SOLVED, sla_due_at=yesterday)
    TicketFactory(queue=queue_a, assignee=colleague, status=Status.OPEN, sla_due_at=yesterday)


def panel(response) -> str:
    content = response.content.decode()
    start = content.index('id="helpdesk-summary')
    return content[start : content.index("</section>", start)]


def test_agent_sees_their_open_tickets_unassigned_in_their_queues_and_overdue(client_a, workload):
    response = client_a.get(HOME)

    assert response.status_code == 200
    found = counts(response)
    assert {key: found[key] for key in ("mine", "unassigned", "overdue")} == {"mine": 2, "unassigned": 3, "overdue": 2}


def test_counts_link_to_the_matching_saved_views(client_a, workload):
    content = panel(client_a.get(HOME))
    listing = reverse("wagtailsnippets_wagtail_helpdesk_ticket:list")

    active = "status=new&amp;status=open&amp;status=pending&amp;status=on_hold"
    assert f'href="{listing}?{active}&amp;assignee=me"' in content
    assert "assignee=unassigned" in content
    assert "sla=breached" in content


def test_panel_lists_the_agents_saved_views_with_counts(client_a, agent_a, workload):
    from wagtail_helpdesk.services import saved_views

    view = saved_views.save_view(agent_a, name="Pending ones", querystring="status=pending")

    content = panel(client_a.get(HOME))

    assert "Pending ones" in content
    assert f'data-count="saved-{view.pk}">1<' in content


def test_panel_costs_one_count_query_however_many_tickets(client_a, workload, queue_a):
    from django.core.cache import cache

    cache.clear()  # both requests cold: the menu's and the panel's counts are cached for a while
    with CaptureQueriesContext(connection) as few:
        client_a.get(HOME)
    for _number in range(20):
        TicketFactory(queue=queue_a)
    cache.clear()  # the counts are cached for a while; measure a cold request again
    with CaptureQueriesContext(connection) as many:
        client_a.get(HOME)

    helpdesk_queries = [q["sql"] for q in many.captured_queries if "wagtail_helpdesk_ticket" in q["sql"]]
    assert len(helpdesk_queries) == 1
    assert "COUNT" in helpdesk_queries[0]
    assert len(many) == len(few)


def test_users_who_are_not_agents_get_no_helpdesk_panel(client):
    editor = UserFactory(username="editor")
    grant(editor, "wagtailadmin.access_admin")
    client.force_login(editor)

    response = client.get(HOME)

    assert response.status_code == 200
    assert "helpdesk-summary" not in response.content.decode()


def test_superuser_counts_cover_every_queue(client, superuser, workload):
    client.force_login(superuser)

    assert counts(client.get(HOME))["unassigned"] == 4
