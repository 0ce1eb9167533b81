import pytest

from wagtail_helpdesk.exceptions import AlreadyClaimed, IllegalTransition, NotAllowed, TicketMerged
from wagtail_helpdesk.models import EventKind, Message, OutboundMessage, Priority, Status, Ticket, TicketEvent
from wagtail_helpdesk.services import intake, workflow
from wagtail_helpdesk.testing.factories import (
    CustomerFactory,
    QueueFactory,
    ReplyTemplateFactory,
    TicketFactory,
    inbound_message,
    make_agent,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return QueueFactory(is_default=True)


@pytest.fixture
def agent(queue):
    return make_agent(queue, username="anna")


@pytest.fixture
def ticket(queue):
    return intake.receive(inbound_message()).ticket


def kinds(ticket):
    return list(TicketEvent.objects.filter(ticket=ticket).values_list("kind", flat=True))


def test_first_agent_to_claim_owns_the_ticket_and_it_leaves_new(ticket, agent, queue):
    workflow.claim(ticket, by=agent)
    ticket.refresh_from_db()
    assert ticket.assignee == agent
    assert ticket.status == Status.OPEN
    assert kinds(ticket)[-2:] == [EventKind.CLAIMED, EventKind.STATUS]


def test_second_claim_is_refused(ticket, agent, queue):
    workflow.claim(ticket, by=agent)
    other = make_agent(queue, username="piotr")
    with pytest.raises(AlreadyClaimed, match="anna"):
        workflow.claim(Ticket.objects.get(pk=ticket.pk), by=other)
    assert Ticket.objects.get(pk=ticket.pk).assignee == agent


def test_agent_of_another_queue_cannot_touch_the_ticket(ticket):
    stranger = make_agent(QueueFactory(), username="mallory")
    with pytest.raises(NotAllowed):
        workflow.claim(ticket, by=stranger)
    with pytest.raises(NotAllowed):
        workflow.reply(ticket, by=stranger, body_text="hi")


def test_reply_records_first_response_and_goes_through_the_outbox(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = workflow.reply(ticket, by=agent, body_text="Your parcel left today.")
    ticket.refresh_from_db()
    assert message.kind == Message.Kind.REPLY
    assert ticket.first_responded_at is not None
    assert ticket.assignee == agent
    assert ticket.status == Status.OPEN
    outbound = OutboundMessage.objects.get(kind=OutboundMessage.Kind.REPLY)
    assert outbound.state == OutboundMessage.State.SENT
    reply_mail = [m for m in mailoutbox if "Your parcel left today." in m.body]
    assert reply_mail and ticket.reference in reply_mail[0].subject


def test_second_reply_keeps_the_first_response_time(ticket, agent):
    workflow.reply(ticket, by=agent, body_text="One")
    first = Ticket.objects.get(pk=ticket.pk).first_responded_at
    workflow.reply(ticket, by=agent, body_text="Two")
    assert Ticket.objects.get(pk=ticket.pk).first_responded_at == first


def test_reply_can_set_the_ticket_pending(ticket, agent):
    workflow.reply(ticket, by=agent, body_text="Which colour?", status=Status.PENDING)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.PENDING


def test_empty_reply_is_refused(ticket, agent):
    with pytest.raises(IllegalTransition):
        workflow.reply(ticket, by=agent, body_text="   ")
    assert not Message.objects.filter(kind=Message.Kind.REPLY).exists()


def test_internal_note_never_reaches_the_customer(ticket, agent, mailoutbox, django_capture_on_commit_callbacks):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        note = workflow.add_note(ticket, by=agent, body_text="Customer is a reseller")
    assert note.kind == Message.Kind.NOTE and not note.is_public
    assert mailoutbox == []
    assert not OutboundMessage.objects.filter(message=note).exists()


@pytest.mark.parametrize(
    "start, target",
    [(Status.CLOSED, Status.PENDING), (Status.SOLVED, Status.PENDING), (Status.CLOSED, Status.SOLVED)],
)
def test_illegal_transitions_raise_a_clear_error(ticket, agent, start, target):
    Ticket.objects.filter(pk=ticket.pk).update(status=start)
    ticket.refresh_from_db()
    with pytest.raises(IllegalTransition, match="cannot become"):
        workflow.set_status(ticket, target, by=agent)
    assert Ticket.objects.get(pk=ticket.pk).status == start


def test_solving_and_closing_set_their_times(ticket, agent):
    workflow.set_status(ticket, Status.SOLVED, by=agent)
    assert Ticket.objects.get(pk=ticket.pk).resolved_at is not None
    workflow.set_status(ticket, Status.CLOSED, by=agent)
    closed = Ticket.objects.get(pk=ticket.pk)
    assert closed.closed_at is not None and closed.status == Status.CLOSED


def test_status_change_tells_the_customer_when_a_template_exists(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    ReplyTemplateFactory(event="status_changed", subject="[{{ ticket.reference }}] {{ ticket.status }}")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.set_status(ticket, Status.SOLVED, by=agent)
    assert [m.subject for m in mailoutbox] == [f"[{ticket.reference}] Solved"]


def test_customer_can_mark_solved_and_reopen_only_their_ticket(ticket):
    workflow.set_status(ticket, Status.SOLVED, customer=ticket.customer)
    workflow.reopen(Ticket.objects.get(pk=ticket.pk), customer=ticket.customer)
    assert Ticket.objects.get(pk=ticket.pk).status == Status.OPEN
    with pytest.raises(NotAllowed):
        workflow.set_status(ticket, Status.SOLVED, customer=CustomerFactory())


def test_customer_cannot_put_ticket_on_hold(ticket):
    with pytest.raises(IllegalTransition):
        workflow.set_status(ticket, Status.ON_HOLD, customer=ticket.customer)


def test_assign_only_to_agents_of_the_queue(ticket, agent, queue):
    colleague = make_agent(queue, username="olena")
    workflow.assign(ticket, colleague, by=agent)
    assert Ticket.objects.get(pk=ticket.pk).assignee == colleague
    outsider = make_agent(QueueFactory(), username="jonas")
    with pytest.raises(NotAllowed):
        workflow.assign(ticket, outsider, by=agent)


def test_transfer_moves_queue_keeps_conversation_and_leaves_a_note(ticket, agent):
    repair = QueueFactory(name="Repair desk", slug="repair")
    technician = make_agent(repair, username="tech")
    workflow.transfer(ticket, by=agent, queue=repair, assignee=technician, note="Broken kettle, see photo")
    ticket.refresh_from_db()
    assert ticket.queue == repair and ticket.assignee == technician
    assert ticket.messages.filter(kind=Message.Kind.INBOUND).count() == 1
    assert ticket.messages.get(kind=Message.Kind.NOTE).body_text == "Broken kettle, see photo"
    event = TicketEvent.objects.get(ticket=ticket, kind=EventKind.TRANSFERRED)
    assert event.data["to_queue"] == repair.pk


def test_merge_moves_messages_and_points_to_the_survivor(ticket, agent, queue):
    duplicate = intake.receive(inbound_message(subject="Same problem again")).ticket
    workflow.merge(duplicate, ticket, by=agent)
    duplicate.refresh_from_db()
    assert duplicate.merged_into == ticket
    assert duplicate.status == Status.CLOSED
    assert ticket.messages.count() == 2
    with pytest.raises(TicketMerged):
        workflow.reply(duplicate, by=agent, body_text="late")


def test_merge_into_itself_is_refused(ticket, agent):
    with pytest.raises(IllegalTransition):
        workflow.merge(ticket, ticket, by=agent)


def test_merging_a_stranger_ticket_makes_its_customer_a_follower(ticket, agent, queue):
    other = TicketFactory(queue=queue)
    workflow.merge(other, ticket, by=agent)
    assert ticket.followers.filter(customer=other.customer).exists()


def test_priority_and_tags_changes_are_audited(ticket, agent):
    workflow.set_priority(ticket, Priority.URGENT, by=agent)
    workflow.set_tags(ticket, ["refund", "vip", "refund"], by=agent)
    ticket.refresh_from_db()
    assert ticket.priority == Priority.URGENT
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["refund", "vip"]
    assert {EventKind.PRIORITY, EventKind.TAGS} <= set(kinds(ticket))


def test_events_are_append_only(ticket):
    event = TicketEvent.objects.filter(ticket=ticket).first()
    event.data = {"forged": True}
    with pytest.raises(ValueError):
        event.save()


def test_cc_customer_follows_the_ticket_gets_replies_and_may_answer(
    ticket, agent, mailoutbox, django_capture_on_commit_callbacks
):
    colleague = CustomerFactory(email="boss@mail.example")
    workflow.add_follower(ticket, by=agent, customer=colleague)
    workflow.add_follower(ticket, by=agent, customer=colleague)
    assert ticket.followers.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        workflow.reply(ticket, by=agent, body_text="Refund approved.")
    assert {m.to[0] for m in mailoutbox if "Refund approved." in m.body} == {"anna@mail.example", "boss@mail.example"}
    answer = intake.receive(
        inbound_message(sender_email="boss@mail.example", subject=f"Re: {ticket.reference}", body_text="Thanks")
    )
    assert answer.ticket.pk == ticket.pk


def test_removing_a_follower_is_audited(ticket, agent):
    follower = workflow.add_follower(ticket, by=agent, customer=CustomerFactory())
    workflow.remove_follower(ticket, follower, by=agent)
    assert not ticket.followers.exists()
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.FOLLOWERS).count() == 2
