"""Who of a queue's agents gets a ticket: availability, load, round robin, sticky.

The routers (``plugins.sticky_router``, ``plugins.load_router``,
``plugins.rules_router``) and the periodic hand-out of waiting tickets
(:func:`assign_waiting`) share this module, so "available" means the same
everywhere: an active member of one of the queue's agent groups, not on leave,
with fewer active tickets than their ``AgentProfile.max_open_tickets`` (no
profile, or an empty limit, means no limit).

Limits hold under concurrency because :func:`candidates` locks the agent
row and its agents' profiles (``SELECT ... FOR UPDATE``, queue first, then
profiles in user-id order, so two transactions never wait on each other
crosswise) before it counts tickets: a
second intake routing to the same agents waits until the first has committed
its ticket, then counts it.  The locks last until the surrounding transaction
ends (intake and :func:`assign_waiting` both run in one).  Agents without a
profile have no limit.  The queue row also holds the round-robin pointer
(``Queue.last_assigned``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count

from ..conf import helpdesk_settings
from ..models import ACTIVE_STATUSES, AgentProfile, Queue, Status, Ticket
from .config_cache import snapshot

logger = logging.getLogger(__name__)


@dataclass
class Candidate:
    """An agent of a queue, with what routing needs to judge them."""

    user_id: int
    username: str
    open_tickets: int
    limit: int | None
    on_leave: bool

    @property
    def available(self) -> bool:
        return not self.on_leave and (self.limit is None or self.open_tickets < self.limit)


def target_queue_id(ticket: Ticket) -> int | None:
    """The queue a new ticket will land in: the one already chosen, else the default queue.

    Mirrors ``plugins.default_router`` so assignee routers can pick an agent
    of the queue the ticket will end up in.
    """
    if ticket.queue_id is not None:
        return ticket.queue_id
    config = snapshot()
    if helpdesk_settings.DEFAULT_QUEUE:
        return config.queue_ids.get(helpdesk_settings.DEFAULT_QUEUE)
    return config.default_queue_ids[0] if config.default_queue_ids else None


def candidates(queue_id: int) -> list[Candidate]:
    """The queue's agents with their active-ticket counts; queue row and profiles locked (four queries).

    Call inside a transaction; the lock is what keeps limits under concurrency.
    """
    # The queue row first, then profiles by user id: one lock order for every caller.
    Queue.objects.select_for_update().filter(pk=queue_id).values_list("pk", flat=True).first()
    agents = list(
        get_user_model()
        .objects.filter(is_active=True, groups__helpdesk_queues=queue_id)
        .distinct()
        .order_by("pk")
        .values_list("pk", "username")
    )
    if not agents:
        return []
    ids = [pk for pk, _name in agents]
    profiles = {
        p.user_id: p for p in AgentProfile.objects.select_for_update().filter(user_id__in=ids).order_by("user_id")
    }
    counts = dict(
        Ticket.objects.filter(assignee_id__in=ids, status__in=ACTIVE_STATUSES)
        .values("assignee_id")
        .annotate(n=Count("pk"))
        .values_list("assignee_id", "n")
    )
    result = []
    for pk, username in agents:
        profile = profiles.get(pk)
        result.append(
            Candidate(
                user_id=pk,
                username=username,
                open_tickets=counts.get(pk, 0),
                limit=profile.max_open_tickets if profile else None,
                on_leave=profile.on_leave if profile else False,
            )
        )
    return result


def least_loaded(agents: list[Candidate]) -> Candidate | None:
    """The available agent with the fewest active tickets (lowest id on a tie, so it is repeatable)."""
    available = [a for a in agents if a.available]
    return min(available, key=lambda a: (a.open_tickets, a.user_id)) if available else None


def round_robin(agents: list[Candidate], last_id: int | None) -> Candidate | None:
    """The next available agent after ``last_id`` in user-id order, wrapping around."""
    available = sorted((a for a in agents if a.available), key=lambda a: a.user_id)
    if not available:
        return None
    if last_id is not None:
        for agent in available:
            if agent.user_id > last_id:
                return agent
    return available[0]


def pick(queue_id: int, strategy: str) -> tuple[Candidate | None, list[Candidate]]:
    """Choose an agent of the queue by ``strategy``; also return every candidate (for the reason).

    Round robin moves the queue's pointer; the caller's transaction commits it
    together with the assignment.
    """
    if strategy == Queue.Strategy.ROUND_ROBIN:
        agents = candidates(queue_id)
        last_id = Queue.objects.filter(pk=queue_id).values_list("last_assigned", flat=True).first()
        chosen = round_robin(agents, last_id)
        if chosen is not None:
            Queue.objects.filter(pk=queue_id).update(last_assigned=chosen.user_id)
        return chosen, agents
    if strategy == Queue.Strategy.LEAST_LOADED:
        agents = candidates(queue_id)
        return least_loaded(agents), agents
    return None, []


def assign_waiting(queue: Queue) -> int:
    """Hand the queue's unassigned active tickets, oldest first, to available agents.

    Tickets wait unassigned when every agent was at their limit or on leave
    at arrival; the Celery beat task ``wagtail_helpdesk.assign_waiting_tickets``
    calls this for every queue with a strategy, so tickets go out as agents
    free up (solve, go below their limit, come back from leave).  Assignments
    go through ``workflow.assign`` with ``by=None`` (the system), so they are
    recorded like any other.  Returns how many tickets were assigned.
    """
    from . import workflow

    if queue.assignment_strategy == Queue.Strategy.NONE:
        return 0
    assigned = 0
    with transaction.atomic():
        agents = candidates(queue.pk)  # locks like intake's routing: queue row, then profiles
        last_id = Queue.objects.filter(pk=queue.pk).values_list("last_assigned", flat=True).first()
        if not any(a.available for a in agents):
            return 0
        waiting = (
            Ticket.objects.select_for_update(skip_locked=True)
            .filter(queue=queue, assignee__isnull=True, status__in=(Status.NEW, Status.OPEN), merged_into__isnull=True)
            .order_by("-priority", "created_at")
        )
        users = {}
        for ticket in waiting:
            if queue.assignment_strategy == Queue.Strategy.ROUND_ROBIN:
                chosen = round_robin(agents, last_id)
            else:
                chosen = least_loaded(agents)
            if chosen is None:
                break
            if chosen.user_id not in users:
                users[chosen.user_id] = get_user_model().objects.get(pk=chosen.user_id)
            workflow.assign(ticket, users[chosen.user_id], by=None)
            chosen.open_tickets += 1
            last_id = chosen.user_id
            assigned += 1
        if assigned and queue.assignment_strategy == Queue.Strategy.ROUND_ROBIN:
            Queue.objects.filter(pk=queue.pk).update(last_assigned=last_id)
    if assigned:
        logger.info("Assigned %d waiting tickets of queue %s", assigned, queue.slug)
    return assigned


def assign_all_waiting() -> int:
    """:func:`assign_waiting` for every queue that assigns automatically."""
    return sum(assign_waiting(queue) for queue in Queue.objects.exclude(assignment_strategy=Queue.Strategy.NONE))
