"""Routing: admin rules choose the queue, the queue's strategy or stickiness chooses the agent."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.models import (
    AgentProfile,
    Customer,
    EventKind,
    Priority,
    Queue,
    RoutingRule,
    Status,
    Ticket,
    TicketEvent,
)
from wagtail_helpdesk.services import assignment, intake, workflow
from wagtail_helpdesk.services.events import describe_reason
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message, make_agent
from wagtail_helpdesk.testing.plugins import registered_plugin
from wagtail_helpdesk.types import Classification, RoutingDecision

pytestmark = pytest.mark.django_db


def receive(**overrides) -> Ticket:
    ticket = intake.receive(inbound_message(**overrides)).ticket
    ticket.refresh_from_db()
    return ticket


def routed(ticket: Ticket) -> dict:
    return TicketEvent.objects.get(ticket=ticket, kind=EventKind.ROUTED).data


def reason(ticket: Ticket) -> str:
    """The routing reason as an English-speaking agent reads it in the ticket's history."""
    with translation.override("en"):
        return describe_reason(routed(ticket))


class Classifier:
    """A site classifier, as a plugin would be, so rules can match what it decided."""

    def __init__(self, **decided) -> None:
        self.decided = decided

    @hookimpl
    def helpdesk_classify_message(self, message, ticket) -> Classification:
        return Classification(**self.decided)


@pytest.fixture
def general():
    return QueueFactory(name="General", slug="general", is_default=True)


@pytest.fixture
def repair_desk():
    return QueueFactory(name="Repair desk", slug="repair-desk")


# --- rules -------------------------------------------------------------------------------------------


def test_a_warranty_repair_request_goes_straight_to_the_repair_desks_technician(general, repair_desk):
    technician = make_agent(repair_desk, username="marek")
    RoutingRule.objects.create(
        name="Warranty repairs", words="warranty\ngwarancja", target_queue=repair_desk, assignee=technician
    )

    ticket = receive(subject="Warranty repair", body_text="My kettle broke after a month, it is under warranty.")

    assert ticket.queue == repair_desk
    assert ticket.assignee == technician
    assert ticket.status == Status.OPEN
    assert reason(ticket) == "rule: Warranty repairs"


@pytest.mark.parametrize(
    ("condition", "matching", "other"),
    [
        ({"channel": "email"}, {"channel": "email"}, {"channel": "web"}),
        ({"words": "REFUND"}, {"body_text": "I want a refund please"}, {"body_text": "Where is my parcel?"}),
        ({"words": "broken\nrefund"}, {"subject": "Broken lid"}, {"subject": "Question"}),
    ],
)
def test_a_rule_matches_on_channel_and_on_any_of_its_words(general, repair_desk, condition, matching, other):
    RoutingRule.objects.create(name="Rule", target_queue=repair_desk, **condition)

    assert receive(**matching).queue == repair_desk
    assert receive(**other).queue == general


@pytest.mark.parametrize(
    ("condition", "decided", "not_decided"),
    [
        ({"category": "repair"}, {"category": "Repair"}, {"category": "shipping"}),
        ({"tag": "warranty"}, {"tags": ["warranty", "kettle"]}, {"tags": ["kettle"]}),
        ({"priority": Priority.URGENT}, {"priority": Priority.URGENT}, {"priority": Priority.LOW}),
    ],
)
def test_a_rule_matches_on_what_the_classifiers_decided(general, repair_desk, condition, decided, not_decided):
    RoutingRule.objects.create(name="Rule", target_queue=repair_desk, **condition)

    with registered_plugin(Classifier(**decided)):
        assert receive().queue == repair_desk
    with registered_plugin(Classifier(**not_decided)):
        assert receive().queue == general


def test_a_rule_matches_the_customers_shop_account_pattern(general, repair_desk):
    RoutingRule.objects.create(name="Business customers", shop_account_pattern="B2B-*", target_queue=repair_desk)
    Customer.objects.create(email="firm@mail.example", shop_account="b2b-0042")
    Customer.objects.create(email="anna@mail.example", shop_account="C-17")

    assert receive(sender_email="firm@mail.example").queue == repair_desk
    assert receive(sender_email="anna@mail.example").queue == general
    assert reason(Ticket.objects.get(customer__email="firm@mail.example")) == "rule: Business customers"


def test_every_filled_condition_must_match(general, repair_desk):
    RoutingRule.objects.create(name="Mailed refunds", channel="email", words="refund", target_queue=repair_desk)

    assert receive(channel="web", body_text="refund please").queue == general
    assert receive(channel="email", body_text="refund please").queue == repair_desk


def test_the_first_matching_rule_by_order_wins_and_inactive_rules_are_ignored(general, repair_desk):
    returns = QueueFactory(name="Returns", slug="returns")
    RoutingRule.objects.create(name="Inactive", order=0, active=False, words="kettle", target_queue=general)
    RoutingRule.objects.create(name="Later", order=20, words="kettle", target_queue=returns)
    RoutingRule.objects.create(name="Earlier", order=10, words="kettle", target_queue=repair_desk)

    ticket = receive(body_text="The kettle leaks")

    assert ticket.queue == repair_desk
    assert reason(ticket) == "rule: Earlier"


def test_a_rule_sets_priority_and_adds_tags(general, repair_desk):
    RoutingRule.objects.create(
        name="Angry", words="lawyer", set_priority=Priority.URGENT, add_tags="escalated, legal", target_queue=None
    )

    ticket = receive(body_text="I will call my lawyer")

    assert ticket.queue == general
    assert ticket.priority == Priority.URGENT
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["escalated", "legal"]


def test_a_rule_without_an_assignee_lets_the_queues_strategy_pick_and_says_both(general, repair_desk):
    repair_desk.assignment_strategy = Queue.Strategy.LEAST_LOADED
    repair_desk.save()
    piotr = make_agent(repair_desk, username="piotr")
    RoutingRule.objects.create(name="Warranty repairs", words="warranty", target_queue=repair_desk)

    ticket = receive(body_text="warranty repair please")

    assert ticket.assignee == piotr
    assert reason(ticket) == "rule: Warranty repairs; least loaded: piotr (0 open)"


def test_a_rules_assignee_on_leave_is_skipped_for_the_queues_strategy(general, repair_desk):
    repair_desk.assignment_strategy = Queue.Strategy.LEAST_LOADED
    repair_desk.save()
    marek = make_agent(repair_desk, username="marek")
    piotr = make_agent(repair_desk, username="piotr")
    AgentProfile.objects.create(user=marek, on_leave=True)
    RoutingRule.objects.create(name="Warranty repairs", words="warranty", target_queue=repair_desk, assignee=marek)

    ticket = receive(body_text="warranty")

    assert ticket.assignee == piotr
    assert reason(ticket) == "rule: Warranty repairs; assignee of the rule unavailable; least loaded: piotr (0 open)"


def test_routing_costs_the_same_queries_with_fifty_rules_as_with_one(
    general, repair_desk, django_assert_max_num_queries
):
    RoutingRule.objects.create(name="Only", words="never-matches", target_queue=repair_desk)
    intake.receive(inbound_message(body_text="warm-up, fills the configuration cache"))
    with CaptureQueriesContext(connection) as one_rule:
        intake.receive(inbound_message(body_text="plain question"))
    RoutingRule.objects.bulk_create(
        RoutingRule(name=f"Rule {i}", order=i, words=f"word{i}", target_queue=repair_desk) for i in range(49)
    )
    intake.receive(inbound_message(body_text="warm-up again after the rules changed"))

    with django_assert_max_num_queries(len(one_rule)):
        ticket = intake.receive(inbound_message(body_text="plain question")).ticket

    assert ticket.queue == general


def test_saving_a_rule_takes_effect_on_the_next_ticket(general, repair_desk):
    receive(body_text="kettle")  # caches the configuration
    rule = RoutingRule.objects.create(name="Kettles", words="kettle", target_queue=repair_desk)
    assert receive(body_text="kettle").queue == repair_desk

    rule.active = False
    rule.save()
    assert receive(body_text="kettle").queue == general


# --- load-based assignment ------------------------------------------------------------------------------


@pytest.fixture
def desk():
    return QueueFactory(name="Desk", slug="desk", is_default=True, assignment_strategy=Queue.Strategy.LEAST_LOADED)


def give(agent, count: int, queue: Queue) -> None:
    for _ in range(count):
        ticket = intake.receive(inbound_message(queue=queue.slug, sender_email="filler@mail.example")).ticket
        Ticket.objects.filter(pk=ticket.pk).update(assignee=agent, status=Status.OPEN)


def test_a_new_ticket_goes_to_the_agent_with_the_fewest_active_tickets(desk):
    anna = make_agent(desk, username="anna")
    piotr = make_agent(desk, username="piotr")
    desk.assignment_strategy = Queue.Strategy.NONE
    desk.save()
    give(anna, 4, desk)
    give(piotr, 3, desk)
    desk.assignment_strategy = Queue.Strategy.LEAST_LOADED
    desk.save()

    ticket = receive()

    assert ticket.assignee == piotr
    assert reason(ticket) == "least loaded: piotr (3 open)"


def test_solved_tickets_do_not_count_as_load(desk):
    anna = make_agent(desk, username="anna")
    piotr = make_agent(desk, username="piotr")
    desk.assignment_strategy = Queue.Strategy.NONE
    desk.save()
    give(anna, 2, desk)
    Ticket.objects.filter(assignee=anna).update(status=Status.SOLVED)
    give(piotr, 1, desk)
    desk.assignment_strategy = Queue.Strategy.LEAST_LOADED
    desk.save()

    assert receive().assignee == anna


def test_agents_on_leave_get_no_new_tickets(desk):
    anna = make_agent(desk, username="anna")
    piotr = make_agent(desk, username="piotr")
    AgentProfile.objects.create(user=anna, on_leave=True)

    assert [receive().assignee for _ in range(3)] == [piotr, piotr, piotr]


def test_beyond_every_agents_limit_tickets_wait_unassigned_in_the_queue(desk):
    anna = make_agent(desk, username="anna")
    piotr = make_agent(desk, username="piotr")
    AgentProfile.objects.create(user=anna, max_open_tickets=1)
    AgentProfile.objects.create(user=piotr, max_open_tickets=2)

    tickets = [receive() for _ in range(5)]

    assert sorted(t.assignee.username for t in tickets[:3]) == ["anna", "piotr", "piotr"]
    assert [(t.queue, t.assignee, t.status) for t in tickets[3:]] == [(desk, None, Status.NEW)] * 2
    assert reason(tickets[4]) == "least loaded: no agent available, waiting in the queue"


def test_round_robin_takes_the_available_agents_in_turn(desk):
    desk.assignment_strategy = Queue.Strategy.ROUND_ROBIN
    desk.save()
    agents = [make_agent(desk, username=name) for name in ("anna", "borys", "celina")]
    AgentProfile.objects.create(user=agents[1], on_leave=True)

    assignees = [receive().assignee.username for _ in range(5)]

    assert assignees == ["anna", "celina", "anna", "celina", "anna"]
    assert reason(Ticket.objects.order_by("pk").last()) == "round robin: anna (2 open)"


def test_a_queue_without_a_strategy_leaves_tickets_for_agents_to_claim(desk):
    desk.assignment_strategy = Queue.Strategy.NONE
    desk.save()
    make_agent(desk, username="anna")

    ticket = receive()

    assert ticket.assignee is None
    assert reason(ticket) == "default queue"


# --- sticky ----------------------------------------------------------------------------------------------


def test_a_returning_customers_ticket_goes_to_the_agent_who_handled_their_last_one(desk):
    desk.sticky = True
    desk.save()
    anna = make_agent(desk, username="anna")
    make_agent(desk, username="piotr")
    first = receive(sender_email="jan@mail.example")
    workflow.assign(first, anna, by=None)
    give(anna, 5, desk)  # anna is busier than piotr, but jan is hers

    ticket = receive(sender_email="jan@mail.example")

    assert ticket.assignee == anna
    assert reason(ticket) == "sticky: last handled by anna"


def test_sticky_skips_the_last_agent_when_they_are_on_leave_or_the_queue_is_not_sticky(desk):
    anna = make_agent(desk, username="anna")
    piotr = make_agent(desk, username="piotr")
    first = receive(sender_email="jan@mail.example")
    workflow.assign(first, anna, by=None)
    give(anna, 2, desk)

    assert receive(sender_email="jan@mail.example").assignee == piotr  # not sticky: least loaded

    desk.sticky = True
    desk.save()
    AgentProfile.objects.create(user=anna, on_leave=True)
    assert receive(sender_email="jan@mail.example").assignee == piotr


# --- waiting tickets handed out ----------------------------------------------------------------------------


def test_a_waiting_ticket_goes_to_the_agent_whose_ticket_was_solved(desk, django_capture_on_commit_callbacks):
    anna = make_agent(desk, username="anna")
    AgentProfile.objects.create(user=anna, max_open_tickets=1)
    first = receive()
    waiting = receive()
    assert (first.assignee, waiting.assignee) == (anna, None)

    assert assignment.assign_waiting(desk) == 0  # anna is still at her limit
    workflow.set_status(first, Status.SOLVED, by=anna)
    assert assignment.assign_waiting(desk) == 1

    waiting.refresh_from_db()
    assert (waiting.assignee, waiting.status) == (anna, Status.OPEN)
    event = TicketEvent.objects.get(ticket=waiting, kind=EventKind.ASSIGNED)
    assert event.actor_user is None and event.data["to"] == anna.pk


def test_the_beat_task_hands_out_waiting_tickets_of_every_queue_with_a_strategy(desk):
    from wagtail_helpdesk import tasks
    from wagtail_helpdesk.beat import BEAT_SCHEDULE

    anna = make_agent(desk, username="anna")
    profile = AgentProfile.objects.create(user=anna, on_leave=True)
    waiting = [receive(), receive()]
    assert [t.assignee for t in waiting] == [None, None]
    profile.on_leave = False
    profile.save()

    assert tasks.assign_waiting_tickets.delay().get() == 2

    assert set(Ticket.objects.filter(pk__in=[t.pk for t in waiting]).values_list("assignee", flat=True)) == {anna.pk}
    assert "wagtail_helpdesk.assign_waiting_tickets" in {entry["task"] for entry in BEAT_SCHEDULE.values()}


# --- reasons are translated when shown ------------------------------------------------------------------


def test_a_composite_reason_is_stored_as_message_ids_with_their_parameters(general, repair_desk):
    repair_desk.assignment_strategy = Queue.Strategy.LEAST_LOADED
    repair_desk.save()
    marek = make_agent(repair_desk, username="marek")
    make_agent(repair_desk, username="piotr")
    AgentProfile.objects.create(user=marek, on_leave=True)
    RoutingRule.objects.create(name="Warranty repairs", words="warranty", target_queue=repair_desk, assignee=marek)

    data = routed(receive(body_text="warranty"))

    assert data["reason"] == "rule: %(rule)s"
    assert data["reason_params"] == {"rule": "Warranty repairs"}
    assert data["more_reasons"] == [
        ["assignee of the rule unavailable", {}],
        ["least loaded: %(agent)s (%(open)s open)", {"agent": "piotr", "open": 0}],
    ]


def test_a_sticky_reason_is_shown_through_gettext_in_the_readers_language(desk):
    desk.sticky = True
    desk.save()
    anna = make_agent(desk, username="anna")
    workflow.assign(receive(sender_email="jan@mail.example"), anna, by=None)

    data = routed(receive(sender_email="jan@mail.example"))

    assert (data["reason"], data["reason_params"]) == ("sticky: last handled by %(agent)s", {"agent": "anna"})
    with translation.override("pl"):
        assert describe_reason(data) == gettext("sticky: last handled by %(agent)s") % {"agent": "anna"}


def test_each_part_of_a_composite_reason_is_translated_on_its_own(general, repair_desk):
    repair_desk.assignment_strategy = Queue.Strategy.ROUND_ROBIN
    repair_desk.save()
    make_agent(repair_desk, username="piotr")
    RoutingRule.objects.create(name="Warranty repairs", words="warranty", target_queue=repair_desk)

    data = routed(receive(body_text="warranty"))

    with translation.override("pl"):
        assert describe_reason(data) == "; ".join(
            [
                gettext("rule: %(rule)s") % {"rule": "Warranty repairs"},
                gettext("round robin: %(agent)s (%(open)s open)") % {"agent": "piotr", "open": 0},
            ]
        )


def test_a_plugin_reason_with_parameters_comes_out_in_polish_from_the_catalogue(general):
    class Router:
        @hookimpl
        def helpdesk_route_ticket(self, ticket, message):
            # A message id the Polish catalogue already has, standing in for a plugin's own.
            reason = gettext_noop("into %(ref)s")
            return RoutingDecision(queue_id=general.pk, reason=reason, reason_params={"ref": "X-1"})

    with registered_plugin(Router(), name="router-with-params"):
        data = routed(receive())

    with translation.override("pl"):
        assert describe_reason(data) == "do X-1"
    with translation.override("en"):
        assert describe_reason(data) == "into X-1"


def test_a_plain_text_reason_from_an_old_event_or_a_plugin_is_shown_as_stored():
    for text in ("sticky: last handled by anna", "rule: Warranty repairs; least loaded: piotr (3 open)", "100% VIP"):
        with translation.override("pl"):
            assert describe_reason({"reason": text}) == text


def test_a_plain_text_reason_the_catalogue_knows_is_still_translated():
    with translation.override("pl"):
        assert describe_reason({"reason": "default queue"}) == "kolejka domyślna"


def test_parameters_that_do_not_fit_the_message_show_the_message_instead_of_failing():
    assert describe_reason({"reason": "rule: %(rule)s", "reason_params": {"name": "x"}}) == "rule: %(rule)s"
    assert describe_reason({"reason": "", "more_reasons": ["odd", ["ok %(n)s", {"n": 1}]]}) == "odd; ok 1"
