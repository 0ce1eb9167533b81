"""The SLA sweep: warnings and breaches recorded exactly once per deadline, then escalation."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail_helpdesk.models import EventKind, Priority, SLANotice, Ticket, TicketEvent
from wagtail_helpdesk.services import intake, sla_sweep, workflow
from wagtail_helpdesk.testing.factories import QueueFactory, UserFactory, inbound_message, make_agent

from .sla_helpers import make_policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return QueueFactory(slug="returns", is_default=True)


def open_ticket(**overrides) -> Ticket:
    return Ticket.objects.get(pk=intake.receive(inbound_message(**overrides)).ticket.pk)


AGED = (
    "created_at",
    "first_response_due",
    "next_response_due",
    "resolution_due",
    "sla_due_at",
    "sla_warn_at",
    "sla_check_at",
)


def age(ticket: Ticket, minutes: float) -> Ticket:
    """Let ``minutes`` pass: every stored time of the ticket moves that far into the past."""
    delta = timedelta(minutes=minutes)
    fields = {name: getattr(ticket, name) - delta for name in AGED if getattr(ticket, name) is not None}
    Ticket.objects.filter(pk=ticket.pk).update(**fields)
    return Ticket.objects.get(pk=ticket.pk)


def sla_events(ticket: Ticket, kind: str | None = None) -> list[TicketEvent]:
    kinds = [kind] if kind else [EventKind.SLA_WARNING, EventKind.SLA_BREACHED]
    return list(TicketEvent.objects.filter(ticket=ticket, kind__in=kinds).order_by("pk"))


def test_nothing_is_announced_before_the_warning_time(queue):
    make_policy()
    age(open_ticket(), 47)  # at risk after 48 minutes
    assert sla_sweep.sweep().checked == 0
    assert TicketEvent.objects.filter(kind__in=[EventKind.SLA_WARNING, EventKind.SLA_BREACHED]).count() == 0


def test_an_unassigned_ticket_at_risk_warns_the_queue_agents_once(queue):
    anna, piotr = make_agent(queue, username="anna"), make_agent(queue, username="piotr")
    make_agent(QueueFactory(slug="other"), username="outsider")
    make_policy()
    ticket = age(open_ticket(), 50)

    first = sla_sweep.sweep()
    second = sla_sweep.sweep()

    assert (first.warnings, first.breaches) == (1, 0)
    assert (second.checked, second.warnings) == (0, 0)
    [event] = sla_events(ticket)
    assert event.kind == EventKind.SLA_WARNING
    assert event.data == {
        "target": "first_response",
        "due": ticket.first_response_due.isoformat(),
        "notify": [anna.pk, piotr.pk],
        "escalation": {},
    }
    # The next thing to look at is the breach itself.
    assert Ticket.objects.get(pk=ticket.pk).sla_check_at == ticket.first_response_due


def test_an_assigned_ticket_notifies_only_its_assignee(queue):
    anna = make_agent(queue, username="anna")
    make_agent(queue, username="piotr")
    make_policy()
    ticket = open_ticket()
    workflow.assign(ticket, anna, by=anna)
    age(ticket, 50)
    sla_sweep.sweep()
    [event] = sla_events(ticket)
    assert event.data["notify"] == [anna.pk]


def test_a_breach_is_recorded_once_and_escalated_as_the_policy_says(queue):
    anna = make_agent(queue, username="anna")
    managers = Group.objects.create(name="Team leads")
    boss = UserFactory(username="boss")
    boss.groups.add(managers)
    escalation_queue = QueueFactory(slug="escalations")
    senior = make_agent(escalation_queue, username="senior")
    make_policy(notify_group=managers, raise_priority=True, reassign_to_queue=escalation_queue, reassign_to_user=senior)
    ticket = open_ticket()
    workflow.assign(ticket, anna, by=anna)
    ticket = age(ticket, 61)
    at = timezone.now()

    result = sla_sweep.sweep()
    again = sla_sweep.sweep()

    assert (result.warnings, result.breaches) == (0, 1)
    assert again.breaches == 0
    [event] = sla_events(ticket)
    assert event.kind == EventKind.SLA_BREACHED
    assert event.data["target"] == "first_response"
    assert event.data["notify"] == [anna.pk, boss.pk, senior.pk]
    assert event.data["escalation"] == {
        "policy": "Standard",
        "notify_group": managers.pk,
        "raise_priority": {"from": Priority.NORMAL, "to": Priority.HIGH},
        "queue": escalation_queue.pk,
        "assignee": senior.pk,
    }
    ticket.refresh_from_db()
    assert ticket.priority == Priority.HIGH
    assert (ticket.queue_id, ticket.assignee_id) == (escalation_queue.pk, senior.pk)
    # The escalation went through the workflow, so it is in the audit trail.
    kinds = list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", flat=True))
    assert EventKind.PRIORITY in kinds and EventKind.TRANSFERRED in kinds
    # The breached deadline did not move with the higher priority.
    assert ticket.first_response_due < at
    assert SLANotice.objects.filter(ticket=ticket, kind=SLANotice.Kind.BREACH).count() == 1


def test_a_moved_deadline_is_a_new_deadline_with_its_own_warning(queue):
    agent = make_agent(queue, username="anna")
    make_policy()
    ticket = age(open_ticket(), 20)
    sla_sweep.sweep(now=ticket.sla_warn_at + timedelta(seconds=1))
    workflow.set_priority(ticket, Priority.LOW, by=agent)  # LOW has no target: no first-response deadline
    ticket.refresh_from_db()
    assert ticket.first_response_due is None
    workflow.set_priority(ticket, Priority.HIGH, by=agent)
    ticket.refresh_from_db()  # HIGH: 30 minutes, at risk after 24; 20 have passed
    sla_sweep.sweep(now=ticket.sla_warn_at + timedelta(seconds=1))
    warnings = sla_events(ticket, EventKind.SLA_WARNING)
    assert len(warnings) == 2
    assert warnings[-1].data["due"] == ticket.first_response_due.isoformat()


def test_a_late_sweep_records_the_breach_without_a_stale_warning(queue):
    make_policy()
    ticket = age(open_ticket(), 9 * 60)
    result = sla_sweep.sweep()
    # Both first response and resolution are overdue: two breaches, no warnings.
    assert (result.warnings, result.breaches) == (0, 2)
    assert {e.data["target"] for e in sla_events(ticket)} == {"first_response", "resolution"}
    assert Ticket.objects.get(pk=ticket.pk).sla_check_at is None


def test_a_paused_ticket_is_not_announced(queue):
    agent = make_agent(queue, username="anna")
    make_policy()
    ticket = open_ticket()
    workflow.set_status(ticket, "pending", by=agent)
    age(Ticket.objects.get(pk=ticket.pk), 9 * 60)
    assert sla_sweep.sweep().checked == 0


def test_the_sweep_query_uses_one_statement_whatever_the_number_of_tickets(queue, django_assert_num_queries):
    make_policy()
    for i in range(5):
        open_ticket(sender_email=f"c{i}@mail.example")
    with django_assert_num_queries(1):
        ids = sla_sweep.due_ticket_ids(now=timezone.now() + timedelta(days=2))
    assert len(ids) == 5


@pytest.mark.django_db(transaction=True)
def test_overlapping_sweeps_on_postgresql_announce_each_deadline_once(postgres):
    from .test_concurrency import run_at_once

    queue = QueueFactory(slug="rush", is_default=True)
    make_agent(queue, username="anna")
    make_policy()
    for i in range(10):
        age(open_ticket(sender_email=f"buyer{i}@mail.example"), 61)

    results, errors = run_at_once([lambda: sla_sweep.sweep() for _ in range(6)])

    assert errors == []
    assert sum(r.breaches for r in results) == 10
    assert TicketEvent.objects.filter(kind=EventKind.SLA_BREACHED).count() == 10
    assert SLANotice.objects.count() == 10


@pytest.mark.django_db(transaction=True)
def test_overlapping_checks_of_one_ticket_hit_the_unique_key_not_a_duplicate(postgres):
    """Even without the row lock (two checks racing on the same ticket), the unique key decides."""
    from .test_concurrency import run_at_once

    queue = QueueFactory(slug="rush", is_default=True)
    make_agent(queue, username="anna")
    make_policy()
    ticket = age(open_ticket(), 61)

    results, errors = run_at_once([lambda: sla_sweep.check(ticket.pk) for _ in range(8)])

    assert errors == []
    assert sorted(len(r) for r in results) == [0] * 7 + [1]
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.SLA_BREACHED).count() == 1


def test_breached_tickets_show_as_breached_in_the_queue_filter(queue):
    make_policy()
    ticket = open_ticket()
    moment: datetime = ticket.sla_due_at + timedelta(seconds=1)
    assert list(Ticket.objects.sla_state("breached", now=moment)) == [ticket]
    assert list(Ticket.objects.sla_state("at_risk", now=ticket.sla_warn_at + timedelta(seconds=1))) == [ticket]


@pytest.fixture
def purge_broker(celery_app):
    yield
    celery_app.control.purge()


@pytest.mark.django_db(transaction=True)
def test_the_beat_tasks_run_on_a_real_worker(purge_broker, celery_worker):
    from wagtail_helpdesk.beat import BEAT_SCHEDULE
    from wagtail_helpdesk.tasks import run_timed_rules, sla_sweep_task

    assert {entry["task"] for entry in BEAT_SCHEDULE.values()} >= {
        "wagtail_helpdesk.sla_sweep",
        "wagtail_helpdesk.run_timed_rules",
    }
    queue = QueueFactory(slug="returns", is_default=True)
    make_agent(queue, username="anna")
    make_policy()
    ticket = age(open_ticket(), 61)

    assert sla_sweep_task.delay().get(timeout=30) == {"checked": 1, "warnings": 0, "breaches": 1}
    assert sla_sweep_task.delay().get(timeout=30) == {"checked": 0, "warnings": 0, "breaches": 0}
    assert run_timed_rules.delay().get(timeout=30) == 0
    assert [e.data["target"] for e in sla_events(ticket)] == ["first_response"]
