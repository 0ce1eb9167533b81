"""Saved views: built-ins, saving private and team views, counts in the listing and the menu, and who may do what."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail_helpdesk.exceptions import NotAllowed
from wagtail_helpdesk.models import SavedView, Status, Ticket
from wagtail_helpdesk.models.queues import agent_queue_ids
from wagtail_helpdesk.services import saved_views
from wagtail_helpdesk.testing.factories import CustomerFactory, TicketFactory, UserFactory

from .conftest import make_admin_agent
from .test_ticket_list import LIST_URL, listed

pytestmark = pytest.mark.django_db

SAVE_URL = reverse("wagtailsnippets_wagtail_helpdesk_ticket:save_view")
SCRIPT = '<script>alert("x")</script>'


def delete_url(view: SavedView) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:delete_view", args=(view.pk,))


def view_counts(content: str) -> dict[str, int]:
    return {key: int(n) for key, n in re.findall(r'data-count="([\w-]+)">(\d+)<', content)}


@pytest.fixture
def tickets(queue_a, queue_b, agent_a):
    return {
        "mine": TicketFactory(queue=queue_a, assignee=agent_a, status=Status.OPEN),
        "unassigned_new": TicketFactory(queue=queue_a, status=Status.NEW),
        "pending": TicketFactory(queue=queue_a, status=Status.PENDING),
        "other_queue": TicketFactory(queue=queue_b, status=Status.NEW),
    }


def test_builtin_views_are_shown_above_the_listing_with_counts(client_a, tickets):
    content = client_a.get(LIST_URL).content.decode()

    for name in ("My open tickets", "Unassigned", "New", "Overdue", "Waiting on customer"):
        assert name in content
    assert view_counts(content) == {"mine": 1, "unassigned": 2, "new": 1, "overdue": 0, "waiting": 1}


def test_each_builtin_view_link_lists_what_it_counts(client_a, tickets):
    for view in saved_views.BUILTIN_VIEWS:
        response = client_a.get(f"{LIST_URL}?{view.querystring}")
        assert len(listed(response)) == view_counts(response.content.decode())[view.key], view.key
        assert 'aria-current="page"' in response.content.decode()


def test_menu_shows_the_views_with_counts(client_a, tickets):
    content = client_a.get(reverse("wagtailadmin_home")).content.decode()

    assert "Saved views" in content
    assert "My open tickets (1)" in content
    assert "Waiting on customer (1)" in content


def test_counts_are_one_aggregate_query(agent_a, tickets, django_assert_num_queries):
    views = saved_views.views_for(agent_a)
    agent_queue_ids(agent_a)  # the agent's queues: read once per request, shared by every visibility check
    with django_assert_num_queries(1):
        counts = saved_views.counts(agent_a, views)
    assert counts["new"] == 1
    with django_assert_num_queries(0):
        saved_views.counts(agent_a, views)


@pytest.mark.parametrize(
    ("querystring", "expected"),
    [
        ("status=closed", 2),  # a status outside the built-ins' widens the common status bound
        ("priority=1", 3),  # no status at all: no bound, every visible ticket of that priority
        ("", 5),  # everything the agent sees
    ],
)
def test_a_saved_view_is_counted_whatever_statuses_the_other_views_name(
    agent_a, tickets, queue_a, querystring, expected
):
    TicketFactory(queue=queue_a, status=Status.CLOSED, priority=1)
    TicketFactory(queue=queue_a, status=Status.CLOSED, priority=1)
    Ticket.objects.filter(pk=tickets["pending"].pk).update(priority=1)
    Ticket.objects.exclude(status=Status.CLOSED).exclude(pk=tickets["pending"].pk).update(priority=2)
    saved_views.save_view(agent_a, name="Mine", querystring=querystring)
    views = saved_views.views_for(agent_a)
    counts = saved_views.counts(agent_a, views)
    assert counts[views[-1].key] == expected
    assert counts["new"] == 1 and counts["waiting"] == 1  # the built-ins are unchanged


def test_agent_saves_the_current_filters_privately(client_a, agent_a, tickets):
    form = client_a.get(SAVE_URL, {"status": "pending", "p": "3", "bogus": "1"})
    assert form.status_code == 200
    assert "status=pending" in form.content.decode()

    response = client_a.post(SAVE_URL, {"name": "Chasing", "querystring": "status=pending&p=3&bogus=1"})

    view = SavedView.objects.get()
    assert (view.owner, view.name, view.querystring, view.shared_with) == (agent_a, "Chasing", "status=pending", None)
    assert response.status_code == 302 and response["Location"].endswith("?status=pending")
    content = client_a.get(LIST_URL).content.decode()
    assert "Chasing" in content and view_counts(content)[f"saved-{view.pk}"] == 1


def test_a_private_view_is_not_seen_by_colleagues(client, agent_a, queue_a, tickets):
    saved_views.save_view(agent_a, name="Alice only", querystring="status=new")
    colleague = make_admin_agent(queue_a, username="carol")
    client.force_login(colleague)

    assert "Alice only" not in client.get(LIST_URL).content.decode()


def test_a_team_view_is_seen_by_the_team_and_me_means_the_viewer(client, agent_a, queue_a, tickets):
    team = agent_a.groups.get()
    view = saved_views.save_view(agent_a, name="Team: mine", querystring="assignee=me", shared_with=team)
    colleague = make_admin_agent(queue_a, username="carol")
    TicketFactory(queue=queue_a, assignee=colleague)
    TicketFactory(queue=queue_a, assignee=colleague)
    client.force_login(colleague)

    content = client.get(LIST_URL).content.decode()

    assert "Team: mine" in content
    assert view_counts(content)[f"saved-{view.pk}"] == 2
    assert delete_url(view) not in content  # only its owner deletes it


def test_cannot_share_with_a_team_one_is_not_in(client_a, agent_a, agent_b):
    other_team = agent_b.groups.get()

    response = client_a.post(SAVE_URL, {"name": "Sneaky", "querystring": "", "shared_with": other_team.pk})

    assert response.status_code == 200
    assert not SavedView.objects.exists()
    with pytest.raises(NotAllowed):
        saved_views.save_view(agent_a, name="Sneaky", querystring="", shared_with=other_team)


def test_a_view_needs_a_name(client_a):
    response = client_a.post(SAVE_URL, {"name": "   ", "querystring": "status=new"})

    assert response.status_code == 200
    assert not SavedView.objects.exists()


def test_hostile_view_name_renders_inert_in_listing_menu_and_dashboard(client_a, agent_a, tickets):
    saved_views.save_view(agent_a, name=f"V {SCRIPT}", querystring='status=new&q="><script>')

    for url in (LIST_URL, reverse("wagtailadmin_home")):
        content = client_a.get(url).content.decode()
        assert SCRIPT not in content
        assert '"><script>' not in content


def test_owner_deletes_their_view_and_nobody_else_can(client, agent_a, queue_a, tickets):
    view = saved_views.save_view(agent_a, name="Mine", querystring="", shared_with=agent_a.groups.get())
    colleague = make_admin_agent(queue_a, username="carol")
    client.force_login(colleague)

    client.post(delete_url(view))
    assert SavedView.objects.filter(pk=view.pk).exists()

    client.force_login(agent_a)
    client.post(delete_url(view))
    assert not SavedView.objects.filter(pk=view.pk).exists()


def test_deleting_an_unknown_view_is_an_error_message_not_a_crash(client_a):
    response = client_a.post(reverse("wagtailsnippets_wagtail_helpdesk_ticket:delete_view", args=(999999,)))

    assert response.status_code == 302


@pytest.mark.parametrize("who", ["anonymous", "customer", "other_queue_agent"])
def test_outsiders_cannot_save_or_delete_views(client, agent_a, agent_b, who, tickets):
    view = saved_views.save_view(agent_a, name="Mine", querystring="")
    if who == "customer":
        customer_user = UserFactory(username="shopper")
        CustomerFactory(user=customer_user)
        client.force_login(customer_user)
    elif who == "other_queue_agent":
        client.force_login(agent_b)

    client.post(delete_url(view))
    assert SavedView.objects.filter(pk=view.pk).exists()

    client.post(SAVE_URL, {"name": "Forged", "querystring": ""})
    if who == "other_queue_agent":  # an agent keeps views of their own, never someone else's
        assert SavedView.objects.get(name="Forged").owner == agent_b
    else:
        assert not SavedView.objects.filter(name="Forged").exists()
        assert client.get(SAVE_URL).status_code == 302


def test_clean_querystring_keeps_only_filters_and_presentation():
    kept = saved_views.clean_querystring("?status=new&status=open&evil=1&p=2&ordering=-subject&_w_filter_fragment=1")

    assert kept == "status=new&status=open&ordering=-subject"


def test_views_of_a_group_one_left_disappear(agent_a, queue_a):
    team = Group.objects.create(name="Night shift")
    agent_a.groups.add(team)
    colleague = make_admin_agent(queue_a, username="carol")
    colleague.groups.add(team)
    saved_views.save_view(colleague, name="Night", querystring="", shared_with=team)
    assert "Night" in [v.name for v in saved_views.views_for(agent_a)]

    agent_a.groups.remove(team)

    assert "Night" not in [v.name for v in saved_views.views_for(agent_a)]
