"""Bulk actions on selected tickets: each goes through the workflow service, per ticket, only on visible tickets."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_helpdesk.models import EventKind, Status, Tag, Ticket, TicketEvent
from wagtail_helpdesk.testing.factories import CustomerFactory, TicketFactory, UserFactory

from .conftest import grant, make_admin_agent

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def bulk_url(action: str, *tickets, ids=()) -> str:
    base = reverse("wagtail_bulk_action", args=("wagtail_helpdesk", "ticket", f"helpdesk_{action}"))
    query = "&".join(f"id={t.pk}" for t in tickets) + "".join(f"&id={i}" for i in ids)
    return f"{base}?{query}&next={reverse('wagtailsnippets_wagtail_helpdesk_ticket:list')}"


def texts(response) -> list[str]:
    return [str(m).strip() for m in get_messages(response.wsgi_request)]


@pytest.fixture
def three(queue_a):
    return [TicketFactory(queue=queue_a, status=Status.NEW) for _n in range(3)]


def test_listing_offers_the_bulk_actions(client_a, three):
    content = client_a.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:list")).content.decode()

    for action in ("assign", "status", "add_tag", "remove_tag", "merge"):
        assert f"helpdesk_{action}" in content


def test_confirmation_page_lists_the_selected_tickets_inertly(client_a, queue_a):
    hostile = TicketFactory(queue=queue_a, subject=f"Help {SCRIPT}")

    response = client_a.get(bulk_url("status", hostile))

    assert response.status_code == 200
    content = response.content.decode()
    assert hostile.reference in content
    assert SCRIPT not in content


def test_assign_goes_through_the_workflow_for_each_ticket(client_a, agent_a, three):
    response = client_a.post(bulk_url("assign", *three), {"assignee": agent_a.pk})

    assert response.status_code == 302
    assert set(Ticket.objects.values_list("assignee", flat=True)) == {agent_a.pk}
    assert TicketEvent.objects.filter(kind=EventKind.ASSIGNED).count() == 3
    assert set(Ticket.objects.values_list("status", flat=True)) == {Status.OPEN}  # assigning opens a new ticket
    assert "3 tickets updated." in texts(response)


def test_assign_to_nobody_unassigns_every_ticket(client_a, agent_a, three):
    client_a.post(bulk_url("assign", *three), {"assignee": agent_a.pk})
    form = client_a.get(bulk_url("assign", *three)).content.decode()
    assert '<option value="" selected>Nobody</option>' in form

    response = client_a.post(bulk_url("assign", *three), {"assignee": ""})

    assert response.status_code == 302
    assert set(Ticket.objects.values_list("assignee", flat=True)) == {None}
    assert "3 tickets updated." in texts(response)


def test_assign_to_someone_outside_the_queue_fails_per_ticket(client_a, agent_b, three):
    response = client_a.post(bulk_url("assign", *three), {"assignee": agent_b.pk})

    assert not Ticket.objects.filter(assignee=agent_b).exists()
    assert len([t for t in texts(response) if "is not an agent" in t]) == 3


def test_status_change_reports_an_illegal_transition_and_does_the_others(client_a, queue_a, three):
    closed = TicketFactory(queue=queue_a, status=Status.CLOSED)

    response = client_a.post(bulk_url("status", *three, closed), {"status": Status.PENDING})

    assert Ticket.objects.filter(status=Status.PENDING).count() == 3
    assert Ticket.objects.get(pk=closed.pk).status == Status.CLOSED
    messages = texts(response)
    assert any(closed.reference in m and "cannot become" in m for m in messages)
    assert "3 tickets updated." in messages
    assert TicketEvent.objects.filter(kind=EventKind.STATUS).count() == 3


def test_unknown_status_is_a_form_error(client_a, three):
    response = client_a.post(bulk_url("status", *three), {"status": "deleted"})

    assert response.status_code == 200
    assert set(Ticket.objects.values_list("status", flat=True)) == {Status.NEW}


def test_add_and_remove_a_tag(client_a, three):
    client_a.post(bulk_url("add_tag", *three), {"tag": "warranty"})
    assert all(t.tags.filter(name="warranty").exists() for t in three)
    assert TicketEvent.objects.filter(kind=EventKind.TAGS).count() == 3

    client_a.post(bulk_url("remove_tag", three[0], three[1]), {"tag": "WARRANTY"})
    assert [t.tags.filter(name="warranty").exists() for t in three] == [False, False, True]


def test_hostile_tag_name_is_stored_as_text_and_rendered_inert(client_a, three):
    client_a.post(bulk_url("add_tag", *three), {"tag": SCRIPT[:50]})

    assert Tag.objects.filter(name=SCRIPT[:50]).exists()
    content = client_a.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:list")).content.decode()
    assert "<script>alert" not in content


def test_merge_into_the_chosen_survivor(client_a, three):
    keep = three[1]

    response = client_a.post(bulk_url("merge", *three), {"into": keep.pk})

    assert response.status_code == 302
    for ticket in (three[0], three[2]):
        ticket.refresh_from_db()
        assert ticket.merged_into_id == keep.pk and ticket.status == Status.CLOSED
    assert f"2 tickets merged into {keep.reference}." in texts(response)


def test_merge_survivor_must_be_one_of_the_selected(client_a, queue_a, three):
    outsider = TicketFactory(queue=queue_a)

    response = client_a.post(bulk_url("merge", *three), {"into": outsider.pk})

    assert response.status_code == 200  # the form again, with its error
    assert not Ticket.objects.filter(merged_into__isnull=False).exists()


def test_agent_of_both_queues_cannot_merge_across_queues_but_a_manager_can(client, queue_a, queue_b, agent_b):
    both = make_admin_agent(queue_a, username="dora")
    both.groups.add(*queue_b.groups.all())
    a, b = TicketFactory(queue=queue_a), TicketFactory(queue=queue_b)
    client.force_login(both)

    response = client.post(bulk_url("merge", a, b), {"into": a.pk})

    assert not Ticket.objects.filter(merged_into__isnull=False).exists()
    assert any("Only helpdesk managers" in m for m in texts(response))

    grant(both, "wagtail_helpdesk.merge_any_queue")
    both = type(both).objects.get(pk=both.pk)  # fresh permission cache
    client.force_login(both)
    client.post(bulk_url("merge", a, b), {"into": a.pk})
    assert Ticket.objects.get(pk=b.pk).merged_into_id == a.pk


def test_forged_ids_of_another_queue_are_left_alone(client_a, queue_b, three):
    foreign = TicketFactory(queue=queue_b, subject="Secret repair")

    page = client_a.get(bulk_url("status", *three, foreign))
    assert "Secret repair" not in page.content.decode()
    assert "1 selected ticket is not one you can work on" in page.content.decode()

    response = client_a.post(bulk_url("status", *three, foreign), {"status": Status.OPEN})

    assert Ticket.objects.get(pk=foreign.pk).status == Status.NEW
    assert Ticket.objects.filter(status=Status.OPEN).count() == 3
    assert any("not one you can work on" in m for m in texts(response))


def test_only_foreign_or_malformed_ids_is_a_404(client_a, queue_b):
    foreign = TicketFactory(queue=queue_b)

    assert client_a.post(bulk_url("status", foreign), {"status": Status.OPEN}).status_code == 404
    assert client_a.get(bulk_url("status", ids=["abc", "-1", "9" * 30])).status_code == 404
    assert Ticket.objects.get(pk=foreign.pk).status == Status.NEW


def test_select_all_in_a_filtered_listing_acts_on_the_filtered_tickets_only(client_a, queue_a, three):
    pending = TicketFactory(queue=queue_a, status=Status.PENDING)
    url = reverse("wagtail_bulk_action", args=("wagtail_helpdesk", "ticket", "helpdesk_status"))

    client_a.post(f"{url}?status=pending&id=all", {"status": Status.ON_HOLD})

    assert Ticket.objects.get(pk=pending.pk).status == Status.ON_HOLD
    assert set(Ticket.objects.filter(pk__in=[t.pk for t in three]).values_list("status", flat=True)) == {Status.NEW}


def test_select_all_acts_on_visible_tickets_only(client_a, queue_b, three):
    foreign = TicketFactory(queue=queue_b)
    url = reverse("wagtail_bulk_action", args=("wagtail_helpdesk", "ticket", "helpdesk_status")) + "?id=all"

    client_a.post(url, {"status": Status.OPEN})

    assert Ticket.objects.filter(status=Status.OPEN).count() == 3
    assert Ticket.objects.get(pk=foreign.pk).status == Status.NEW


@pytest.mark.parametrize("who", ["anonymous", "customer", "editor"])
def test_outsiders_cannot_run_bulk_actions(client, who, three):
    if who == "customer":
        user = UserFactory(username="shopper")
        CustomerFactory(user=user)
        client.force_login(user)
    elif who == "editor":
        user = UserFactory(username="editor")
        grant(user, "wagtailadmin.access_admin")
        client.force_login(user)

    response = client.post(bulk_url("status", *three), {"status": Status.CLOSED})

    assert response.status_code in (302, 403, 404)
    assert not Ticket.objects.filter(status=Status.CLOSED).exists()
