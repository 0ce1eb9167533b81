"""Agent notifications: who is told about which event, the admin row and the mail through the outbox."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_helpdesk.models import AgentNotification, AgentProfile, EventKind, OutboundMessage
from wagtail_helpdesk.services import agent_notifications, events, intake, workflow
from wagtail_helpdesk.testing.factories import QueueFactory, TicketFactory, inbound_message, make_agent

pytestmark = pytest.mark.django_db

Kind = AgentNotification.Kind
HOSTILE = "<script>alert('pwned')</script>"


@pytest.fixture
def queue():
    return QueueFactory(name="Returns", slug="returns", is_default=True)


@pytest.fixture
def olena(queue):
    return make_agent(queue, username="olena", first_name="Olena", email="olena@shop.example")


@pytest.fixture
def piotr(queue):
    return make_agent(queue, username="piotr", first_name="Piotr", email="piotr@shop.example")


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run a change and the after-commit work it triggers (the plugin hears events after commit)."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


def notified(user) -> list[tuple[str, str]]:
    return [(n.kind, n.ticket.reference) for n in AgentNotification.objects.filter(user=user).order_by("pk")]


def agent_mail(user) -> list[OutboundMessage]:
    return list(OutboundMessage.objects.filter(kind=OutboundMessage.Kind.AGENT_NOTIFICATION, recipient=user.email))


def test_new_unassigned_ticket_notifies_every_agent_of_its_queue(after_commit, olena, piotr):
    ticket = after_commit(lambda: intake.receive(inbound_message(subject="Kettle leaks")).ticket)

    assert notified(olena) == [(Kind.NEW_TICKET, ticket.reference)]
    assert notified(piotr) == [(Kind.NEW_TICKET, ticket.reference)]
    [mail] = agent_mail(olena)
    assert mail.channel == "email"
    assert ticket.reference in mail.subject and "Kettle leaks" in mail.subject
    assert f"/admin/snippets/wagtail_helpdesk/ticket/inspect/{ticket.pk}/" in mail.body_text
    assert mail.headers["Auto-Submitted"] == "auto-generated"


def test_agents_of_other_queues_hear_nothing(after_commit, olena):
    stranger = make_agent(QueueFactory(slug="repairs"), username="stranger")

    after_commit(lambda: intake.receive(inbound_message()))

    assert notified(stranger) == []


def test_customer_reply_notifies_the_assignee_only(after_commit, olena, piotr):
    ticket = intake.receive(inbound_message(sender_email="anna@mail.example")).ticket
    workflow.claim(ticket, by=olena)

    after_commit(
        lambda: intake.receive(
            inbound_message(sender_email="anna@mail.example", ticket_reference=ticket.reference, body_text="Still?")
        )
    )

    assert notified(olena) == [(Kind.CUSTOMER_REPLY, ticket.reference)]
    assert notified(piotr) == []


def test_assignment_and_transfer_notify_the_new_owner_but_not_the_agent_acting(after_commit, queue, olena, piotr):
    ticket = TicketFactory(queue=queue)

    after_commit(lambda: workflow.assign(ticket, piotr, by=olena))
    after_commit(lambda: workflow.transfer(ticket, by=piotr, assignee=olena, note="Yours, the customer is in Kyiv"))

    assert notified(piotr) == [(Kind.ASSIGNED, ticket.reference)]
    assert notified(olena) == [(Kind.ASSIGNED, ticket.reference)]
    text = AgentNotification.objects.get(user=olena).text
    assert "Piotr" in text and ticket.reference in text


def test_claiming_a_ticket_notifies_nobody(after_commit, queue, olena, piotr):
    ticket = TicketFactory(queue=queue)

    after_commit(lambda: workflow.claim(ticket, by=olena))

    assert AgentNotification.objects.count() == 0


def test_transfer_to_another_queue_without_an_agent_tells_that_queues_agents(after_commit, queue, olena):
    repairs = QueueFactory(slug="repairs", name="Repairs")
    fixer = make_agent(repairs, username="fixer")
    ticket = TicketFactory(queue=queue)

    after_commit(lambda: workflow.transfer(ticket, by=olena, queue=repairs))

    assert notified(fixer) == [(Kind.NEW_TICKET, ticket.reference)]


def test_mention_in_an_internal_note_notifies_agents_who_may_see_the_ticket(after_commit, queue, olena, piotr):
    stranger = make_agent(QueueFactory(slug="repairs"), username="stranger")
    ticket = TicketFactory(queue=queue)

    after_commit(lambda: workflow.add_note(ticket, by=olena, body_text="@piotr, @stranger and @nobody: see this."))

    assert notified(piotr) == [(Kind.MENTION, ticket.reference)]
    assert notified(stranger) == []
    assert "see this" in AgentNotification.objects.get(user=piotr).text


def test_mentioning_yourself_is_not_a_notification(after_commit, queue, olena):
    ticket = TicketFactory(queue=queue)

    after_commit(lambda: workflow.add_note(ticket, by=olena, body_text="Note to self @olena"))

    assert notified(olena) == []


def test_mentioned_usernames_ignore_mail_addresses_and_trailing_punctuation():
    text = "ask @olena. and @piotr.k, not anna@mail.example"

    assert agent_notifications.mentioned_usernames(text) == ["olena", "piotr.k"]


@pytest.mark.parametrize("kind", [EventKind.SLA_WARNING, EventKind.SLA_BREACHED])
def test_sla_events_notify_the_users_listed_in_the_event(after_commit, queue, olena, piotr, kind):
    stranger = make_agent(QueueFactory(slug="repairs"), username="stranger")
    ticket = TicketFactory(queue=queue)

    after_commit(
        lambda: events.record(events.build(ticket, kind, notify=[piotr.pk, stranger.pk, 999999, "x"], target="first"))
    )

    assert notified(piotr) == [(str(kind), ticket.reference)]
    assert notified(olena) == [] and notified(stranger) == []


def test_agents_who_turned_email_off_get_the_row_but_no_mail(after_commit, olena, piotr):
    AgentProfile.objects.create(user=olena, email_notifications=False)

    after_commit(lambda: intake.receive(inbound_message()))

    assert len(notified(olena)) == 1 and agent_mail(olena) == []
    assert len(agent_mail(piotr)) == 1


def test_an_event_announced_twice_notifies_once(queue, olena, piotr):
    ticket = TicketFactory(queue=queue)
    [event] = events.record(events.build(ticket, EventKind.ASSIGNED, user=olena, **{"from": None, "to": piotr.pk}))
    payload = events._payload(event)

    agent_notifications.notify_for_event(payload)
    agent_notifications.notify_for_event(payload)

    assert notified(piotr) == [(Kind.ASSIGNED, ticket.reference)]
    assert len(agent_mail(piotr)) == 1


def test_unread_count_is_cached_and_dropped_when_things_change(queue, olena, django_assert_num_queries):
    ticket = TicketFactory(queue=queue)
    agent_notifications.notify([olena], ticket, Kind.NEW_TICKET)
    assert agent_notifications.unread_count(olena) == 1
    with django_assert_num_queries(0):
        assert agent_notifications.unread_count(olena) == 1

    agent_notifications.notify([olena], ticket, Kind.MENTION)
    assert agent_notifications.unread_count(olena) == 2
    assert agent_notifications.mark_read(olena, ticket=ticket) == 2
    assert agent_notifications.unread_count(olena) == 0


def test_marking_read_never_touches_another_agents_notifications(queue, olena, piotr):
    ticket = TicketFactory(queue=queue)
    agent_notifications.notify([olena, piotr], ticket, Kind.NEW_TICKET)
    theirs = AgentNotification.objects.get(user=piotr)

    assert agent_notifications.mark_read(olena, ids=[theirs.pk]) == 0
    assert AgentNotification.objects.get(pk=theirs.pk).read_at is None


def test_hostile_subject_is_stored_as_plain_text(after_commit, olena):
    after_commit(lambda: intake.receive(inbound_message(subject=HOSTILE)))

    assert HOSTILE in AgentNotification.objects.get(user=olena).text  # plain text; every screen escapes it
    assert agent_mail(olena)[0].body_html == ""


def test_the_plugin_can_be_disabled(after_commit, settings, olena):
    settings.WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["agent_notifier"]

    after_commit(lambda: intake.receive(inbound_message()))

    assert AgentNotification.objects.count() == 0


@pytest.mark.parametrize("kind", [kind.value for kind in EventKind])
@pytest.mark.parametrize("assigned", [False, True])
def test_an_event_the_plugin_skips_would_have_notified_nobody(kind, assigned, queue, olena, piotr):
    """``might_notify`` saves the task only where ``notify_for_event`` would do nothing."""
    from wagtail_helpdesk.models import Message
    from wagtail_helpdesk.types import TicketEventPayload

    ticket = TicketFactory(queue=queue, assignee=olena if assigned else None)
    note = Message.objects.create(ticket=ticket, kind=Message.Kind.NOTE, body_text="@olena @piotr look")
    shapes = [
        {},
        {"to": piotr.pk},
        {"assignee": piotr.pk},
        {"notify": [piotr.pk, olena.pk]},
        {"to_assignee": piotr.pk, "from_assignee": olena.pk},
        {"to_queue": queue.pk, "from_queue": None},
        {"message": note.pk},
    ]
    for number, data in enumerate(shapes):
        event = TicketEventPayload(
            event_id=10_000 + number,
            kind=kind,
            ticket_id=ticket.pk,
            ticket_reference=ticket.reference or "",
            actor_user_id=None,
            actor_customer_id=None,
            data=data,
        )
        if not agent_notifications.might_notify(event):
            assert agent_notifications.notify_for_event(event) == [], (kind, data)


def test_agents_given_a_queue_hear_of_its_next_ticket(after_commit, queue):
    after_commit(lambda: intake.receive(inbound_message()))  # no agent group yet: no task, snapshot cached
    olena = make_agent(queue, username="olena", email="olena@shop.example")

    ticket = after_commit(lambda: intake.receive(inbound_message(subject="Kettle leaks")).ticket)

    assert notified(olena) == [(Kind.NEW_TICKET, ticket.reference)]


def _created_event(ticket):
    event = ticket.events.get(kind=EventKind.CREATED)
    return events._payload(event)


def test_a_new_ticket_costs_the_same_queries_for_a_team_of_one_or_of_six(
    queue, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """One query finds the agents with their preferences, one insert each for the rows and the mails."""
    make_agent(queue, username="solo", email="solo@shop.example")
    small = intake.receive(inbound_message(subject="First")).ticket
    with CaptureQueriesContext(connection) as one_agent:
        assert len(agent_notifications.notify_for_event(_created_event(small))) == 1

    for number in range(5):
        agent = make_agent(queue, username=f"agent{number}", email=f"agent{number}@shop.example")
        if number % 2:
            AgentProfile.objects.create(user=agent, email_notifications=False)
    large = intake.receive(inbound_message(subject="Second")).ticket
    with django_assert_num_queries(len(one_agent.captured_queries)), django_capture_on_commit_callbacks() as after:
        assert len(agent_notifications.notify_for_event(_created_event(large))) == 6
    assert len(after) == 1, "one delivery task for the four mails"
    assert OutboundMessage.objects.filter(ticket=large, kind=OutboundMessage.Kind.AGENT_NOTIFICATION).count() == 4


def test_the_notification_is_written_in_the_agents_admin_language(after_commit, queue):
    from wagtail.users.models import UserProfile

    polish = make_agent(queue, username="marta", email="marta@shop.example")
    UserProfile.objects.create(user=polish, preferred_language="pl")
    english = make_agent(queue, username="jonas", email="jonas@shop.example")

    ticket = after_commit(lambda: intake.receive(inbound_message(subject="Czajnik"))).ticket

    [for_polish] = AgentNotification.objects.filter(user=polish)
    [for_english] = AgentNotification.objects.filter(user=english)
    assert for_polish.text == f"Nowe zgłoszenie {ticket.reference} w kolejce Returns: Czajnik"
    assert for_english.text == f"New ticket {ticket.reference} in Returns: Czajnik"
    [mail] = agent_mail(polish)
    assert "Nowe zgłoszenie" in mail.subject


def test_agent_mail_stays_out_of_the_customers_thread(after_commit, mailoutbox, olena):
    """No reply address of the ticket and no Message-ID of the customer's conversation, either way."""
    ticket = after_commit(lambda: intake.receive(inbound_message(subject="Lid broken"))).ticket
    [agent_row] = agent_mail(olena)
    assert agent_row.state == OutboundMessage.State.SENT
    [to_agent] = [mail for mail in mailoutbox if mail.to == ["olena@shop.example"]]
    assert "Reply-To" not in to_agent.extra_headers and not to_agent.reply_to
    assert "References" not in to_agent.extra_headers

    after_commit(lambda: workflow.reply(ticket, by=olena, body_text="We are sending a new lid."))
    [to_customer] = [mail for mail in mailoutbox if mail.to == [ticket.customer.email] and "new lid" in mail.body]
    agent_message_id = OutboundMessage.objects.get(pk=agent_row.pk).external_id
    assert agent_message_id.startswith("<")
    assert agent_message_id not in to_customer.extra_headers.get("References", "")
    assert to_customer.extra_headers["Reply-To"].startswith("support+")
