"""Load-based routing under concurrent arrivals (PostgreSQL only).

Counting an agent's tickets and then assigning one is a read-then-write race:
without a lock two intakes could both see an agent one below their limit.
``services.assignment.candidates`` locks the queue row and the agents'
profiles (``SELECT ... FOR UPDATE``) for the rest of the intake transaction,
so the second intake counts the first one's ticket.  These tests prove it.
"""

from __future__ import annotations

import pytest
from django.db.models import Count

from wagtail_helpdesk.models import AgentProfile, Queue, Ticket
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message, make_agent

from .test_concurrency import run_at_once

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("strategy", [Queue.Strategy.LEAST_LOADED, Queue.Strategy.ROUND_ROBIN])
def test_thirty_parallel_arrivals_never_push_an_agent_past_their_limit(postgres, strategy):
    queue = QueueFactory(slug="rush", is_default=True, assignment_strategy=strategy, sticky=True)
    limits = {"anna": 3, "piotr": 5, "olena": 4}
    for name, limit in limits.items():
        AgentProfile.objects.create(user=make_agent(queue, username=name), max_open_tickets=limit)
    arrivals = [
        inbound_message(external_id=f"rush:{i}", sender_email=f"buyer{i % 7}@mail.example", body_text=f"order {i}")
        for i in range(30)
    ]

    results, errors = run_at_once([lambda m=m: intake.receive(m) for m in arrivals])

    assert errors == []
    assert len(results) == 30
    per_agent = dict(
        Ticket.objects.filter(assignee__isnull=False)
        .values("assignee__username")
        .annotate(n=Count("pk"))
        .values_list("assignee__username", "n")
    )
    assert per_agent == limits  # every agent filled exactly to the limit, never past it
    assert Ticket.objects.filter(queue=queue, assignee__isnull=True).count() == 30 - sum(limits.values())
