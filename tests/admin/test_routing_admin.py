"""Routing configuration in the admin: rules in their order, agents' availability."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wagtail_helpdesk.models import AgentProfile, RoutingRule
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import inbound_message

from .conftest import grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, agent_a):
    grant(
        agent_a,
        *(
            f"wagtail_helpdesk.{action}_{model}"
            for action in ("add", "change", "view")
            for model in ("routingrule", "agentprofile")
        ),
    )
    client.force_login(agent_a)
    return client


def test_the_rules_list_shows_rules_in_the_order_they_are_tried(manager, queue_a):
    RoutingRule.objects.create(name="Tried second", order=20, target_queue=queue_a)
    RoutingRule.objects.create(name="Tried first", order=10, target_queue=queue_a)

    content = manager.get(reverse("wagtail_helpdesk_routing_rules:index")).content.decode()

    assert content.index("Tried first") < content.index("Tried second")


def test_a_rule_added_in_the_admin_routes_the_next_ticket(manager, queue_a, queue_b, agent_b):
    response = manager.post(
        reverse("wagtail_helpdesk_routing_rules:add"),
        {
            "name": "Warranty repairs",
            "order": "10",
            "active": "on",
            "words": "warranty",
            "target_queue": queue_b.pk,
            "assignee": agent_b.pk,
            "add_tags": "warranty",
        },
    )
    assert response.status_code == 302

    ticket = intake.receive(inbound_message(body_text="Repair under warranty, please")).ticket

    assert (ticket.queue, ticket.assignee) == (queue_b, agent_b)
    assert list(ticket.tags.values_list("name", flat=True)) == ["warranty"]


def test_a_manager_sends_an_agent_on_leave(manager, agent_b):
    response = manager.post(
        reverse("wagtail_helpdesk_agent_profiles:add"), {"user": agent_b.pk, "max_open_tickets": "5", "on_leave": "on"}
    )

    assert response.status_code == 302
    profile = AgentProfile.objects.get(user=agent_b)
    assert (profile.max_open_tickets, profile.on_leave) == (5, True)


def test_agents_without_the_permission_do_not_see_the_rules(client, agent_b):
    client.force_login(agent_b)

    assert client.get(reverse("wagtail_helpdesk_routing_rules:index")).status_code == 302
