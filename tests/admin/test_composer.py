"""The composer: canned responses, the collision check on send, the presence banner and endpoint."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail_helpdesk.models import CannedResponse, Message, Status
from wagtail_helpdesk.services import intake, presence, workflow
from wagtail_helpdesk.testing.factories import CustomerFactory, TicketFactory, UserFactory, inbound_message

from .conftest import make_admin_agent

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert('pwned')</script>"


def ticket_url(ticket) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))


def reply_url(ticket) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:action_reply", args=(ticket.pk,))


def canned_url(ticket, canned) -> str:
    return reverse("wagtail_helpdesk_ticket_canned", args=(ticket.pk, canned.pk))


def presence_url(ticket) -> str:
    return reverse("wagtail_helpdesk_ticket_presence", args=(ticket.pk,))


@pytest.fixture
def ticket(queue_a):
    queue_a.is_default = True
    queue_a.save()
    customer = CustomerFactory(name="Anna Nowak", email="anna@mail.example")
    return intake.receive(inbound_message(sender_email=customer.email, sender_name=customer.name)).ticket


@pytest.fixture
def greeting(db):
    return CannedResponse.objects.create(
        title="Greeting", body="Hello {{ customer.name }}, about {{ ticket.reference }}: {{ agent.name }} here."
    )


def test_composer_offers_the_canned_responses_of_the_tickets_queue(client_a, ticket, greeting, queue_a, queue_b):
    CannedResponse.objects.create(title="Returns only", body="x", queue=queue_a)
    CannedResponse.objects.create(title="Repairs only", body="x", queue=queue_b)

    content = client_a.get(ticket_url(ticket)).content.decode()

    assert "Greeting" in content and "Returns only" in content
    assert "Repairs only" not in content
    assert f'data-url="{canned_url(ticket, greeting)}"' in content
    assert 'id="id_reply-body"' in content and 'name="reply-body"' in content


def test_canned_response_renders_with_the_tickets_plain_values(client_a, ticket, greeting):
    response = client_a.get(canned_url(ticket, greeting))

    assert response.status_code == 200
    assert response.json()["text"] == f"Hello Anna Nowak, about {ticket.reference}: Alice Agent here."


def test_canned_response_cannot_reach_anything_but_plain_values(client_a, ticket):
    sneaky = CannedResponse.objects.create(
        title="Sneaky",
        body="{{ ticket.customer.user.password }}{% load static %}{{ settings.SECRET_KEY }}"
        "|{{ ticket.reference.upper }}",
    )

    text = client_a.get(canned_url(ticket, sneaky)).json()["text"]

    assert text == "{% load static %}|"


def test_hostile_canned_response_and_customer_name_stay_text(client_a, queue_a):
    customer = CustomerFactory(name=HOSTILE, email="evil@mail.example")
    ticket = TicketFactory(queue=queue_a, customer=customer, subject=HOSTILE)
    canned = CannedResponse.objects.create(title=HOSTILE, body=HOSTILE + " {{ customer.name }}")

    page = client_a.get(ticket_url(ticket)).content.decode()
    data = client_a.get(canned_url(ticket, canned))

    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in page
    assert data["Content-Type"] == "application/json"
    assert data.json()["text"] == f"{HOSTILE} {HOSTILE}"  # JSON text, put into the textarea as .value, never as HTML


def test_canned_response_of_another_queue_is_404(client_a, ticket, queue_b):
    other = CannedResponse.objects.create(title="Repairs only", body="x", queue=queue_b)

    assert client_a.get(canned_url(ticket, other)).status_code == 404


def test_reply_from_the_composer_carries_the_last_seen_message(client_a, agent_a, ticket):
    content = client_a.get(ticket_url(ticket)).content.decode()
    last = workflow.last_message_id(ticket)
    assert f'name="reply-last_seen_message" value="{last}"' in content

    response = client_a.post(
        reply_url(ticket), {"reply-body": "On its way.", "reply-last_seen_message": last, "reply-status": "pending"}
    )

    assert response.status_code == 302
    assert ticket.messages.filter(kind=Message.Kind.REPLY, body_text="On its way.").exists()
    ticket.refresh_from_db()
    assert ticket.status == Status.PENDING


def test_reply_on_a_changed_ticket_is_stopped_with_the_draft_kept_and_new_messages_marked(
    client_a, agent_b, ticket, queue_a
):
    last = workflow.last_message_id(ticket)
    colleague = make_admin_agent(queue_a, username="olena", first_name="Olena")
    theirs = workflow.reply(ticket, by=colleague, body_text="I answered already.")

    response = client_a.post(reply_url(ticket), {"reply-body": "My own answer", "reply-last_seen_message": last})

    assert response.status_code == 302
    assert not ticket.messages.filter(body_text="My own answer").exists()
    [(level, text)] = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert level == "warning" and "changed while you were writing" in text and "draft is kept" in text
    page = client_a.get(ticket_url(ticket)).content.decode()
    assert "My own answer" in page.split('id="id_reply-body"')[1].split("</textarea>")[0]
    marked = page.split(f'id="message-{theirs.pk}"')[0].rsplit("<article", 1)[1]
    assert "helpdesk-message--unseen" in marked
    assert "New while you were writing" in page
    assert f'name="reply-last_seen_message" value="{theirs.pk}"' in page

    sent = client_a.post(reply_url(ticket), {"reply-body": "My own answer", "reply-last_seen_message": theirs.pk})

    assert sent.status_code == 302
    assert ticket.messages.filter(body_text="My own answer").exists()


def test_tampered_last_seen_message_is_a_form_error(client_a, ticket):
    response = client_a.post(reply_url(ticket), {"reply-body": "Hi", "reply-last_seen_message": "-1 OR 1=1"})

    assert response.status_code == 302
    assert not ticket.messages.filter(body_text="Hi").exists()
    assert any(m.level_tag == "error" for m in get_messages(response.wsgi_request))


def test_presence_endpoint_tells_who_else_is_viewing_and_typing(client, agent_a, ticket, queue_a):
    olena = make_admin_agent(queue_a, username="olena", first_name="Olena", last_name="K")
    presence.touch(ticket.pk, olena, typing=True)
    client.force_login(agent_a)

    data = client.post(presence_url(ticket), {"since": workflow.last_message_id(ticket)}).json()

    assert data["others"] == [{"name": "Olena K", "typing": True}]
    assert data["message"] == "Olena K is typing a reply."
    assert data["changed"] is False
    assert [p.name for p in presence.others(ticket.pk, olena)] == ["Alice Agent"]


def test_presence_endpoint_says_when_new_messages_arrived(client_a, ticket):
    since = workflow.last_message_id(ticket)
    intake.receive(inbound_message(sender_email="anna@mail.example", ticket_reference=ticket.reference))

    data = client_a.post(presence_url(ticket), {"since": since}).json()

    assert data["changed"] is True and "New messages" in data["changed_message"]


def test_typing_is_signalled_and_shown_to_the_other_agent_as_a_banner(client, agent_a, ticket, queue_a):
    olena = make_admin_agent(queue_a, username="olena", first_name="Olena", last_name="K")
    client.force_login(olena)
    client.post(presence_url(ticket), {"typing": "1"})
    client.force_login(agent_a)

    page = client.get(ticket_url(ticket)).content.decode()

    banner = page.split("data-helpdesk-presence")[1].split("</div>")[0]
    assert "Olena K is typing a reply." in banner and "hidden" not in banner.split(">")[0]


def test_hostile_agent_name_in_presence_is_escaped(client, agent_a, ticket, queue_a):
    evil = make_admin_agent(queue_a, username="evil", first_name=HOSTILE, last_name="")
    presence.touch(ticket.pk, evil)
    client.force_login(agent_a)

    page = client.get(ticket_url(ticket)).content.decode()

    assert HOSTILE not in page
    assert (
        client.post(presence_url(ticket)).json()["others"][0]["name"].startswith("<script>")
    )  # JSON, set as textContent


def test_presence_endpoint_accepts_only_post(client_a, ticket):
    assert client_a.get(presence_url(ticket)).status_code == 405


def test_malformed_presence_input_is_harmless(client_a, ticket):
    data = client_a.post(presence_url(ticket), {"since": "<script>", "typing": "x" * 10000}).json()

    assert data["changed"] is False and data["others"] == []


@pytest.mark.parametrize("who", ["other_agent", "customer", "staff_non_agent"])
def test_endpoints_are_404_for_anyone_but_the_tickets_agents(client, ticket, greeting, agent_b, who):
    if who == "other_agent":
        user = agent_b
    elif who == "customer":
        user = UserFactory(username="anna", email="anna@mail.example")
        ticket.customer.user = user
        ticket.customer.save()
    else:
        user = UserFactory(username="editor", is_staff=True)
    client.force_login(user)

    for response in (client.post(presence_url(ticket)), client.get(canned_url(ticket, greeting))):
        # Users without admin access are sent to the admin login by Wagtail; agents of other queues get 404.
        assert response.status_code == 404 or (response.status_code == 302 and "login" in response["Location"])
        assert b"Greeting" not in response.content and b"Hello" not in response.content
    assert presence.others(ticket.pk, agent_b) == []


def test_endpoints_send_anonymous_users_to_the_login(client, ticket, greeting):
    for response in (client.post(presence_url(ticket)), client.get(canned_url(ticket, greeting))):
        assert response.status_code == 302 and "login" in response["Location"]


def test_unknown_ids_are_404(client_a, ticket, greeting):
    assert client_a.post(reverse("wagtail_helpdesk_ticket_presence", args=(999999,))).status_code == 404
    assert client_a.get(reverse("wagtail_helpdesk_ticket_canned", args=(ticket.pk, 999999))).status_code == 404
    assert client_a.get(reverse("wagtail_helpdesk_ticket_canned", args=(999999, greeting.pk))).status_code == 404
