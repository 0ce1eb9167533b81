"""The agent's actions on the ticket view: each calls one workflow function and reports back."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail_helpdesk.models import EventKind, Message, OutboundMessage, Priority, Status, Ticket, TicketEvent
from wagtail_helpdesk.services import workflow
from wagtail_helpdesk.testing.factories import TicketFactory

from .conftest import make_admin_agent

pytestmark = pytest.mark.django_db


def action_url(name: str, ticket: Ticket) -> str:
    return reverse(f"wagtailsnippets_wagtail_helpdesk_ticket:action_{name}", args=(ticket.pk,))


def ticket_url(ticket: Ticket) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))


def told(response) -> list[tuple[str, str]]:
    """The Wagtail messages the action left for the agent, as (level, text)."""
    return [(message.level_tag, str(message).strip()) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def ticket(queue_a):
    return TicketFactory(queue=queue_a, subject="Kettle leaks", status=Status.NEW)


def refreshed(ticket: Ticket) -> Ticket:
    return Ticket.objects.get(pk=ticket.pk)


def test_claim_makes_the_agent_the_owner(client_a, agent_a, ticket):
    response = client_a.post(action_url("claim", ticket))

    assert response.status_code == 302
    assert response["Location"] == ticket_url(ticket)
    assert refreshed(ticket).assignee == agent_a
    assert refreshed(ticket).status == Status.OPEN
    assert told(response) == [("success", f"You now own {ticket.reference}.")]


def test_claiming_a_claimed_ticket_is_an_error_message_not_a_500(client_a, queue_a, ticket):
    colleague = make_admin_agent(queue_a, username="carol")
    workflow.claim(ticket, by=colleague)

    response = client_a.post(action_url("claim", ticket))

    assert response.status_code == 302
    assert told(response) == [("error", f"{ticket.reference} was already claimed by carol.")]
    assert refreshed(ticket).assignee == colleague


def test_reply_is_stored_queued_for_the_customer_and_can_set_a_status(client_a, agent_a, ticket):
    response = client_a.post(
        action_url("reply", ticket),
        {"reply-body": "A new kettle is on its way.", "reply-status": Status.PENDING},
    )

    assert told(response) == [("success", f"Reply to {ticket.reference} sent.")]
    reply = Message.objects.get(ticket=ticket, kind=Message.Kind.REPLY)
    assert reply.body_text == "A new kettle is on its way."
    assert reply.author_user == agent_a
    assert OutboundMessage.objects.get(message=reply).recipient == ticket.customer.email
    assert refreshed(ticket).status == Status.PENDING


def test_reply_carries_uploaded_attachments(client_a, ticket):
    upload = SimpleUploadedFile("label.pdf", b"%PDF-1.4 return label", content_type="application/pdf")

    client_a.post(action_url("reply", ticket), {"reply-body": "Label attached.", "reply-attachments": [upload]})

    reply = Message.objects.get(ticket=ticket, kind=Message.Kind.REPLY)
    assert [a.filename for a in reply.attachments.all()] == ["label.pdf"]


def test_refused_attachment_is_reported_and_the_draft_is_kept(client_a, ticket):
    upload = SimpleUploadedFile("tool.exe", b"MZ\x90\x00binary", content_type="application/x-msdownload")

    response = client_a.post(
        action_url("reply", ticket), {"reply-body": "Here is the tool.", "reply-attachments": [upload]}
    )

    assert [level for level, _text in told(response)] == ["error"]
    assert not Message.objects.filter(ticket=ticket, kind=Message.Kind.REPLY).exists()
    page = client_a.get(ticket_url(ticket)).content.decode()
    assert "Here is the tool." in page


def test_empty_reply_is_a_form_error(client_a, ticket):
    response = client_a.post(action_url("reply", ticket), {"reply-body": ""})

    assert told(response) == [("error", "Reply to the customer: This field is required.")]
    assert not Message.objects.filter(ticket=ticket, kind=Message.Kind.REPLY).exists()


def test_reply_with_a_status_the_flow_forbids_is_refused(client_a, ticket):
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.CLOSED)

    response = client_a.post(action_url("reply", ticket), {"reply-body": "Hello", "reply-status": Status.PENDING})

    assert told(response) == [("error", "A ticket that is Closed cannot become Waiting on customer.")]
    assert not Message.objects.filter(ticket=ticket, kind=Message.Kind.REPLY).exists()


def test_internal_note_is_stored_and_never_sent(client_a, agent_a, ticket):
    response = client_a.post(action_url("note", ticket), {"note-body": "Courier is slow."})

    assert told(response) == [("success", f"Internal note added to {ticket.reference}.")]
    note = Message.objects.get(ticket=ticket, kind=Message.Kind.NOTE)
    assert (note.body_text, note.author_user) == ("Courier is slow.", agent_a)
    assert not OutboundMessage.objects.exists()


def test_set_status(client_a, ticket):
    response = client_a.post(action_url("status", ticket), {"status-status": Status.SOLVED})

    assert told(response) == [("success", f"{ticket.reference} is now Solved.")]
    assert refreshed(ticket).status == Status.SOLVED
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.STATUS).exists()


def test_illegal_status_change_is_an_error_message(client_a, ticket):
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.SOLVED)

    response = client_a.post(action_url("status", ticket), {"status-status": Status.PENDING})

    assert told(response) == [("error", "A ticket that is Solved cannot become Waiting on customer.")]
    assert refreshed(ticket).status == Status.SOLVED


def test_unknown_status_is_a_form_error(client_a, ticket):
    response = client_a.post(action_url("status", ticket), {"status-status": "exploded"})

    assert [level for level, _text in told(response)] == ["error"]
    assert refreshed(ticket).status == Status.NEW


def test_set_priority(client_a, ticket):
    response = client_a.post(action_url("priority", ticket), {"priority-priority": Priority.URGENT})

    assert told(response) == [("success", f"Priority of {ticket.reference} is now Urgent.")]
    assert refreshed(ticket).priority == Priority.URGENT


def test_assign_to_an_agent_of_the_queue(client_a, queue_a, ticket):
    colleague = make_admin_agent(queue_a, username="carol", first_name="Carol", last_name="Cole")

    response = client_a.post(action_url("assign", ticket), {"assign-assignee": colleague.pk})

    assert told(response) == [("success", f"{ticket.reference} assigned to Carol Cole.")]
    assert refreshed(ticket).assignee == colleague


def test_assign_refuses_someone_outside_the_queue(client_a, agent_b, ticket):
    response = client_a.post(action_url("assign", ticket), {"assign-assignee": agent_b.pk})

    assert [level for level, _text in told(response)] == ["error"]
    assert refreshed(ticket).assignee is None


def test_assign_to_nobody_unassigns(client_a, agent_a, ticket):
    workflow.claim(ticket, by=agent_a)

    response = client_a.post(action_url("assign", ticket), {"assign-assignee": ""})

    assert told(response) == [("success", f"{ticket.reference} is unassigned.")]
    assert refreshed(ticket).assignee is None


def test_transfer_to_another_queue_with_a_note_leaves_the_agents_sight(client_a, agent_a, queue_b, ticket):
    response = client_a.post(
        action_url("transfer", ticket), {"transfer-queue": queue_b.pk, "transfer-note": "Screen issue, not returns."}
    )

    assert told(response) == [("success", f"{ticket.reference} transferred.")]
    assert response["Location"] == reverse("wagtailsnippets_wagtail_helpdesk_ticket:list")
    assert refreshed(ticket).queue == queue_b
    assert Message.objects.get(ticket=ticket, kind=Message.Kind.NOTE).body_text == "Screen issue, not returns."


def test_transfer_to_an_agent_of_the_other_queue(client_a, agent_b, queue_b, ticket):
    client_a.post(action_url("transfer", ticket), {"transfer-queue": queue_b.pk, "transfer-assignee": agent_b.pk})

    assert (refreshed(ticket).queue, refreshed(ticket).assignee) == (queue_b, agent_b)


def test_transfer_needs_a_queue_or_an_agent(client_a, ticket, queue_a):
    response = client_a.post(action_url("transfer", ticket), {"transfer-note": "Somewhere else"})

    assert told(response) == [("error", "Choose a queue or an agent to transfer to.")]
    assert refreshed(ticket).queue == queue_a


def test_merge_into_another_ticket_by_reference(client_a, queue_a, ticket):
    survivor = TicketFactory(queue=queue_a)

    response = client_a.post(action_url("merge", ticket), {"merge-reference": survivor.reference.lower()})

    assert told(response) == [("success", f"{ticket.reference} merged into {survivor.reference}.")]
    assert response["Location"] == ticket_url(survivor)
    assert refreshed(ticket).merged_into == survivor
    assert refreshed(ticket).status == Status.CLOSED


def test_merge_into_a_ticket_of_another_queue_is_refused(client_a, queue_b, ticket):
    elsewhere = TicketFactory(queue=queue_b)

    response = client_a.post(action_url("merge", ticket), {"merge-reference": elsewhere.reference})

    assert told(response) == [("error", f"Merge into ticket: No ticket {elsewhere.reference} that you can work on.")]
    assert refreshed(ticket).merged_into is None


def test_merge_into_itself_is_an_error_message(client_a, ticket):
    response = client_a.post(action_url("merge", ticket), {"merge-reference": ticket.reference})

    assert told(response) == [("error", "A ticket cannot be merged into itself.")]


def test_actions_on_a_merged_ticket_are_refused(client_a, agent_a, queue_a, ticket):
    workflow.merge(ticket, TicketFactory(queue=queue_a), by=agent_a)

    response = client_a.post(action_url("note", ticket), {"note-body": "Too late"})

    assert told(response) == [("error", f"Ticket {ticket.reference} was merged into another ticket.")]


ACTION_POSTS = {
    "claim": {},
    "reply": {"reply-body": "Hello"},
    "note": {"note-body": "Hello"},
    "status": {"status-status": Status.SOLVED},
    "priority": {"priority-priority": Priority.URGENT},
    "assign": {"assign-assignee": ""},
    "transfer": {"transfer-note": "x"},
    "tags": {"tags-tags": "refund"},
    "merge": {"merge-reference": "HD-000000"},
}


@pytest.mark.parametrize("action", sorted(ACTION_POSTS))
def test_agent_of_another_queue_gets_404_and_changes_nothing(client, agent_b, queue_b, ticket, action):
    data = dict(ACTION_POSTS[action])
    if action == "transfer":
        data["transfer-queue"] = queue_b.pk
    client.force_login(agent_b)
    before = Ticket.objects.filter(pk=ticket.pk).values().get()

    response = client.post(action_url(action, ticket), data)

    assert response.status_code == 404
    assert Ticket.objects.filter(pk=ticket.pk).values().get() == before
    assert not Message.objects.filter(ticket=ticket).exists()


def test_actions_accept_only_post(client_a, ticket):
    assert client_a.get(action_url("claim", ticket)).status_code == 405
    assert refreshed(ticket).assignee is None


def test_actions_need_the_csrf_token(agent_a, ticket):
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent_a)

    response = client.post(action_url("claim", ticket))

    assert response.status_code == 403
    assert refreshed(ticket).assignee is None


def test_every_action_form_on_the_ticket_view_posts_with_a_csrf_token(client_a, ticket, settings):
    settings.WAGTAIL_HELPDESK_AUTO_CLAIM_ON_OPEN = False  # keep the claim button
    content = client_a.get(ticket_url(ticket)).content.decode()

    for name in ACTION_POSTS:
        start = content.rindex("<form", 0, content.index(f'action="{action_url(name, ticket)}"'))
        form = content[start : content.index("</form>", start)]
        assert 'method="post"' in form
        assert "csrfmiddlewaretoken" in form


def test_error_messages_show_what_the_agent_typed_escaped(client_a, ticket):
    hostile = "<script>alert('pwned')</script>"

    response = client_a.post(action_url("merge", ticket), {"merge-reference": hostile}, follow=True)

    content = response.content.decode()
    assert "that you can work on" in content
    assert hostile not in content
