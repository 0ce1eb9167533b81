"""The agent's ticket view: header, conversation, attachments, timeline, customer sidebar, plugin panels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.models import Attachment, EventKind, Message, Priority, Status, TicketEvent
from wagtail_helpdesk.services import attachments, intake, workflow
from wagtail_helpdesk.testing.factories import CustomerFactory, TicketFactory, UserFactory, inbound_message
from wagtail_helpdesk.testing.plugins import registered_plugin
from wagtail_helpdesk.types import ContextPanel, InboundAttachment

from .conftest import grant

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert('pwned')</script>"
TEMPLATES_DIR = Path(__file__).parent / "templates"


def ticket_url(ticket) -> str:
    return reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))


@pytest.fixture
def ticket(queue_a):
    """A ticket opened through intake in queue A, with a mail-like HTML body."""
    queue_a.is_default = True
    queue_a.save()
    return intake.receive(
        inbound_message(
            subject="Kettle leaks",
            sender_name="Anna Nowak",
            body_text="It leaks.\nFrom the bottom.",
            body_html="<p>It <b>leaks</b>.</p>",
        )
    ).ticket


def test_header_shows_reference_subject_status_priority_queue_assignee_and_customer(client_a, agent_a, ticket):
    workflow.claim(ticket, by=agent_a)
    workflow.set_priority(ticket, Priority.HIGH, by=agent_a)

    response = client_a.get(ticket_url(ticket))

    assert response.status_code == 200
    header = response.content.decode().split('class="helpdesk-ticket__header"')[1].split("</header>")[0]
    for text in (ticket.reference, "Kettle leaks", "Open", "High", "Returns", "Alice Agent", "Anna Nowak"):
        assert text in header


def test_conversation_is_in_order_with_replies_and_notes_told_apart(client_a, agent_a, ticket):
    workflow.reply(ticket, by=agent_a, body_text="We are sending a new one.")
    workflow.add_note(ticket, by=agent_a, body_text="Courier is slow this week.")

    content = client_a.get(ticket_url(ticket)).content.decode()

    kinds = re.findall(r'class="helpdesk-message helpdesk-message--(\w+)"', content)
    assert kinds == ["inbound", "reply", "note"]
    assert content.index("It leaks.") < content.index("We are sending a new one.")
    assert content.index("We are sending a new one.") < content.index("Courier is slow this week.")
    assert "Internal note" in content


def test_mail_html_is_shown_only_in_a_sandboxed_iframe_without_scripts(client_a, ticket):
    content = client_a.get(ticket_url(ticket)).content.decode()

    iframe = re.search(r"<iframe[^>]*>", content).group(0)
    assert "sandbox=" in iframe
    assert "allow-scripts" not in iframe
    assert "allow-same-origin" not in iframe
    assert 'srcdoc="&lt;!DOCTYPE html&gt;' in iframe
    assert "&lt;b&gt;leaks&lt;/b&gt;" in iframe
    assert "<b>leaks</b>" not in content


def test_text_bodies_are_escaped_and_keep_their_line_breaks(client_a, agent_a, ticket):
    workflow.add_note(ticket, by=agent_a, body_text="First line\nSecond <em>line</em>")

    content = client_a.get(ticket_url(ticket)).content.decode()

    assert "First line<br>Second &lt;em&gt;line&lt;/em&gt;" in content


def test_attachments_link_to_the_permission_checked_download(client_a, client, agent_b, queue_a):
    queue_a.is_default = True
    queue_a.save()
    attachment = InboundAttachment(filename="receipt.pdf", content_type="application/pdf", content=b"%PDF-1.4 test")
    ticket = intake.receive(inbound_message(attachments=(attachment,))).ticket
    stored = ticket.messages.get().attachments.get()
    download = reverse("wagtail_helpdesk:attachment", args=(stored.pk,))

    content = client_a.get(ticket_url(ticket)).content.decode()

    assert f'href="{download}"' in content
    assert "receipt.pdf" in content
    assert client_a.get(download).status_code == 200
    client.force_login(agent_b)
    assert client.get(download).status_code == 404


def test_timeline_lists_what_happened_and_who_did_it(client_a, agent_a, ticket):
    workflow.claim(ticket, by=agent_a)
    workflow.set_status(ticket, Status.PENDING, by=agent_a)

    content = client_a.get(ticket_url(ticket)).content.decode()
    timeline = content.split('class="helpdesk-ticket__conversation helpdesk-timeline"')[1]

    for text in ("Ticket opened", "Routed", "Claimed", "Status changed", "Open → Waiting on customer", "Alice Agent"):
        assert text in timeline


def test_customer_sidebar_lists_their_other_tickets_the_agent_can_see(client_a, queue_a, queue_b):
    customer = CustomerFactory(name="Anna Nowak", phone="+48 600 100 200", shop_account="C-1042")
    current = TicketFactory(queue=queue_a, customer=customer)
    earlier = TicketFactory(queue=queue_a, customer=customer, subject="Wrong colour")
    TicketFactory(queue=queue_b, customer=customer, subject="Hidden repair")
    TicketFactory(queue=queue_a, subject="Somebody else's")

    content = client_a.get(ticket_url(current)).content.decode()
    sidebar = content.split('class="helpdesk-ticket__sidebar"')[1]

    assert "+48 600 100 200" in sidebar and "C-1042" in sidebar
    assert earlier.reference in sidebar and "Wrong colour" in sidebar
    assert "Hidden repair" not in content
    assert "Somebody else" not in sidebar


class OrdersPlugin:
    """A shop plugin: a template panel and a pre-escaped HTML panel."""

    @hookimpl
    def helpdesk_customer_context_panels(self, customer, ticket, request):
        return [
            ContextPanel(title="Loyalty", html="<p class='test-loyalty'>Gold member</p>", order=200),
            ContextPanel(
                title="Orders",
                template_name="helpdesk_test/orders_panel.html",
                context={"orders": [f"#1001 for {customer.email}", HOSTILE]},
                order=10,
            ),
        ]


class BrokenPlugin:
    @hookimpl
    def helpdesk_customer_context_panels(self, customer, ticket, request):
        raise RuntimeError("shop API down")


@pytest.fixture
def test_templates(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], TEMPLATES_DIR]}]


def test_plugin_panels_are_shown_in_order_and_template_context_is_escaped(client_a, ticket, test_templates):
    with registered_plugin(OrdersPlugin()):
        content = client_a.get(ticket_url(ticket)).content.decode()

    assert content.index(">Orders<") < content.index(">Loyalty<")
    assert "#1001 for anna@mail.example" in content
    assert "<p class='test-loyalty'>Gold member</p>" in content
    assert HOSTILE not in content


def test_a_failing_plugin_panel_does_not_break_the_ticket_view(client_a, ticket):
    with registered_plugin(BrokenPlugin()):
        response = client_a.get(ticket_url(ticket))

    assert response.status_code == 200
    assert "Kettle leaks" in response.content.decode()


def test_hostile_content_renders_inert(client_a, agent_a, queue_a):
    queue_a.is_default = True
    queue_a.save()
    ticket = intake.receive(
        inbound_message(
            subject=f"Help {HOSTILE}",
            sender_name=f"Eve {HOSTILE}",
            body_text=f"Body {HOSTILE}",
            body_html=f"<p>Body</p>{HOSTILE}<img src=x onerror=alert(1)>",
        )
    ).ticket
    note = workflow.add_note(ticket, by=agent_a, body_text=f"Note {HOSTILE}")
    attachments.store(note, [InboundAttachment(filename=f"{HOSTILE}.txt", content_type="text/plain", content=b"x")])

    pages = [
        client_a.get(ticket_url(ticket)),
        client_a.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:list")),
        client_a.get(reverse("wagtailadmin_home")),
    ]

    for response in pages:
        content = response.content.decode()
        assert response.status_code == 200
        assert HOSTILE not in content
        assert "<img src=x onerror" not in content
    ticket_page = pages[0].content.decode()
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in ticket_page


def test_agent_of_another_queue_gets_404(client, agent_b, ticket):
    client.force_login(agent_b)

    assert client.get(ticket_url(ticket)).status_code == 404


def test_unknown_ticket_is_404(client_a):
    assert client_a.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(999999,))).status_code == 404


def test_admin_user_who_is_not_an_agent_cannot_open_a_ticket(client, ticket):
    editor = UserFactory(username="editor")
    grant(editor, "wagtailadmin.access_admin", "wagtail_helpdesk.view_ticket", "wagtail_helpdesk.change_ticket")
    client.force_login(editor)

    assert client.get(ticket_url(ticket)).status_code == 404


def test_superuser_opens_any_ticket(client, superuser, ticket):
    client.force_login(superuser)

    assert client.get(ticket_url(ticket)).status_code == 200


def test_merged_ticket_points_to_the_survivor_and_offers_no_actions(client_a, agent_a, ticket, queue_a):
    survivor = TicketFactory(queue=queue_a)
    workflow.merge(ticket, survivor, by=agent_a)

    content = client_a.get(ticket_url(ticket)).content.decode()

    assert "was merged into" in content
    assert f'href="{ticket_url(survivor)}"' in content
    assert reverse("wagtailsnippets_wagtail_helpdesk_ticket:action_reply", args=(ticket.pk,)) not in content


def _grow(ticket, agent, count: int) -> None:
    """``count`` messages of every kind, each with an attachment and an event, in a few bulk queries.

    The customer's messages are mail HTML showing their attachment as an inline (``cid:``) image.
    """
    kinds = [Message.Kind.INBOUND, Message.Kind.REPLY, Message.Kind.NOTE]
    messages = Message.objects.bulk_create(
        [
            Message(
                ticket=ticket,
                kind=kinds[number % 3],
                channel="web",
                author_user=None if number % 3 == 0 else agent,
                author_customer=ticket.customer if number % 3 == 0 else None,
                body_text=f"Message {number}",
                body_html=f'<p>Message {number}</p><img src="cid:photo-{number}@mail.example">'
                if number % 3 == 0
                else "",
            )
            for number in range(count)
        ]
    )
    if not all(message.pk for message in messages):  # databases that return no ids from bulk inserts
        messages = list(ticket.messages.order_by("pk"))
    Attachment.objects.bulk_create(
        [
            Attachment(
                message=message,
                file=f"helpdesk/attachments/x{message.pk}",
                filename=f"photo-{message.pk}.png",
                content_type="image/png",
                size=10,
                sha256="0" * 64,
                content_id=message.body_text.replace("Message ", "photo-") + "@mail.example",
            )
            for message in messages
        ]
    )
    event_kinds = [EventKind.STATUS, EventKind.ASSIGNED, EventKind.SLA_WARNING, EventKind.PRIORITY]
    TicketEvent.objects.bulk_create(
        [
            TicketEvent(
                ticket=ticket,
                kind=event_kinds[number % 4],
                actor_user=agent,
                data={"from": "open", "to": "pending"} if number % 4 == 0 else {"from": None, "to": agent.pk},
            )
            for number in range(count)
        ]
    )


def test_ticket_view_with_200_messages_attachments_and_events_stays_within_20_queries(
    client_a, agent_a, ticket, django_assert_max_num_queries
):
    workflow.claim(ticket, by=agent_a)
    client_a.get(ticket_url(ticket))  # warm the per-agent caches (notification and saved-view counts)
    with django_assert_max_num_queries(20) as short:
        client_a.get(ticket_url(ticket))
    _grow(ticket, agent_a, 200)

    with django_assert_max_num_queries(20) as long:
        response = client_a.get(ticket_url(ticket))

    assert response.content.decode().count('class="helpdesk-message ') == 201
    assert response.content.decode().count("photo-") >= 200
    assert response.content.decode().count("?inline=") == 67  # each customer message's inline image
    assert len(long) == len(short)


def test_timeline_shows_the_routing_reason_in_the_agents_language(client_a, agent_a, ticket):
    profile = UserProfile.get_for_user(agent_a)
    profile.preferred_language = "pl"
    profile.save()

    content = client_a.get(ticket_url(ticket)).content.decode()
    timeline = content.split('class="helpdesk-ticket__conversation helpdesk-timeline"')[1]

    assert TicketEvent.objects.get(ticket=ticket, kind=EventKind.ROUTED).data["reason"] == "default queue"
    assert "kolejka domyślna" in timeline
