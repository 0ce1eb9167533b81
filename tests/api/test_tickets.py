"""Tickets and messages through the API: what agents and customers can do, and what bad input gets."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail_helpdesk.models import EventKind, Message, OutboundMessage, Status, Ticket, TicketEvent
from wagtail_helpdesk.testing.factories import MessageFactory, TicketFactory

from .conftest import API

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def url(ticket, action: str = "") -> str:
    return f"{API}/tickets/{ticket.reference}/" + (f"{action}/" if action else "")


def test_agent_opens_a_ticket_for_a_customer_through_intake(as_role, cast):
    response = as_role("agent").post(
        f"{API}/tickets/",
        {
            "customer_email": "Carl@Mail.Example",
            "subject": "Order 123",
            "body_text": "Where is it?",
            "queue": "returns",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    ticket = Ticket.objects.get(reference=response.json()["reference"])
    assert (ticket.channel, ticket.queue, ticket.customer.email) == ("api", cast.queue, "carl@mail.example")
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.CREATED).exists()


def test_the_same_idempotency_key_opens_one_ticket(as_role):
    client = as_role("agent")
    body = {"customer_email": "carl@mail.example", "subject": "Hello", "body_text": "Once"}
    first = client.post(f"{API}/tickets/", body, format="json", headers={"Idempotency-Key": "k-1"})
    again = client.post(f"{API}/tickets/", body, format="json", headers={"Idempotency-Key": "k-1"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["reference"] == again.json()["reference"]
    assert Ticket.objects.filter(customer__email="carl@mail.example").count() == 1


def test_a_customer_opens_a_ticket_as_themselves_whatever_email_they_send(as_role, cast):
    response = as_role("customer").post(
        f"{API}/tickets/",
        {"customer_email": "someone-else@mail.example", "subject": "Mine", "body_text": "Hello"},
        format="json",
    )
    assert response.status_code == 201
    assert Ticket.objects.get(reference=response.json()["reference"]).customer == cast.customer
    assert "customer" not in response.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"subject": "No customer", "body_text": "x"}, "customer_email"),
        ({"customer_email": "not an address", "subject": "x", "body_text": "x"}, "customer_email"),
        ({"customer_email": "a@mail.example", "subject": ["a", "list"], "body_text": "x"}, "subject"),
        ({"customer_email": "a@mail.example", "subject": "x", "body_text": {"an": "object"}}, "body_text"),
        ({"customer_email": "a@mail.example", "subject": "x" * 300, "body_text": "x"}, "subject"),
        ({"customer_email": "a@mail.example", "subject": "x", "body_text": "x", "queue": "nope"}, "queue"),
        ({"customer_email": "a@mail.example", "subject": "x", "body_text": "x", "queue": "<script>"}, "queue"),
        ({"customer_email": "a@mail.example", "subject": "x"}, "body_text"),
    ],
)
def test_bad_ticket_input_is_rejected_field_by_field_and_opens_nothing(as_role, body, field):
    before = Ticket.objects.count()
    response = as_role("agent").post(f"{API}/tickets/", body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert field in response.json()["errors"]
    assert Ticket.objects.count() == before


@pytest.mark.parametrize("query", ["q=a%00b", "queue=%00", "channel=we%00b", "shop_reference=%00", "tag=%00x", "%00=1"])
def test_nul_characters_in_filters_are_a_400_not_a_database_error(as_role, cast, query):
    response = as_role("agent").get(f"{API}/tickets/?{query}")
    assert response.status_code == 400


def test_nul_characters_in_a_body_are_a_400(as_role, cast):
    body = {"customer_email": "a@mail.example", "subject": "x\u0000y", "body_text": "t"}
    response = as_role("agent").post(f"{API}/tickets/", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert not Ticket.objects.filter(subject__startswith="x").exists()


def test_malformed_json_is_a_clear_400(as_role):
    response = as_role("agent").post(f"{API}/tickets/", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_a_json_list_instead_of_an_object_is_rejected(as_role):
    response = as_role("agent").post(f"{API}/tickets/", data=json.dumps([1, 2]), content_type="application/json")
    assert response.status_code == 400


def test_script_in_a_ticket_is_returned_as_inert_json_text(as_role):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = as_role("agent").post(
        f"{API}/tickets/", {"customer_email": "x@mail.example", "subject": hostile, "body_text": hostile}, format="json"
    )
    assert response.status_code == 201
    assert response["Content-Type"] == "application/json"
    messages = as_role("agent").get(f"{API}/tickets/{response.json()['reference']}/messages/").json()["results"]
    assert messages[0]["body_html"] == ""  # plain text never becomes HTML


@pytest.mark.parametrize(
    "reference", ["HD-999999", "<script>", "..%2F..%2Fetc%2Fpasswd", "HD-000001%00", "' OR 1=1 --"]
)
def test_unknown_or_hostile_references_are_404(as_role, cast, reference):
    response = as_role("manager").get(f"{API}/tickets/{reference}/")
    assert response.status_code == 404
    if response["Content-Type"] == "application/json":
        assert response.json()["code"] == "not_found"


def test_list_filters_by_status_queue_tag_and_search(as_role, cast):
    solved = TicketFactory(queue=cast.queue, status=Status.SOLVED, subject="Lamp flickers")
    solved.tags.create(name="lamps")
    client = as_role("manager")

    def refs(query: str) -> set[str]:
        return {t["reference"] for t in client.get(f"{API}/tickets/?{query}").json()["results"]}

    assert refs("status=solved") == {solved.reference}
    assert refs("status=solved&status=new") == {solved.reference, cast.ticket.reference, cast.other_ticket.reference}
    assert refs("queue=repairs") == {cast.other_ticket.reference}
    assert refs("tag=lamps") == {solved.reference}
    assert refs("q=lamp") == {solved.reference}
    assert refs("q=anna@mail") == {cast.ticket.reference}
    assert refs(f"q={cast.ticket.reference}") == {cast.ticket.reference}


def test_a_bad_filter_value_is_a_clear_400(as_role, cast):
    response = as_role("agent").get(f"{API}/tickets/?status=exploded")
    assert response.status_code == 400
    assert "status" in response.json()["errors"]


def test_cursor_pagination_walks_every_ticket_once(as_role, cast):
    for _ in range(5):
        TicketFactory(queue=cast.queue)
    client = as_role("agent")
    seen, next_url = [], f"{API}/tickets/?page_size=2"
    while next_url:
        page = client.get(next_url).json()
        assert len(page["results"]) <= 2
        seen += [t["reference"] for t in page["results"]]
        next_url = page["next"]
    assert len(seen) == len(set(seen)) == Ticket.objects.visible_to(cast.agent).count() == 6


@pytest.mark.parametrize("cursor", ["bz1hYmM%3D", "%25%25%25", "cD0nOyBEUk9QIFRBQkxF"])
def test_a_tampered_cursor_is_rejected_or_harmless(as_role, cast, cursor):
    response = as_role("agent").get(f"{API}/tickets/?cursor={cursor}")
    assert response.status_code in (200, 400, 404)
    if response.status_code != 200:
        assert response.json()["code"] in ("not_found", "invalid")
    else:  # a position that decodes to nothing filters nothing the agent may not see
        assert {t["reference"] for t in response.json()["results"]} <= {cast.ticket.reference}


def test_agent_changes_go_through_the_workflow_and_are_recorded(as_role, cast):
    client = as_role("agent")
    assert client.post(url(cast.ticket, "status"), {"status": "open"}, format="json").status_code == 200
    assert client.post(url(cast.ticket, "priority"), {"priority": 4}, format="json").json()["priority"] == 4
    assert client.post(url(cast.ticket, "tags"), {"tags": ["vip", "warranty"]}, format="json").json()["tags"] == [
        "vip",
        "warranty",
    ]
    assert client.post(url(cast.ticket, "assignee"), {"assignee": cast.agent.pk}, format="json").json()["assignee"][
        "id"
    ] == (cast.agent.pk)
    moved = client.post(url(cast.ticket, "queue"), {"queue": "repairs", "note": "For the repair desk"}, format="json")
    assert moved.status_code == 200
    kinds = set(TicketEvent.objects.filter(ticket=cast.ticket).values_list("kind", flat=True))
    assert {EventKind.STATUS, EventKind.PRIORITY, EventKind.TAGS, EventKind.ASSIGNED, EventKind.TRANSFERRED} <= kinds
    # The agent does not work Repairs, so the transfer also unassigned them: the ticket is out of their sight.
    cast.ticket.refresh_from_db()
    assert (cast.ticket.queue, cast.ticket.assignee) == (cast.other_queue, None)
    assert client.get(url(cast.ticket)).status_code == 404


def test_an_illegal_status_change_is_a_400_with_the_workflows_message(as_role, cast):
    Ticket.objects.filter(pk=cast.ticket.pk).update(status=Status.CLOSED)
    response = as_role("agent").post(url(cast.ticket, "status"), {"status": "pending"}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "illegal_transition"
    assert "cannot become" in response.json()["detail"]


def test_a_customer_may_only_mark_solved_or_reopen(as_role, cast):
    client = as_role("customer")
    assert client.post(url(cast.ticket, "status"), {"status": "closed"}, format="json").status_code == 400
    assert client.post(url(cast.ticket, "status"), {"status": "solved"}, format="json").json()["status"] == "solved"


@pytest.mark.parametrize(
    ("action", "body", "field"),
    [
        ("assignee", {"assignee": 999999}, "assignee"),
        ("assignee", {"assignee": "bob"}, "assignee"),
        ("priority", {"priority": 99}, "priority"),
        ("queue", {"queue": "nope"}, "queue"),
        ("tags", {"tags": "not-a-list"}, "tags"),
        ("status", {"status": None}, "status"),
    ],
)
def test_unknown_references_and_wrong_types_in_changes_are_400(as_role, cast, action, body, field):
    response = as_role("agent").post(url(cast.ticket, action), body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_assigning_someone_who_is_not_an_agent_of_the_queue_is_refused(as_role, cast):
    response = as_role("agent").post(url(cast.ticket, "assignee"), {"assignee": cast.other_agent.pk}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "not_allowed"
    cast.ticket.refresh_from_db()
    assert cast.ticket.assignee is None


def test_agent_reply_goes_to_the_customer_through_the_outbox(as_role, cast):
    response = as_role("agent").post(url(cast.ticket, "messages"), {"body_text": "It ships today."}, format="json")
    assert response.status_code == 201
    assert response.json()["kind"] == "reply"
    assert OutboundMessage.objects.filter(ticket=cast.ticket, kind=OutboundMessage.Kind.REPLY).count() == 1


def test_agent_reply_can_set_a_status(as_role, cast):
    as_role("agent").post(url(cast.ticket, "messages"), {"body_text": "Done?", "status": "pending"}, format="json")
    cast.ticket.refresh_from_db()
    assert cast.ticket.status == Status.PENDING


def test_customer_reply_comes_in_through_intake_and_reopens(as_role, cast):
    Ticket.objects.filter(pk=cast.ticket.pk).update(status=Status.SOLVED)
    response = as_role("customer").post(url(cast.ticket, "messages"), {"body_text": "Still broken"}, format="json")
    assert response.status_code == 201
    message = Message.objects.get(pk=response.json()["id"])
    assert (message.kind, message.channel, message.author_customer) == ("inbound", "api", cast.customer)
    cast.ticket.refresh_from_db()
    assert cast.ticket.status == Status.OPEN


def test_a_customer_cannot_set_a_status_with_a_reply(as_role, cast):
    response = as_role("customer").post(url(cast.ticket, "messages"), {"body_text": "x", "status": "closed"})
    assert response.status_code == 400
    assert "status" in response.json()["errors"]


def test_an_empty_reply_is_refused(as_role, cast):
    response = as_role("agent").post(url(cast.ticket, "messages"), {"body_text": "   "}, format="json")
    assert response.status_code == 400


def test_a_note_stays_internal(as_role, cast):
    response = as_role("agent").post(url(cast.ticket, "notes"), {"body_text": "Call the courier"}, format="json")
    assert response.status_code == 201
    assert response.json()["kind"] == "note"
    assert not OutboundMessage.objects.filter(ticket=cast.ticket).exists()
    customer_view = as_role("customer").get(url(cast.ticket, "messages")).json()["results"]
    assert "Call the courier" not in json.dumps(customer_view)


def test_reply_with_an_attachment_uses_the_forms_checks(as_role, cast):
    upload = SimpleUploadedFile("photo.png", PNG, content_type="image/png")
    response = as_role("agent").post(
        url(cast.ticket, "messages"), {"body_text": "See the photo", "attachments": [upload]}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    [attachment] = response.json()["attachments"]
    assert (attachment["filename"], attachment["content_type"]) == ("photo.png", "image/png")
    assert attachment["url"].endswith(f"/helpdesk/attachments/{attachment['id']}/")


def test_a_program_disguised_as_a_pdf_is_refused_and_nothing_is_stored(as_role, cast):
    upload = SimpleUploadedFile("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf")
    before = Message.objects.count()
    response = as_role("agent").post(
        url(cast.ticket, "messages"), {"body_text": "Invoice", "attachments": [upload]}, format="multipart"
    )
    assert response.status_code == 400
    assert "not a file type we accept" in response.json()["errors"]["attachments"][0]
    assert Message.objects.count() == before


def test_a_customers_disguised_file_is_refused_by_intake(as_role, cast):
    upload = SimpleUploadedFile("cv.docx", b"#!/bin/sh\nrm -rf /\n", content_type="application/pdf")
    response = as_role("customer").post(
        url(cast.ticket, "messages"), {"body_text": "See file", "attachments": [upload]}, format="multipart"
    )
    assert response.status_code == 400
    assert "attachments" in response.json()["errors"]


def test_an_oversized_file_is_refused_before_it_is_read(as_role, cast, settings):
    settings.WAGTAIL_HELPDESK_MAX_ATTACHMENT_BYTES = 100
    upload = SimpleUploadedFile("big.png", PNG + b"\x00" * 200, content_type="image/png")
    response = as_role("agent").post(
        url(cast.ticket, "messages"), {"body_text": "Big", "attachments": [upload]}, format="multipart"
    )
    assert response.status_code == 400
    assert "larger than" in json.dumps(response.json()["errors"])


def test_too_many_files_are_refused(as_role, cast, settings):
    settings.WAGTAIL_HELPDESK_MAX_ATTACHMENTS = 1
    files = [SimpleUploadedFile(f"p{i}.png", PNG, content_type="image/png") for i in range(2)]
    response = as_role("agent").post(
        url(cast.ticket, "messages"), {"body_text": "Two", "attachments": files}, format="multipart"
    )
    assert response.status_code == 400


def test_a_merged_ticket_takes_no_changes(as_role, cast):
    survivor = TicketFactory(queue=cast.queue, customer=cast.customer)
    Ticket.objects.filter(pk=cast.ticket.pk).update(merged_into=survivor)
    response = as_role("agent").post(url(cast.ticket, "priority"), {"priority": 3}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "ticket_merged"


def test_customer_lookup_by_email_and_shop_account(as_role, cast):
    cast.customer.shop_account = "C-1001"
    cast.customer.save()
    client = as_role("agent")
    by_email = client.get(f"{API}/customers/?email=ANNA@mail.example").json()["results"]
    by_account = client.get(f"{API}/customers/?shop_account=C-1001").json()["results"]
    nobody = client.get(f"{API}/customers/?email=<script>").json()["results"]
    assert [c["id"] for c in by_email] == [c["id"] for c in by_account] == [cast.customer.pk]
    assert nobody == []


def test_customer_history_lists_only_tickets_the_agent_may_see(as_role, cast):
    TicketFactory(queue=cast.other_queue, customer=cast.customer)
    history = as_role("agent").get(f"{API}/customers/{cast.customer.pk}/tickets/").json()["results"]
    manager_history = as_role("manager").get(f"{API}/customers/{cast.customer.pk}/tickets/").json()["results"]
    assert [t["reference"] for t in history] == [cast.ticket.reference]
    assert len(manager_history) == 2


def test_messages_of_a_ticket_come_oldest_first(as_role, cast):
    MessageFactory(ticket=cast.ticket, body_text="third")
    bodies = [m["body_text"] for m in as_role("agent").get(url(cast.ticket, "messages")).json()["results"]]
    assert bodies[-1] == "third"
