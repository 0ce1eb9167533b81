"""Automation rules: event-driven and timed, loop-safe, templates in the customer's language."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.services.sla_helpers import make_policy
from wagtail_helpdesk.models import (
    AutomationRule,
    EventKind,
    OutboundMessage,
    Priority,
    ReplyTemplate,
    Status,
    Ticket,
    TicketEvent,
)
from wagtail_helpdesk.services import automation_timed, intake, sla_sweep, workflow
from wagtail_helpdesk.testing.factories import (
    CustomerFactory,
    QueueFactory,
    ReplyTemplateFactory,
    inbound_message,
    make_agent,
)

pytestmark = pytest.mark.django_db
Event = ReplyTemplate.Event
Trigger = AutomationRule.Trigger


@pytest.fixture
def queue():
    return QueueFactory(slug="returns", is_default=True)


@pytest.fixture
def agent(queue):
    return make_agent(queue, username="marta")


@pytest.fixture
def run_after_commit(django_capture_on_commit_callbacks):
    """Run the code with after-commit callbacks (event announcements, so automation) executed."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def rule(**fields) -> AutomationRule:
    fields.setdefault("name", f"Rule {AutomationRule.objects.count() + 1}")
    return AutomationRule.objects.create(**fields)


def open_ticket(run_after_commit, **overrides) -> Ticket:
    ticket = run_after_commit(lambda: intake.receive(inbound_message(**overrides)).ticket)
    return Ticket.objects.get(pk=ticket.pk)


def automation_events(ticket):
    return list(TicketEvent.objects.filter(ticket=ticket, kind=EventKind.AUTOMATION).order_by("pk"))


def test_a_rule_on_new_tickets_with_words_in_the_subject_sets_priority_and_tags(queue, run_after_commit):
    rule(
        name="Refunds first",
        trigger=Trigger.TICKET_CREATED,
        words="refund\nmoney back",
        set_priority=Priority.HIGH,
        add_tags="refund",
    )
    ticket = open_ticket(run_after_commit, subject="I want a REFUND")
    plain = open_ticket(run_after_commit, subject="Where is my parcel?")

    assert ticket.priority == Priority.HIGH
    assert list(ticket.tags.values_list("name", flat=True)) == ["refund"]
    [event] = automation_events(ticket)
    assert event.data["rule"] == "Refunds first"
    assert event.data["actions"] == {"priority": "done", "tags": "done"}
    assert plain.priority == Priority.NORMAL and automation_events(plain) == []
    # The rule's own changes carry the rule that made them.
    priority_event = TicketEvent.objects.get(ticket=ticket, kind=EventKind.PRIORITY)
    assert priority_event.data["automation"]["rules"] == [AutomationRule.objects.get().pk]


def test_a_rule_does_not_retrigger_itself(queue, agent, run_after_commit):
    # "Whenever the status changes, set it open": its own status change must not run it again
    # (if it did, a second "automation" event would be recorded).
    rule(trigger=Trigger.STATUS_CHANGED, set_status=Status.OPEN)
    ticket = open_ticket(run_after_commit)
    run_after_commit(lambda: workflow.set_status(ticket, Status.PENDING, by=agent))
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    statuses = TicketEvent.objects.filter(ticket=ticket, kind=EventKind.STATUS).order_by("pk")
    assert [e.data.get("automation", {}).get("depth", 0) for e in statuses] == [0, 1]
    assert len(automation_events(ticket)) == 1


def test_two_rules_undoing_each_other_stop_after_the_maximum_chain(queue, agent, run_after_commit):
    rule(name="Ping", trigger=Trigger.STATUS_CHANGED, status=Status.PENDING, set_status=Status.ON_HOLD)
    rule(name="Pong", trigger=Trigger.STATUS_CHANGED, status=Status.ON_HOLD, set_status=Status.PENDING)
    ticket = open_ticket(run_after_commit)
    run_after_commit(lambda: workflow.set_status(ticket, Status.PENDING, by=agent))
    # Agent's change, then Ping, then Pong (which sees Ping's change); Ping is in Pong's chain: stop.
    assert [e.data["rule"] for e in automation_events(ticket)] == ["Ping", "Pong"]
    assert Ticket.objects.get(pk=ticket.pk).status == Status.PENDING


def test_send_template_uses_the_customers_language(queue, agent, run_after_commit):
    ReplyTemplateFactory(
        event=Event.WAITING_ON_CUSTOMER, language="pl", subject="Czekamy na odpowiedź", body="Dzień dobry"
    )
    ReplyTemplateFactory(event=Event.WAITING_ON_CUSTOMER, language="en", subject="Waiting for you", body="Hello")
    rule(trigger=Trigger.STATUS_CHANGED, status=Status.PENDING, send_template=Event.WAITING_ON_CUSTOMER)
    CustomerFactory(email="jan@mail.example", language="pl-PL")
    CustomerFactory(email="hans@mail.example", language="de")
    polish = open_ticket(run_after_commit, sender_email="jan@mail.example", language="")
    german = open_ticket(run_after_commit, sender_email="hans@mail.example")
    for ticket in (polish, german):
        run_after_commit(lambda t=ticket: workflow.set_status(t, Status.PENDING, by=agent))
    subjects = dict(
        OutboundMessage.objects.filter(subject__in=["Czekamy na odpowiedź", "Waiting for you"]).values_list(
            "recipient", "subject"
        )
    )
    # Polish for the Polish customer; German has no template, so the site default (English).
    assert subjects == {"jan@mail.example": "Czekamy na odpowiedź", "hans@mail.example": "Waiting for you"}


def test_a_template_for_every_language_is_the_last_fallback(queue, agent, run_after_commit):
    ReplyTemplateFactory(event=Event.SOLVED, language="", subject="Solved: {{ ticket.reference }}", body="Done.")
    rule(trigger=Trigger.STATUS_CHANGED, status=Status.SOLVED, send_template=Event.SOLVED)
    ticket = open_ticket(run_after_commit, language="lt")
    run_after_commit(lambda: workflow.set_status(ticket, Status.SOLVED, by=agent))
    assert OutboundMessage.objects.filter(subject=f"Solved: {ticket.reference}").count() == 1


def test_notify_agents_names_the_queue_agents_for_an_unassigned_ticket(queue, agent, run_after_commit):
    colleague = make_agent(queue, username="olena")
    rule(trigger=Trigger.CUSTOMER_REPLIED, notify_agents=True)
    ticket = open_ticket(run_after_commit)
    open_ticket(run_after_commit, subject=f"Re: [{ticket.reference}] My order", body_text="Any news?")
    [event] = automation_events(ticket)
    assert event.data["notify"] == [agent.pk, colleague.pk]


def test_conditions_on_queue_channel_priority_and_customer_account_must_all_hold(queue, run_after_commit):
    other = QueueFactory(slug="repairs")
    rule(trigger=Trigger.TICKET_CREATED, queue=queue, channel="web", shop_account_pattern="B2B-*", add_tags="b2b")
    CustomerFactory(email="firm@mail.example", shop_account="b2b-17")
    matched = open_ticket(run_after_commit, sender_email="firm@mail.example")
    other_queue = open_ticket(run_after_commit, sender_email="firm@mail.example", queue=other.slug)
    consumer = open_ticket(run_after_commit, sender_email="someone@mail.example")
    assert list(matched.tags.values_list("name", flat=True)) == ["b2b"]
    assert not other_queue.tags.exists() and not consumer.tags.exists()


def test_an_sla_breach_can_trigger_a_rule(queue, run_after_commit):
    make_policy()
    rule(trigger=Trigger.SLA_BREACHED, add_tags="late")
    ticket = open_ticket(run_after_commit)
    Ticket.objects.filter(pk=ticket.pk).update(
        first_response_due=timezone.now() - timedelta(minutes=1), sla_check_at=timezone.now() - timedelta(minutes=1)
    )
    run_after_commit(sla_sweep.sweep)
    assert list(Ticket.objects.get(pk=ticket.pk).tags.values_list("name", flat=True)) == ["late"]


def test_a_failing_action_is_recorded_and_the_others_still_run(queue, run_after_commit):
    outsider = make_agent(QueueFactory(slug="elsewhere"), username="outsider")
    rule(trigger=Trigger.TICKET_CREATED, assign_to=outsider, add_tags="seen")
    ticket = open_ticket(run_after_commit)
    [event] = automation_events(ticket)
    assert event.data["actions"]["assign"].startswith("failed:")
    assert list(ticket.tags.values_list("name", flat=True)) == ["seen"]


def test_a_customer_pending_for_three_days_is_reminded_once(queue, agent, run_after_commit):
    ReplyTemplateFactory(event=Event.REMINDER, subject="Still there?", body="Hello {{ customer.name }}")
    rule(trigger=Trigger.PENDING_FOR, after_days=3, send_template=Event.REMINDER)
    waiting = open_ticket(run_after_commit, sender_email="slow@mail.example")
    fresh = open_ticket(run_after_commit, sender_email="quick@mail.example")
    for ticket in (waiting, fresh):
        run_after_commit(lambda t=ticket: workflow.set_status(t, Status.PENDING, by=agent))
    Ticket.objects.filter(pk=waiting.pk).update(last_activity_at=timezone.now() - timedelta(days=4))

    assert run_after_commit(automation_timed.run) == 1
    assert run_after_commit(automation_timed.run) == 0
    assert list(OutboundMessage.objects.filter(subject="Still there?").values_list("recipient", flat=True)) == [
        "slow@mail.example"
    ]


def test_solved_tickets_close_after_seven_days(queue, agent, run_after_commit):
    rule(trigger=Trigger.SOLVED_FOR, after_days=7, set_status=Status.CLOSED)
    old = open_ticket(run_after_commit, sender_email="a@mail.example")
    recent = open_ticket(run_after_commit, sender_email="b@mail.example")
    for ticket in (old, recent):
        run_after_commit(lambda t=ticket: workflow.set_status(t, Status.SOLVED, by=agent))
    Ticket.objects.filter(pk=old.pk).update(resolved_at=timezone.now() - timedelta(days=8))

    run_after_commit(automation_timed.run)

    assert Ticket.objects.get(pk=old.pk).status == Status.CLOSED
    assert Ticket.objects.get(pk=recent.pk).status == Status.SOLVED


def test_a_ticket_solved_again_is_asked_again(queue, agent, run_after_commit):
    ReplyTemplateFactory(event=Event.CSAT_REQUEST, subject="How did we do?", body="{{ csat.url_5 }}")
    rule(trigger=Trigger.SOLVED_FOR, after_days=0, send_template=Event.CSAT_REQUEST)
    ticket = open_ticket(run_after_commit)
    run_after_commit(lambda: workflow.set_status(ticket, Status.SOLVED, by=agent))
    run_after_commit(automation_timed.run)
    run_after_commit(lambda: workflow.reopen(Ticket.objects.get(pk=ticket.pk), by=agent))
    run_after_commit(lambda: workflow.set_status(Ticket.objects.get(pk=ticket.pk), Status.SOLVED, by=agent))
    run_after_commit(automation_timed.run)
    run_after_commit(automation_timed.run)
    assert OutboundMessage.objects.filter(subject="How did we do?").count() == 2
