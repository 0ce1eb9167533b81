"""Who may do what around one ticket: cross-queue merges, canned responses, tags."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_helpdesk.exceptions import NotAllowed
from wagtail_helpdesk.models import CannedResponse, Status, Ticket
from wagtail_helpdesk.services import workflow
from wagtail_helpdesk.testing.factories import TicketFactory

from .conftest import grant, make_admin_agent

pytestmark = pytest.mark.django_db

CANNED_LIST = reverse("wagtailsnippets_wagtail_helpdesk_cannedresponse:list")
CANNED_ADD = reverse("wagtailsnippets_wagtail_helpdesk_cannedresponse:add")


def action_url(name: str, ticket) -> str:
    return reverse(f"wagtailsnippets_wagtail_helpdesk_ticket:action_{name}", args=(ticket.pk,))


@pytest.fixture
def both_queues_agent(queue_a, queue_b):
    agent = make_admin_agent(queue_a, username="olena")
    make_admin_agent(queue_b, username="olena")  # same user, second queue's group too
    return agent


def test_an_agent_of_both_queues_cannot_merge_across_queues(both_queues_agent, queue_a, queue_b):
    source = TicketFactory(queue=queue_a)
    target = TicketFactory(queue=queue_b)

    with pytest.raises(NotAllowed):
        workflow.merge(source, target, by=both_queues_agent)

    assert Ticket.objects.get(pk=source.pk).merged_into is None


def test_a_manager_merges_across_queues(both_queues_agent, queue_a, queue_b):
    grant(both_queues_agent, "wagtail_helpdesk.change_queue")
    source = TicketFactory(queue=queue_a)
    target = TicketFactory(queue=queue_b)

    workflow.merge(source, target, by=both_queues_agent)

    assert Ticket.objects.get(pk=source.pk).merged_into == target


def test_cross_queue_merge_through_the_admin_is_an_error_message(client, both_queues_agent, queue_a, queue_b):
    source = TicketFactory(queue=queue_a)
    target = TicketFactory(queue=queue_b)
    client.force_login(both_queues_agent)

    response = client.post(action_url("merge", source), {"merge-reference": target.reference})

    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert Ticket.objects.get(pk=source.pk).merged_into is None


def test_agents_use_canned_responses_but_cannot_edit_them(client_a):
    assert client_a.get(CANNED_LIST).status_code in (302, 403)
    assert client_a.post(CANNED_ADD, {"title": "Mine", "body": "x"}).status_code in (302, 403)
    assert not CannedResponse.objects.exists()


def test_managers_edit_canned_responses_and_bad_placeholders_are_refused(client, queue_a):
    manager = make_admin_agent(queue_a, username="manager")
    grant(manager, "wagtail_helpdesk.add_cannedresponse", "wagtail_helpdesk.change_cannedresponse")
    client.force_login(manager)

    refused = client.post(CANNED_ADD, {"title": "Typo", "body": "Hi {{ custmer.name }}", "queue": ""})
    created = client.post(CANNED_ADD, {"title": "Hello", "body": "Hi {{ customer.name }}", "queue": queue_a.pk})

    assert refused.status_code == 200 and "Unknown placeholders" in refused.content.decode()
    assert created.status_code == 302
    assert list(CannedResponse.objects.values_list("title", "queue")) == [("Hello", queue_a.pk)]


def test_tags_action_replaces_the_tags(client_a, queue_a):
    ticket = TicketFactory(queue=queue_a, status=Status.OPEN)

    client_a.post(action_url("tags", ticket), {"tags-tags": "refund, kettle ,, <b>x</b>"})

    assert sorted(ticket.tags.values_list("name", flat=True)) == ["<b>x</b>", "kettle", "refund"]


def test_overlong_tag_is_a_form_error(client_a, queue_a):
    ticket = TicketFactory(queue=queue_a, status=Status.OPEN)

    response = client_a.post(action_url("tags", ticket), {"tags-tags": "x" * 51})

    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert not ticket.tags.exists()


def test_anonymous_and_customer_users_cannot_act(client, queue_a):
    from wagtail_helpdesk.testing.factories import UserFactory

    ticket = TicketFactory(queue=queue_a, status=Status.OPEN)
    for user in (None, UserFactory(username="anna")):
        if user is not None:
            client.force_login(user)
        for name in ("tags", "reply", "merge"):
            response = client.post(action_url(name, ticket), {"tags-tags": "x", "reply-body": "x"})
            assert response.status_code in (302, 403, 404)
            if response.status_code == 302:
                assert "login" in response["Location"]
    assert not ticket.tags.exists() and not ticket.messages.exists()
