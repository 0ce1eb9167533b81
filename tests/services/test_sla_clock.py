"""The SLA clock on a ticket: started by intake, recalculated on every relevant event."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from wagtail_helpdesk.models import Priority, SLAState, Status, Ticket
from wagtail_helpdesk.services import intake, sla, workflow
from wagtail_helpdesk.testing.factories import CustomerFactory, QueueFactory, inbound_message, make_agent

from .sla_helpers import make_calendar, make_policy

pytestmark = pytest.mark.django_db

NEAR = timedelta(seconds=5)


@pytest.fixture
def queue():
    return QueueFactory(slug="returns", is_default=True)


@pytest.fixture
def agent(queue):
    return make_agent(queue, username="marta")


def open_ticket(**overrides) -> Ticket:
    return intake.receive(inbound_message(**overrides)).ticket


def fresh(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)


def test_a_new_ticket_gets_first_response_and_resolution_deadlines(queue):
    make_policy()
    before = timezone.now()
    ticket = fresh(open_ticket())
    assert ticket.first_response_due - before == pytest.approx(timedelta(minutes=60), abs=NEAR)
    assert ticket.resolution_due - before == pytest.approx(timedelta(minutes=480), abs=NEAR)
    assert ticket.next_response_due is None
    assert ticket.sla_due_at == ticket.first_response_due
    # At risk after 80 % of the hour: 12 minutes before the deadline.
    assert ticket.sla_warn_at == ticket.first_response_due - timedelta(minutes=12)
    assert ticket.sla_check_at == ticket.sla_warn_at
    assert ticket.sla_state() == SLAState.ON_TRACK


def test_no_policy_means_no_deadlines(queue):
    ticket = fresh(open_ticket())
    assert (ticket.first_response_due, ticket.resolution_due, ticket.sla_due_at, ticket.sla_check_at) == (
        None,
        None,
        None,
        None,
    )


def test_the_first_policy_in_order_whose_queue_and_segment_match_applies(queue):
    other = QueueFactory(slug="repairs")
    make_policy(name="Repairs", order=0, queue=other, targets={Priority.NORMAL: (5, 5, 5)})
    make_policy(name="VIP", order=1, customer_segment="VIP-*", targets={Priority.NORMAL: (10, 10, 10)})
    make_policy(name="Everyone", order=2, targets={Priority.NORMAL: (60, 60, 60)})
    CustomerFactory(email="vip@mail.example", shop_account="vip-0042")
    vip = fresh(open_ticket(sender_email="vip@mail.example"))
    plain = fresh(open_ticket(sender_email="plain@mail.example"))
    repairs = fresh(open_ticket(sender_email="plain@mail.example", queue="repairs"))
    assert vip.first_response_due - vip.created_at == pytest.approx(timedelta(minutes=10), abs=NEAR)
    assert plain.first_response_due - plain.created_at == pytest.approx(timedelta(minutes=60), abs=NEAR)
    assert repairs.first_response_due - repairs.created_at == pytest.approx(timedelta(minutes=5), abs=NEAR)


def test_deadlines_count_business_hours_of_the_policy_calendar(queue):
    # A calendar with no working time left today or tomorrow puts the deadline after the weekend.
    calendar = make_calendar(days=[0])  # Mondays only, 8-16 Warsaw
    make_policy(calendar=calendar)
    ticket = fresh(open_ticket())
    local = ticket.first_response_due.astimezone(timezone.get_fixed_timezone(0))
    from zoneinfo import ZoneInfo

    due = ticket.first_response_due.astimezone(ZoneInfo("Europe/Warsaw"))
    assert due.weekday() == 0 and 8 <= due.hour <= 9, local


def test_an_agent_reply_meets_the_first_response_and_leaves_resolution_running(queue, agent):
    make_policy()
    ticket = open_ticket()
    workflow.reply(ticket, by=agent, body_text="We are on it.")
    ticket = fresh(ticket)
    assert ticket.first_responded_at is not None
    assert ticket.sla_due_at == ticket.resolution_due


def test_a_customer_reply_after_the_first_response_starts_the_next_response_clock(queue, agent):
    make_policy()
    ticket = open_ticket()
    workflow.reply(ticket, by=agent, body_text="Which colour was it?")
    before = timezone.now()
    open_ticket(subject=f"Re: [{ticket.reference}] My order", body_text="Red.")
    ticket = fresh(ticket)
    assert ticket.next_response_due - before == pytest.approx(timedelta(minutes=120), abs=NEAR)
    assert ticket.sla_due_at == ticket.next_response_due
    workflow.reply(ticket, by=agent, body_text="Red it is.")
    ticket = fresh(ticket)
    assert ticket.next_response_due is None
    assert ticket.sla_due_at == ticket.resolution_due


def test_waiting_on_the_customer_pauses_the_clock_and_resuming_keeps_the_remaining_time(queue, agent):
    make_policy()
    ticket = open_ticket()
    resolution_due = fresh(ticket).resolution_due
    workflow.set_status(ticket, Status.PENDING, by=agent)
    paused = fresh(ticket)
    assert paused.sla_due_at is None and paused.sla_warn_at is None and paused.sla_check_at is None
    assert paused.sla_paused_at is not None
    assert paused.resolution_due == resolution_due  # kept, not lost
    # Two hours waiting on the customer...
    Ticket.objects.filter(pk=ticket.pk).update(sla_paused_at=paused.sla_paused_at - timedelta(hours=2))
    ticket = fresh(ticket)
    workflow.set_status(ticket, Status.OPEN, by=agent)
    resumed = fresh(ticket)
    assert resumed.sla_paused_at is None
    assert resumed.sla_paused_minutes == 120
    assert resumed.resolution_due - resolution_due == pytest.approx(timedelta(hours=2), abs=NEAR)
    assert resumed.sla_due_at is not None


def test_a_customer_reply_to_a_pending_ticket_resumes_the_clock(queue, agent):
    make_policy()
    ticket = open_ticket()
    workflow.reply(ticket, by=agent, body_text="Please send a photo.", status=Status.PENDING)
    assert fresh(ticket).sla_due_at is None
    open_ticket(subject=f"Re: [{ticket.reference}] My order", body_text="Here it is.")
    ticket = fresh(ticket)
    assert ticket.status == Status.OPEN
    assert ticket.sla_paused_at is None
    assert ticket.next_response_due is not None and ticket.sla_due_at == ticket.next_response_due


def test_solving_stops_the_clock_and_reopening_runs_it_on(queue, agent):
    make_policy()
    ticket = open_ticket()
    workflow.reply(ticket, by=agent, body_text="Refunded.", status=Status.SOLVED)
    solved = fresh(ticket)
    assert solved.sla_due_at is None and solved.sla_paused_at is not None
    workflow.reopen(solved, by=agent)
    assert fresh(ticket).sla_due_at == fresh(ticket).resolution_due


def test_on_hold_pauses_only_when_the_policy_says_so(queue, agent):
    make_policy(order=1, pause_on_hold=False)
    ticket = open_ticket()
    workflow.set_status(ticket, Status.ON_HOLD, by=agent)
    assert fresh(ticket).sla_due_at is not None
    workflow.set_status(ticket, Status.OPEN, by=agent)
    make_policy(name="Hold pauses", order=0, pause_on_hold=True)
    workflow.set_status(ticket, Status.ON_HOLD, by=agent)
    assert fresh(ticket).sla_due_at is None


def test_raising_the_priority_shortens_running_deadlines(queue, agent):
    make_policy()
    ticket = open_ticket()
    workflow.set_priority(ticket, Priority.URGENT, by=agent)
    ticket = fresh(ticket)
    assert ticket.first_response_due - ticket.created_at == pytest.approx(timedelta(minutes=15), abs=NEAR)
    assert ticket.resolution_due - ticket.created_at == pytest.approx(timedelta(minutes=120), abs=NEAR)


def test_a_priority_change_moves_the_running_next_response_deadline_keeping_the_time_waited(queue, agent):
    make_policy()  # next response: NORMAL 120, HIGH 60, URGENT 30 minutes
    ticket = open_ticket()
    workflow.reply(ticket, by=agent, body_text="Which colour was it?")
    open_ticket(subject=f"Re: [{ticket.reference}] My order", body_text="Red.")
    # The customer has waited 40 of their 120 minutes: 80 left.
    due = timezone.now() + timedelta(minutes=80)
    Ticket.objects.filter(pk=ticket.pk).update(next_response_due=due)

    workflow.set_priority(fresh(ticket), Priority.HIGH, by=agent)
    high = fresh(ticket).next_response_due
    assert high - timezone.now() == pytest.approx(timedelta(minutes=60 - 40), abs=NEAR)

    workflow.set_priority(fresh(ticket), Priority.NORMAL, by=agent)  # and back: the same 80 minutes left
    assert fresh(ticket).next_response_due - timezone.now() == pytest.approx(timedelta(minutes=80), abs=NEAR)

    workflow.set_priority(fresh(ticket), Priority.URGENT, by=agent)  # 40 waited > 30: breached, 10 minutes ago
    urgent = fresh(ticket)
    assert urgent.next_response_due - timezone.now() == pytest.approx(timedelta(minutes=-10), abs=NEAR)
    assert urgent.sla_state() == SLAState.BREACHED


def test_a_breached_deadline_does_not_move_when_the_priority_changes(queue, agent):
    make_policy()
    ticket = open_ticket()
    past = timezone.now() - timedelta(minutes=1)
    Ticket.objects.filter(pk=ticket.pk).update(first_response_due=past)
    ticket = fresh(ticket)
    workflow.set_priority(ticket, Priority.LOW, by=agent)
    assert fresh(ticket).first_response_due == past


def test_moving_the_ticket_to_a_queue_with_another_policy_recalculates(queue, agent):
    repairs = QueueFactory(slug="repairs")
    make_policy(name="Repairs", order=0, queue=repairs, targets={Priority.NORMAL: (5, 5, 30)})
    make_policy(name="Everyone", order=1)
    ticket = open_ticket()
    make_agent(repairs, username="tech")
    workflow.transfer(ticket, by=agent, queue=repairs)
    ticket = fresh(ticket)
    assert ticket.first_response_due - ticket.created_at == pytest.approx(timedelta(minutes=5), abs=NEAR)


def test_recalculate_is_idempotent(queue):
    make_policy()
    ticket = fresh(open_ticket())
    assert sla.recalculate(ticket) == {}
    assert sla.recalculate(ticket) == {}


def test_editing_a_policy_reaches_the_next_ticket_without_waiting_for_the_cache(queue):
    policy = make_policy()
    open_ticket()  # caches the snapshot
    target = policy.targets.get(priority=Priority.NORMAL)
    target.first_response_minutes = 7
    target.save()
    ticket = fresh(open_ticket(sender_email="next@mail.example"))
    assert ticket.first_response_due - ticket.created_at == pytest.approx(timedelta(minutes=7), abs=NEAR)
