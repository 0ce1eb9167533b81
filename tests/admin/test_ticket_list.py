"""The ticket queue listing: visibility, columns, filters, search, ordering and its query budget."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from wagtail_helpdesk.models import Priority, Status, Tag, Ticket
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import CustomerFactory, TicketFactory, UserFactory, inbound_message

from .conftest import grant, make_admin_agent

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_wagtail_helpdesk_ticket:list")
RESULTS_URL = reverse("wagtailsnippets_wagtail_helpdesk_ticket:list_results")

#: Session, user, permissions, profile, agent check, count, page, filter choices... whatever the page size.
LISTING_QUERY_BUDGET = 15


def listed(response) -> list[str]:
    """References of the tickets on the page, in page order."""
    content = response.content.decode()
    found = [(content.find(f">{t.reference}<"), t.reference) for t in Ticket.objects.all()]
    return [reference for position, reference in sorted(found) if position >= 0]


def row(response, ticket: Ticket) -> str:
    """The HTML of the listing row showing ``ticket``."""
    content = response.content.decode()
    position = content.index(f">{ticket.reference}<")
    return content[content.rindex("<tr", 0, position) : content.index("</tr>", position)]


def test_agent_sees_the_tickets_of_their_queue_only(client_a, queue_a, queue_b):
    mine = TicketFactory(queue=queue_a, subject="Broken kettle")
    TicketFactory(queue=queue_b, subject="Cracked screen")

    response = client_a.get(LIST_URL)

    assert response.status_code == 200
    assert listed(response) == [mine.reference]
    assert "Cracked screen" not in response.content.decode()


def test_agent_also_sees_a_ticket_assigned_to_them_in_another_queue(client_a, agent_a, queue_b):
    lent = TicketFactory(queue=queue_b, assignee=agent_a)

    assert listed(client_a.get(LIST_URL)) == [lent.reference]


def test_superuser_sees_every_ticket(client, superuser, queue_a, queue_b):
    tickets = [TicketFactory(queue=queue_a), TicketFactory(queue=queue_b), TicketFactory(queue=None)]
    client.force_login(superuser)

    assert set(listed(client.get(LIST_URL))) == {t.reference for t in tickets}


def test_admin_user_who_is_not_an_agent_is_turned_away(client, queue_a):
    TicketFactory(queue=queue_a)
    editor = UserFactory(username="editor")
    grant(editor, "wagtailadmin.access_admin", "wagtail_helpdesk.change_queue", "wagtail_helpdesk.view_ticket")
    client.force_login(editor)

    response = client.get(LIST_URL)

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_helpdesk_menu_is_shown_to_agents_and_not_to_other_admin_users(client, agent_a):
    editor = UserFactory(username="editor")
    grant(editor, "wagtailadmin.access_admin", "wagtail_helpdesk.add_queue", "wagtail_helpdesk.change_queue")
    menu_entry = '"name": "helpdesk"'

    client.force_login(agent_a)
    assert menu_entry in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert menu_entry not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_listing_shows_reference_subject_customer_status_priority_queue_assignee_channel(
    client_a, agent_a, queue_a, settings
):
    settings.WAGTAIL_HELPDESK_STATUS_LABELS = {"pending": "Awaiting the customer"}
    customer = CustomerFactory(name="Anna Nowak", email="anna@mail.example")
    ticket = TicketFactory(
        queue=queue_a,
        customer=customer,
        subject="Kettle leaks",
        status=Status.PENDING,
        priority=Priority.URGENT,
        assignee=agent_a,
        channel="email",
    )

    cells = row(client_a.get(LIST_URL), ticket)

    for text in ("Kettle leaks", "Anna Nowak", "Awaiting the customer", "Urgent", "Returns", "Alice Agent", "Email"):
        assert text in cells


def test_tickets_cannot_be_created_or_edited_as_forms(client, superuser, queue_a):
    ticket = TicketFactory(queue=queue_a)
    client.force_login(superuser)

    listing = client.get(LIST_URL).content.decode()
    add_url = reverse("wagtailsnippets_wagtail_helpdesk_ticket:add")
    edit_url = reverse("wagtailsnippets_wagtail_helpdesk_ticket:edit", args=(ticket.pk,))

    assert add_url not in listing
    assert edit_url not in listing
    assert client.get(add_url).status_code == 302
    assert client.post(add_url, {"subject": "Forged"}).status_code == 302
    assert client.get(edit_url).status_code == 302
    assert Ticket.objects.count() == 1
    assert reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,)) in listing


def test_wagtail_checks_tickets_with_the_helpdesk_policy(queue_a):
    from wagtail_helpdesk.admin.permissions import ticket_permission_policy

    try:
        from wagtail.permissions import policy_registry
    except ImportError:  # Wagtail 7.4 reads the viewset's attribute
        policy = Ticket.snippet_viewset.permission_policy
    else:
        policy = policy_registry.get_by_type(Ticket)
    assert policy is ticket_permission_policy


# Filters


def test_status_filter_accepts_several_statuses(client_a, queue_a):
    new = TicketFactory(queue=queue_a, status=Status.NEW)
    pending = TicketFactory(queue=queue_a, status=Status.PENDING)
    TicketFactory(queue=queue_a, status=Status.CLOSED)

    response = client_a.get(RESULTS_URL, {"status": ["new", "pending"]})

    assert set(listed(response)) == {new.reference, pending.reference}


def test_queue_filter(client, superuser, queue_a, queue_b):
    in_a = TicketFactory(queue=queue_a)
    TicketFactory(queue=queue_b)
    client.force_login(superuser)

    assert listed(client.get(RESULTS_URL, {"queue": queue_a.pk})) == [in_a.reference]


def test_queue_filter_offers_only_the_agents_queues(client_a, queue_a, queue_b):
    mine = TicketFactory(queue=queue_a)
    TicketFactory(queue=queue_b)

    response = client_a.get(LIST_URL, {"queue": queue_b.pk})

    assert response.status_code == 200
    assert "Repairs" not in response.content.decode()
    assert listed(response) == [mine.reference]


@pytest.mark.parametrize("choice", ["me", "unassigned", "colleague"])
def test_assignee_filter_knows_me_unassigned_and_each_agent(client_a, agent_a, queue_a, choice):
    colleague = make_admin_agent(queue_a, username="carol")
    tickets = {
        "me": TicketFactory(queue=queue_a, assignee=agent_a),
        "unassigned": TicketFactory(queue=queue_a, assignee=None),
        "colleague": TicketFactory(queue=queue_a, assignee=colleague),
    }
    value = str(colleague.pk) if choice == "colleague" else choice

    assert listed(client_a.get(RESULTS_URL, {"assignee": value})) == [tickets[choice].reference]


def test_priority_filter(client_a, queue_a):
    urgent = TicketFactory(queue=queue_a, priority=Priority.URGENT)
    TicketFactory(queue=queue_a, priority=Priority.LOW)

    assert listed(client_a.get(RESULTS_URL, {"priority": Priority.URGENT})) == [urgent.reference]


def test_channel_filter(client_a, queue_a):
    mailed = TicketFactory(queue=queue_a, channel="email")
    TicketFactory(queue=queue_a, channel="web")

    assert listed(client_a.get(RESULTS_URL, {"channel": "email"})) == [mailed.reference]


def test_tag_filter(client_a, queue_a):
    tagged = TicketFactory(queue=queue_a)
    TicketFactory(queue=queue_a)
    warranty = Tag.objects.create(name="warranty")
    tagged.tags.add(warranty)

    assert listed(client_a.get(RESULTS_URL, {"tag": warranty.pk})) == [tagged.reference]


def test_created_date_range_filter(client_a, queue_a):
    old, recent = TicketFactory(queue=queue_a), TicketFactory(queue=queue_a)
    Ticket.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    Ticket.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()

    assert listed(client_a.get(RESULTS_URL, {"created_from": since})) == [recent.reference]
    until = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()
    assert listed(client_a.get(RESULTS_URL, {"created_to": until})) == [old.reference]


# Search


@pytest.mark.parametrize(
    "query",
    ["HD-", "kettle", "ANNA@MAIL", "nowak"],
    ids=["reference", "subject", "customer-email", "customer-name"],
)
def test_search_finds_tickets_by_reference_subject_and_customer(client_a, queue_a, query):
    queue_a.is_default = True
    queue_a.save()
    found = intake.receive(inbound_message(subject="Kettle leaks", sender_email="anna@mail.example")).ticket
    TicketFactory(
        queue=queue_a, subject="Printer jam", customer=CustomerFactory(name="Piotr", email="piotr@mail.example")
    )
    if query == "HD-":
        query = found.reference

    response = client_a.get(RESULTS_URL, {"q": query})

    assert response.status_code == 200
    assert listed(response) == [found.reference]


def test_search_is_limited_to_the_agents_tickets(client_a, queue_a, queue_b):
    TicketFactory(queue=queue_b, subject="Kettle in another queue")

    assert listed(client_a.get(RESULTS_URL, {"q": "kettle"})) == []


# Ordering


def test_newest_activity_comes_first_and_columns_sort(client_a, queue_a):
    quiet = TicketFactory(queue=queue_a, subject="Aardvark")
    busy = TicketFactory(queue=queue_a, subject="Zebra")
    Ticket.objects.filter(pk=quiet.pk).update(last_activity_at=timezone.now() - datetime.timedelta(hours=3))

    assert listed(client_a.get(LIST_URL)) == [busy.reference, quiet.reference]
    assert listed(client_a.get(LIST_URL, {"ordering": "subject"})) == [quiet.reference, busy.reference]
    assert listed(client_a.get(LIST_URL, {"ordering": "-subject"})) == [busy.reference, quiet.reference]


# Query budget


@pytest.fixture
def full_queue(queue_a, agent_a):
    """110 tickets with distinct customers, some assigned, some tagged."""
    tag = Tag.objects.create(name="warranty")
    for number in range(110):
        ticket = TicketFactory(queue=queue_a, assignee=agent_a if number % 3 else None, channel="email")
        if number % 5 == 0:
            ticket.tags.add(tag)


def test_listing_runs_a_fixed_number_of_queries_whatever_the_page_size(
    client_a, full_queue, django_assert_max_num_queries
):
    counts = {}
    client_a.get(LIST_URL)  # warm the briefly cached unread-notification count of the menu
    for page_size in (10, 100):
        with django_assert_max_num_queries(LISTING_QUERY_BUDGET) as captured:
            response = client_a.get(LIST_URL, {"per_page": page_size})
        assert response.status_code == 200
        assert len(listed(response)) == page_size
        counts[page_size] = len(captured)

    assert counts[10] == counts[100], "something is looked up per row"


def test_filtered_and_searched_listing_keeps_its_query_budget(client_a, full_queue, django_assert_max_num_queries):
    with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
        response = client_a.get(RESULTS_URL, {"per_page": 100, "status": "new", "assignee": "me", "q": "HD-"})

    assert response.status_code == 200
