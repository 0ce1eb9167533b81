"""Every change an agent (or a customer, through the portal) makes to a ticket.

Each function validates the change, applies it in one transaction, records
its events and queues what the customer must be told.  The admin, the API and
mail commands all call these, so nothing can skip the audit trail or the
notifications.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from django.db import transaction
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from ..conf import helpdesk_settings
from ..exceptions import AlreadyClaimed, IllegalTransition, NotAllowed, TicketChanged, TicketMerged
from ..models import (
    EventKind,
    Message,
    OutboundMessage,
    Priority,
    Queue,
    Status,
    Ticket,
    TicketFollower,
    TicketLink,
)
from ..plugins.manager import hook
from ..sanitize import clean_html, clean_text
from ..types import InboundAttachment
from . import attachments, custom_fields, events, outbox, permissions, tags

#: Allowed status changes.  A customer's new message reopens (see intake).
TRANSITIONS: dict[str, set[str]] = {
    Status.NEW: {Status.OPEN, Status.PENDING, Status.ON_HOLD, Status.SOLVED, Status.CLOSED},
    Status.OPEN: {Status.PENDING, Status.ON_HOLD, Status.SOLVED, Status.CLOSED},
    Status.PENDING: {Status.OPEN, Status.ON_HOLD, Status.SOLVED, Status.CLOSED},
    Status.ON_HOLD: {Status.OPEN, Status.PENDING, Status.SOLVED, Status.CLOSED},
    Status.SOLVED: {Status.OPEN, Status.CLOSED},
    Status.CLOSED: {Status.OPEN},
}


def _check_agent(user, ticket: Ticket) -> None:
    if ticket.merged_into_id:
        raise TicketMerged(_("Ticket %(ref)s was merged into another ticket.") % {"ref": ticket.reference})
    if user is not None and not permissions.can_work(user, ticket):
        raise NotAllowed(_("You cannot work on ticket %(ref)s.") % {"ref": ticket.reference})


def check_transition(ticket: Ticket, status: str) -> None:
    """Raise ``IllegalTransition`` unless ``ticket`` may move to ``status``."""
    if status not in Status.values:
        raise IllegalTransition(_("Unknown status %(status)r.") % {"status": status})
    if status not in TRANSITIONS[ticket.status]:
        raise IllegalTransition(
            _("A ticket that is %(current)s cannot become %(new)s.")
            % {"current": Status(ticket.status).label, "new": Status(status).label}
        )


def _status_fields(ticket: Ticket, status: str, now) -> dict:
    fields: dict = {"status": status}
    if status == Status.SOLVED:
        fields["resolved_at"] = now
    elif status == Status.CLOSED:
        fields["closed_at"] = now
        fields["resolved_at"] = ticket.resolved_at or now
    elif status == Status.OPEN:
        fields.update(resolved_at=None, closed_at=None)
    return fields


def _save(ticket: Ticket, **fields) -> None:
    fields.setdefault("updated_at", timezone.now())
    Ticket.objects.filter(pk=ticket.pk).update(**fields)
    for name, value in fields.items():
        setattr(ticket, name, value)


def claim(ticket: Ticket, *, by) -> Ticket:
    """Make ``by`` the owner of an unassigned ticket; a new ticket becomes open.

    The first agent wins: the conditional UPDATE lets exactly one of several
    simultaneous claims through, the others get :class:`AlreadyClaimed`.
    """
    _check_agent(by, ticket)
    now = timezone.now()
    with transaction.atomic():
        won = Ticket.objects.filter(pk=ticket.pk, assignee__isnull=True, merged_into__isnull=True).update(
            assignee=by,
            status=Case(When(status=Status.NEW, then=Value(Status.OPEN)), default="status"),
            updated_at=now,
        )
        if not won:
            holder = Ticket.objects.filter(pk=ticket.pk).values_list("assignee__username", flat=True).first()
            raise AlreadyClaimed(
                _("%(ref)s was already claimed by %(who)s.") % {"ref": ticket.reference, "who": holder}
            )
        recorded = [events.build(ticket, EventKind.CLAIMED, user=by, assignee=by.pk)]
        if ticket.status == Status.NEW:
            recorded.append(events.build(ticket, EventKind.STATUS, user=by, **{"from": Status.NEW, "to": Status.OPEN}))
            ticket.status = Status.OPEN
        ticket.assignee = by
        events.record(*recorded)
    return ticket


def claim_on_open(ticket: Ticket, *, by) -> Ticket:
    """Auto-claim: an agent of the queue opening a new, unassigned ticket becomes its owner.

    Does nothing when ``WAGTAIL_HELPDESK_AUTO_CLAIM_ON_OPEN`` is off, the
    ticket is not new or already owned, or ``by`` could not be assigned it (a
    superuser browsing another desk's tickets is an agent of every queue and
    claims too).  Two agents opening it at once: :func:`claim` lets one win and
    the other gets the ticket as the winner left it.
    """
    if (
        not helpdesk_settings.AUTO_CLAIM_ON_OPEN
        or ticket.assignee_id is not None
        or ticket.status != Status.NEW
        or ticket.merged_into_id
        or not permissions.can_be_assigned(by, ticket)
    ):
        return ticket
    try:
        return claim(ticket, by=by)
    except AlreadyClaimed:
        return Ticket.objects.select_related("customer", "queue", "assignee", "merged_into").get(pk=ticket.pk)


def assign(ticket: Ticket, assignee, *, by) -> Ticket:
    """Give the ticket to ``assignee`` (an agent of its queue), or to nobody with ``None``."""
    _check_agent(by, ticket)
    if assignee is not None and not permissions.can_be_assigned(assignee, ticket):
        raise NotAllowed(_("%(who)s is not an agent of this ticket's queue.") % {"who": assignee})
    with transaction.atomic():
        previous = ticket.assignee_id
        fields: dict = {"assignee": assignee}
        recorded = [
            events.build(ticket, EventKind.ASSIGNED, user=by, **{"from": previous, "to": getattr(assignee, "pk", None)})
        ]
        if assignee is not None and ticket.status == Status.NEW:
            fields["status"] = Status.OPEN
            recorded.append(events.build(ticket, EventKind.STATUS, user=by, **{"from": Status.NEW, "to": Status.OPEN}))
        _save(ticket, **fields)
        events.record(*recorded)
    return ticket


def transfer(ticket: Ticket, *, by, queue: Queue | None = None, assignee=None, note: str = "") -> Ticket:
    """Move a ticket to another queue and/or agent, keeping its whole conversation.

    An optional note to the new owner is stored as an internal note.
    """
    _check_agent(by, ticket)
    if queue is None and assignee is None:
        raise IllegalTransition(_("Choose a queue or an agent to transfer to."))
    with transaction.atomic():
        data = {"from_queue": ticket.queue_id, "from_assignee": ticket.assignee_id}
        fields: dict = {}
        if queue is not None:
            fields["queue"] = queue
            ticket.queue = queue
            if (
                assignee is None
                and ticket.assignee is not None
                and not permissions.can_be_assigned(ticket.assignee, ticket)
            ):
                fields["assignee"] = None
        if assignee is not None:
            if not permissions.can_be_assigned(assignee, ticket):
                raise NotAllowed(_("%(who)s is not an agent of this ticket's queue.") % {"who": assignee})
            fields["assignee"] = assignee
        _save(ticket, **fields)
        data.update(to_queue=ticket.queue_id, to_assignee=ticket.assignee_id)
        recorded = [events.build(ticket, EventKind.TRANSFERRED, user=by, **data)]
        if note.strip():
            message = Message.objects.create(
                ticket=ticket, kind=Message.Kind.NOTE, channel="agent", author_user=by, body_text=clean_text(note)
            )
            recorded.append(events.build(ticket, EventKind.NOTE, user=by, message=message.pk))
        events.record(*recorded)
    return ticket


def reply(
    ticket: Ticket,
    *,
    by,
    body_text: str,
    body_html: str = "",
    files: Sequence[InboundAttachment] = (),
    status: str | None = None,
    time_spent: timedelta | None = None,
    expected_last_message_id: int | None = None,
) -> Message:
    """Send a public reply to the customer (and followers) through the outbox.

    Records the first response time; a new ticket becomes open unless
    ``status`` says otherwise; a reply to a ticket nobody owns gives it to the
    replying agent.

    ``expected_last_message_id`` is the newest message the agent had seen when
    they started writing (``0`` for none).  If a customer message or another
    agent's reply came in since, nothing is sent and :class:`TicketChanged`
    lists them, so two agents never answer the customer twice.  The check runs
    under the ticket's row lock, so of two simultaneous replies only one passes.
    """
    _check_agent(by, ticket)
    body_text = clean_text(body_text).strip()
    if not body_text:
        raise IllegalTransition(_("A reply cannot be empty."))
    checked = attachments.validate(files)
    if status is not None and status != ticket.status:
        check_transition(ticket, status)
    now = timezone.now()
    with transaction.atomic():
        if expected_last_message_id is not None:
            _check_unchanged(ticket, by, expected_last_message_id)
        message = Message.objects.create(
            ticket=ticket,
            kind=Message.Kind.REPLY,
            channel=ticket.channel,
            author_user=by,
            subject=ticket.subject,
            body_text=body_text,
            body_html=clean_html(body_html),
            time_spent=time_spent,
        )
        attachments.store(message, checked)
        fields: dict = {"last_activity_at": now}
        if ticket.first_responded_at is None:
            fields["first_responded_at"] = now
        if ticket.assignee_id is None:
            fields["assignee"] = by
        recorded = [events.build(ticket, EventKind.REPLY, user=by, message=message.pk)]
        new_status = status or (Status.OPEN if ticket.status == Status.NEW else None)
        if new_status and new_status != ticket.status:
            fields.update(_status_fields(ticket, new_status, now))
            recorded.append(
                events.build(ticket, EventKind.STATUS, user=by, **{"from": ticket.status, "to": new_status})
            )
        _save(ticket, **fields)
        events.record(*recorded)
        _send_to_customer(ticket, message, checked)
    return message


def _check_unchanged(ticket: Ticket, by, last_seen: int) -> None:
    # Lock the ticket row: a second reply waits here until the first commits,
    # then sees the first one's message.
    Ticket.objects.select_for_update().filter(pk=ticket.pk).values_list("pk", flat=True).first()
    unseen = list(
        ticket.messages.filter(pk__gt=last_seen, kind__in=(Message.Kind.INBOUND, Message.Kind.REPLY))
        .exclude(kind=Message.Kind.REPLY, author_user=by)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if unseen:
        raise TicketChanged(
            _("%(ref)s changed while you were writing: %(count)d new message(s). Your reply was not sent.")
            % {"ref": ticket.reference, "count": len(unseen)},
            new_message_ids=unseen,
        )


def last_message_id(ticket: Ticket) -> int:
    """The newest message id on the ticket (``0`` if none): what a composer passes back to :func:`reply`."""
    return ticket.messages.order_by("-pk").values_list("pk", flat=True).first() or 0


def _send_to_customer(ticket: Ticket, message: Message, files: Sequence[InboundAttachment] = ()) -> None:
    threads = list(
        ticket.messages.exclude(external_id="")
        .filter(kind=Message.Kind.INBOUND)
        .order_by("-created_at")
        .values_list("external_id", flat=True)[:10]
    )
    threads.reverse()
    recipients = {outbox.recipient_for(ticket): ticket.customer}
    for follower in TicketFollower.objects.filter(ticket=ticket, customer__isnull=False).select_related("customer"):
        recipients.setdefault(follower.customer.email, follower.customer)
    for recipient, customer in recipients.items():
        if not recipient:
            continue
        subject, body_text, body_html = _reply_for(ticket, message, customer)
        outbox.enqueue(
            ticket=ticket,
            kind=OutboundMessage.Kind.REPLY,
            recipient=recipient,
            subject=subject,
            body_text=body_text,
            body_html=body_html,
            message=message,
            in_reply_to=threads if ticket.channel == "email" else [],
            headers={"Auto-Submitted": "no"},
        )


def _reply_for(ticket: Ticket, message: Message, customer) -> tuple[str, str, str]:
    """Subject, text and HTML of the agent's reply as ``customer`` receives it.

    The ``agent_replied`` template chosen by ``helpdesk_choose_auto_reply``
    (each recipient gets their own signed portal link, so it is chosen per
    recipient); without one, the reply as written with the portal footer in mail.
    """
    subject = f"[{ticket.reference}] {ticket.subject}"
    chosen = hook().helpdesk_choose_auto_reply(
        ticket=ticket, event="agent_replied", language=ticket.language, message=message, customer=customer
    )
    if chosen is not None:
        return " ".join(chosen.subject.split()) or subject, chosen.body_text, clean_html(chosen.body_html)
    from .portal import footer  # the portal imports this module

    # Mail carries each recipient's own signed portal link (links are per customer).
    text = message.body_text + (footer(ticket, customer) if ticket.channel in outbox.EMAIL_CHANNELS else "")
    return subject, text, message.body_html


def add_note(ticket: Ticket, *, by, body_text: str, time_spent: timedelta | None = None) -> Message:
    """An internal note: seen by agents only, never sent to the customer."""
    _check_agent(by, ticket)
    body_text = clean_text(body_text).strip()
    if not body_text:
        raise IllegalTransition(_("A note cannot be empty."))
    with transaction.atomic():
        message = Message.objects.create(
            ticket=ticket,
            kind=Message.Kind.NOTE,
            channel="agent",
            author_user=by,
            body_text=body_text,
            time_spent=time_spent,
        )
        _save(ticket)
        events.record(events.build(ticket, EventKind.NOTE, user=by, message=message.pk))
    return message


def set_status(ticket: Ticket, status: str, *, by=None, customer=None) -> Ticket:
    """Move the ticket to ``status`` if the flow allows it; tell the customer when a template says so.

    ``by`` is the acting agent; ``customer`` the acting customer (portal: mark
    solved, reopen).  Exactly one of them, or neither for the system itself.
    """
    if customer is not None:
        if ticket.merged_into_id:
            raise TicketMerged(_("Ticket %(ref)s was merged into another ticket.") % {"ref": ticket.reference})
        if not permissions.customer_can_view(customer, ticket):
            raise NotAllowed(_("You cannot change this ticket."))
        if status not in (Status.SOLVED, Status.OPEN):
            raise IllegalTransition(_("Customers can only mark a ticket solved or reopen it."))
    else:
        _check_agent(by, ticket)
    if status == ticket.status:
        return ticket
    check_transition(ticket, status)
    with transaction.atomic():
        previous = ticket.status
        _save(ticket, **_status_fields(ticket, status, timezone.now()))
        events.record(
            events.build(ticket, EventKind.STATUS, user=by, customer=customer, **{"from": previous, "to": status})
        )
        _notify_customer(ticket, "status_changed")
    return ticket


def reopen(ticket: Ticket, *, by=None, customer=None) -> Ticket:
    """Reopen a solved or closed ticket."""
    if ticket.status not in (Status.SOLVED, Status.CLOSED):
        raise IllegalTransition(_("Only solved or closed tickets can be reopened."))
    return set_status(ticket, Status.OPEN, by=by, customer=customer)


def send_template(ticket: Ticket, event: str) -> OutboundMessage | None:
    """Queue the customer's template for ``event`` (automation, timed rules); None when there is none."""
    return _notify_customer(ticket, event)


def _notify_customer(ticket: Ticket, event: str) -> OutboundMessage | None:
    reply = hook().helpdesk_choose_auto_reply(
        ticket=ticket, event=event, language=ticket.language, message=None, customer=ticket.customer
    )
    recipient = outbox.recipient_for(ticket)
    if reply is None or not recipient:
        return None
    return outbox.enqueue(
        ticket=ticket,
        kind=OutboundMessage.Kind.NOTIFICATION,
        recipient=recipient,
        subject=reply.subject,
        body_text=reply.body_text,
        body_html=clean_html(reply.body_html),
    )


def set_priority(ticket: Ticket, priority: int, *, by) -> Ticket:
    _check_agent(by, ticket)
    if priority not in Priority.values:
        raise IllegalTransition(_("Unknown priority."))
    if priority == ticket.priority:
        return ticket
    with transaction.atomic():
        previous = ticket.priority
        _save(ticket, priority=priority)  # before the event: the SLA clock reads the new priority
        events.record(events.build(ticket, EventKind.PRIORITY, user=by, **{"from": previous, "to": priority}))
    return ticket


def set_tags(ticket: Ticket, names: Sequence[str], *, by) -> Ticket:
    """Replace the ticket's tags with ``names`` (created on first use)."""
    _check_agent(by, ticket)
    names = sorted({clean_text(name).strip()[:50] for name in names if name.strip()})
    with transaction.atomic():
        before = sorted(ticket.tags.values_list("name", flat=True))
        if before == names:
            return ticket
        ticket.tags.set(tags.named(names))
        _save(ticket)
        events.record(events.build(ticket, EventKind.TAGS, user=by, **{"from": before, "to": names}))
    return ticket


def merge(source: Ticket, target: Ticket, *, by) -> Ticket:
    """Merge ``source`` (a duplicate) into ``target``: its messages move, it is closed and points to the survivor."""
    _check_agent(by, source)
    _check_agent(by, target)
    if source.pk == target.pk:
        raise IllegalTransition(_("A ticket cannot be merged into itself."))
    if by is not None and source.queue_id != target.queue_id and not permissions.can_merge_across_queues(by):
        raise NotAllowed(_("Only helpdesk managers can merge tickets of different queues."))
    now = timezone.now()
    with transaction.atomic():
        # Lock both rows in id order so two opposite merges cannot deadlock or cross.
        locked = {
            t.pk: t for t in Ticket.objects.select_for_update().filter(pk__in=[source.pk, target.pk]).order_by("pk")
        }
        if locked[source.pk].merged_into_id or locked[target.pk].merged_into_id:
            raise TicketMerged(_("One of these tickets was already merged."))
        moved = Message.objects.filter(ticket=source).update(ticket=target)
        target.tags.add(*source.tags.all())
        for follower in TicketFollower.objects.filter(ticket=source):
            TicketFollower.objects.get_or_create(ticket=target, customer=follower.customer, user=follower.user)
        if source.customer_id != target.customer_id:
            TicketFollower.objects.get_or_create(ticket=target, customer_id=source.customer_id)
        _save(source, merged_into=target, status=Status.CLOSED, closed_at=now, resolved_at=source.resolved_at or now)
        _save(target, last_activity_at=max(target.last_activity_at, source.last_activity_at))
        events.record(
            events.build(source, EventKind.MERGED, user=by, into=target.pk, into_reference=target.reference),
            events.build(
                target, EventKind.MERGED, user=by, source=source.pk, source_reference=source.reference, messages=moved
            ),
        )
    return target


def set_custom_fields(ticket: Ticket, values: dict, *, by) -> Ticket:
    """Update custom field values, validated against the ticket queue's definitions."""
    _check_agent(by, ticket)
    merged = custom_fields.validate(ticket.queue, {**ticket.custom_fields, **values})
    if merged == ticket.custom_fields:
        return ticket
    with transaction.atomic():
        changed = sorted(k for k in merged if merged.get(k) != ticket.custom_fields.get(k))
        _save(ticket, custom_fields=merged)
        events.record(events.build(ticket, EventKind.CUSTOM_FIELDS, user=by, changed=changed))
    return ticket


def link(source: Ticket, target: Ticket, kind: str, *, by) -> TicketLink:
    """Link two tickets (related, duplicate of, blocks); linking twice changes nothing."""
    _check_agent(by, source)
    _check_agent(by, target)
    if source.pk == target.pk:
        raise IllegalTransition(_("A ticket cannot be linked to itself."))
    if kind not in TicketLink.Kind.values:
        raise IllegalTransition(_("Unknown link type."))
    with transaction.atomic():
        link, created = TicketLink.objects.get_or_create(source=source, target=target, kind=kind)
        if created:
            events.record(
                events.build(
                    source, EventKind.LINKED, user=by, target=target.pk, target_reference=target.reference, link=kind
                )
            )
    return link


def link_follow_up(follow_up: Ticket, closed: Ticket) -> TicketLink:
    """Link a new ticket to the closed one its first message answered (intake, no agent involved)."""
    with transaction.atomic():
        link, created = TicketLink.objects.get_or_create(source=follow_up, target=closed, kind=TicketLink.Kind.RELATED)
        if created:
            events.record(
                events.build(
                    follow_up,
                    EventKind.LINKED,
                    target=closed.pk,
                    target_reference=closed.reference,
                    link=TicketLink.Kind.RELATED,
                    follow_up=True,
                )
            )
    return link


def add_follower(ticket: Ticket, *, by, customer=None, user=None) -> TicketFollower:
    """Copy a customer (CC) or an agent on the ticket's updates; adding twice changes nothing."""
    _check_agent(by, ticket)
    if (customer is None) == (user is None):
        raise IllegalTransition(_("Choose either a customer or an agent to follow the ticket."))
    if user is not None and not permissions.can_be_assigned(user, ticket):
        raise NotAllowed(_("%(who)s is not an agent of this ticket's queue.") % {"who": user})
    with transaction.atomic():
        follower, created = TicketFollower.objects.get_or_create(ticket=ticket, customer=customer, user=user)
        if created:
            events.record(
                events.build(
                    ticket,
                    EventKind.FOLLOWERS,
                    user=by,
                    added={"customer": getattr(customer, "pk", None), "user": getattr(user, "pk", None)},
                )
            )
    return follower


def remove_follower(ticket: Ticket, follower: TicketFollower, *, by) -> None:
    """Stop copying a follower on the ticket's updates."""
    _check_agent(by, ticket)
    if follower.ticket_id != ticket.pk:
        raise IllegalTransition(_("That follower belongs to another ticket."))
    with transaction.atomic():
        removed = {"customer": follower.customer_id, "user": follower.user_id}
        follower.delete()
        events.record(events.build(ticket, EventKind.FOLLOWERS, user=by, removed=removed))
