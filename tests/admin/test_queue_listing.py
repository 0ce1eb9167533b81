"""The queue's SLA column, SLA and last-activity filters, message-text search, hostile content and query budget."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from wagtail_helpdesk.models import Status, Tag, Ticket
from wagtail_helpdesk.testing.factories import CustomerFactory, MessageFactory, TicketFactory

from .test_ticket_list import LIST_URL, LISTING_QUERY_BUDGET, RESULTS_URL, listed, row

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def hours(n: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=n)


@pytest.fixture
def sla_tickets(queue_a):
    return {
        "breached": TicketFactory(queue=queue_a, status=Status.OPEN, sla_due_at=hours(-1), sla_warn_at=hours(-3)),
        "at_risk": TicketFactory(queue=queue_a, status=Status.OPEN, sla_due_at=hours(1), sla_warn_at=hours(-1)),
        "on_track": TicketFactory(queue=queue_a, status=Status.OPEN, sla_due_at=hours(5), sla_warn_at=hours(4)),
        "none": TicketFactory(queue=queue_a, status=Status.PENDING),
    }


def test_sla_column_shows_the_state_in_words_and_a_class_for_its_colour(client_a, sla_tickets):
    response = client_a.get(LIST_URL)

    breached = row(response, sla_tickets["breached"])
    assert "helpdesk-sla--breached" in breached and "Breached" in breached
    at_risk = row(response, sla_tickets["at_risk"])
    assert "helpdesk-sla--at-risk" in at_risk and "At risk" in at_risk
    assert "helpdesk-sla--on-track" in row(response, sla_tickets["on_track"])
    assert "helpdesk-sla" not in row(response, sla_tickets["none"])
    assert "wagtail_helpdesk/admin/admin.css" in response.content.decode()


@pytest.mark.parametrize("state", ["breached", "at_risk", "on_track"])
def test_sla_filter(client_a, sla_tickets, state):
    assert listed(client_a.get(RESULTS_URL, {"sla": state})) == [sla_tickets[state].reference]


def test_sla_column_sorts_by_deadline(client_a, sla_tickets):
    refs = listed(client_a.get(LIST_URL, {"ordering": "sla_due_at", "sla": ["breached"]}))
    assert refs == [sla_tickets["breached"].reference]
    dated = [sla_tickets[s].reference for s in ("breached", "at_risk", "on_track")]
    ordered = [ref for ref in listed(client_a.get(LIST_URL, {"ordering": "sla_due_at"})) if ref in dated]
    assert ordered == dated
    ordered = [ref for ref in listed(client_a.get(LIST_URL, {"ordering": "-sla_due_at"})) if ref in dated]
    assert ordered == dated[::-1]


def test_unknown_sla_state_is_refused_without_error(client_a, sla_tickets):
    response = client_a.get(RESULTS_URL, {"sla": "<b>nope</b>"})

    assert response.status_code == 200
    assert "<b>nope</b>" not in response.content.decode()


def test_last_activity_date_range_filter(client_a, queue_a):
    quiet, busy = TicketFactory(queue=queue_a), TicketFactory(queue=queue_a)
    Ticket.objects.filter(pk=quiet.pk).update(last_activity_at=timezone.now() - datetime.timedelta(days=20))
    week_ago = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()

    assert listed(client_a.get(RESULTS_URL, {"last_activity_from": week_ago})) == [busy.reference]
    assert listed(client_a.get(RESULTS_URL, {"last_activity_to": week_ago})) == [quiet.reference]


def test_search_finds_words_of_the_conversation(client_a, queue_a, queue_b):
    found = TicketFactory(queue=queue_a, subject="Order question")
    MessageFactory(ticket=found, body_text="The descaler left white flakes in the jug")
    MessageFactory(ticket=TicketFactory(queue=queue_a), body_text="Nothing relevant")
    MessageFactory(ticket=TicketFactory(queue=queue_b), body_text="white flakes in another queue")

    response = client_a.get(RESULTS_URL, {"q": "WHITE FLAKES"})

    assert listed(response) == [found.reference]


def test_search_with_hostile_or_huge_input_is_harmless(client_a, queue_a):
    TicketFactory(queue=queue_a, subject="Kettle")

    for query in (SCRIPT, "%", "_", "' OR 1=1 --", "x" * 5000, "\x00"):
        response = client_a.get(RESULTS_URL, {"q": query})
        assert response.status_code == 200
        assert SCRIPT not in response.content.decode()


def test_hostile_subject_customer_name_and_tag_render_inert(client_a, queue_a):
    customer = CustomerFactory(name=f"Eve {SCRIPT}")
    ticket = TicketFactory(queue=queue_a, subject=f"Help {SCRIPT}", customer=customer)
    ticket.tags.add(Tag.objects.create(name=f"t{SCRIPT}"[:50]))

    content = client_a.get(LIST_URL).content.decode()

    assert SCRIPT not in content
    assert "&lt;script&gt;alert(" in content


# Query budget with every filter, at 10 and 100 rows


@pytest.fixture
def busy_queue(queue_a, agent_a):
    tag = Tag.objects.create(name="warranty")
    now = timezone.now()
    for number in range(110):
        ticket = TicketFactory(
            queue=queue_a,
            assignee=agent_a,
            status=Status.OPEN,
            priority=3,
            channel="email",
            sla_due_at=now - datetime.timedelta(hours=1),
            subject=f"Kettle {number}",
        )
        ticket.tags.add(tag)
    return tag


def test_every_filter_at_once_keeps_the_query_budget_whatever_the_page_size(
    client_a, busy_queue, queue_a, django_assert_max_num_queries
):
    today = timezone.localdate().isoformat()
    filters = {
        "status": ["open", "new"],
        "queue": queue_a.pk,
        "assignee": "me",
        "priority": 3,
        "channel": "email",
        "tag": busy_queue.pk,
        "sla": "breached",
        "created_from": today,
        "created_to": today,
        "last_activity_from": today,
        "last_activity_to": today,
        "q": "kettle",
    }
    counts = {}
    # The menu's badges (saved-view and unread-notification counts) are cached per agent for
    # a few seconds; the budget is the listing's own, so start from warm badges.
    client_a.get(LIST_URL, {**filters, "per_page": 10})
    for page_size in (10, 100):
        for url in (LIST_URL, RESULTS_URL):
            with django_assert_max_num_queries(LISTING_QUERY_BUDGET) as captured:
                response = client_a.get(url, {**filters, "per_page": page_size})
            assert response.status_code == 200
            assert len(listed(response)) == page_size
            counts[page_size, url] = len(captured)

    assert counts[10, RESULTS_URL] == counts[100, RESULTS_URL]


@pytest.mark.parametrize(
    "single",
    [
        {"status": "open"},
        {"assignee": "unassigned"},
        {"priority": 3},
        {"channel": "email"},
        {"sla": "at_risk"},
        {"last_activity_from": "2020-01-01"},
        {"q": "kettle"},
    ],
    ids=lambda f: next(iter(f)),
)
def test_each_single_filter_keeps_the_query_budget(client_a, busy_queue, single, django_assert_max_num_queries):
    client_a.get(LIST_URL)  # warm the menu's briefly cached badges: the budget is the listing's own
    with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
        assert client_a.get(LIST_URL, {**single, "per_page": 100}).status_code == 200


def test_listing_links_to_the_board_with_the_current_filters(client_a, queue_a):
    content = client_a.get(LIST_URL, {"status": "open"}).content.decode()

    assert reverse("wagtailsnippets_wagtail_helpdesk_ticket:board") + "?status=open" in content


def search_plan(text: str, *, whole_reads: bool = False) -> str:
    """PostgreSQL's plan for the queue's search of ``text``, as if the tables were big."""
    from django.db import connection

    from wagtail_helpdesk.services.ticket_filters import search_q

    sql, params = Ticket.objects.filter(search_q(text)).values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        # Tables this small are cheapest read whole: forbid a scan of every row and, unless
        # ``whole_reads``, a walk of a whole index (a primary key read with a filter).
        cursor.execute("SET LOCAL enable_seqscan = off")
        if not whole_reads:
            cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.postgres
def test_postgresql_identifier_search_finds_each_part_through_its_trigram_index(postgres, queue_a):
    MessageFactory(ticket=TicketFactory(queue=queue_a), body_text="descaler order 4711")
    plan = search_plan("order 4711")

    # Each part of the search (reference, subject, the customer's name and email, the conversation)
    # is found through its trigram index, and the parts' ticket ids are combined.
    for index in (
        "helpdesk_tkt_reference_trgm",
        "helpdesk_tkt_subject_trgm",
        "helpdesk_cust_name_trgm",
        "helpdesk_cust_email_trgm",
        "helpdesk_msg_text_trgm",
    ):
        assert index in plan, plan


@pytest.mark.postgres
def test_postgresql_word_search_reads_the_conversation_through_its_trigram_index(postgres, queue_a):
    MessageFactory(ticket=TicketFactory(queue=queue_a), body_text="descaler flakes")
    plan = search_plan("flakes", whole_reads=True)

    # A word may match thousands of tickets: the ticket row's own columns are checked while the
    # list is read in its order; the conversation and the customers are searched through their indexes.
    for index in ("helpdesk_msg_text_trgm", "helpdesk_cust_name_trgm", "helpdesk_cust_email_trgm"):
        assert index in plan, plan


@pytest.mark.parametrize("text", ["HD-000123", "4711", "anna@mail.example", "flakes", "Kettle Lid"])
def test_both_search_shapes_find_the_same_tickets(client_a, queue_a, text):
    customer = CustomerFactory(name="Anna Kettle Lid", email="anna@mail.example")
    by_subject = TicketFactory(queue=queue_a, subject="Order 4711 and the kettle lid")
    by_customer = TicketFactory(queue=queue_a, customer=customer)
    by_message = TicketFactory(queue=queue_a)
    MessageFactory(ticket=by_message, body_text="the descaler left flakes, see HD-000123 and 4711")
    TicketFactory(queue=queue_a, subject="Unrelated")

    from wagtail_helpdesk.services.ticket_filters import search_q

    found = set(Ticket.objects.filter(search_q(text)).values_list("pk", flat=True))
    expected = {
        "HD-000123": {by_message.pk},
        "4711": {by_subject.pk, by_message.pk},
        "anna@mail.example": {by_customer.pk},
        "flakes": {by_message.pk},
        "Kettle Lid": {by_customer.pk, by_subject.pk},
    }[text]
    assert expected <= found and len(found) == len(expected), (text, found)


@pytest.mark.postgres
def test_postgresql_at_risk_filter_reads_both_deadlines_from_one_index(postgres, sla_tickets):
    from django.db import connection

    from wagtail_helpdesk.models import SLAState

    sql, params = Ticket.objects.sla_state(SLAState.AT_RISK).values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    # "Warned, not yet due": both bounds are conditions of the index scan, not a filter over every warned ticket.
    assert "helpdesk_tkt_sla_warn" in plan, plan
    [condition] = [line for line in plan.splitlines() if "Index Cond" in line]
    assert "sla_warn_at <=" in condition and "sla_due_at >" in condition, plan
