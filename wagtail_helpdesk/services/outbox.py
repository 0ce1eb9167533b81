"""The outbox: every message to a customer is a row first and is delivered after commit.

Services call :func:`enqueue` inside their transaction.  After commit the
``deliver_outbox_message`` task calls :func:`deliver`, which is safe to run
twice; :func:`flush_due`, run by Celery beat, re-sends whatever is due, so a
lost task or a broker outage delays a message but never loses it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from ..conf import helpdesk_settings
from ..exceptions import PermanentDeliveryError
from ..models import Customer, Message, OutboundMessage, Ticket
from ..types import InboundAttachment, OutboundEnvelope
from . import threading
from .channels import get_channel
from .gathering import gathering

logger = logging.getLogger(__name__)

#: A row left in "sending" this long (worker died mid-send) is tried again.
STALE_SENDING_AFTER = timedelta(minutes=15)

#: Rows :func:`flush_due` claims at a time.
FLUSH_BATCH = 20

#: Channels that reach the customer by email.
EMAIL_CHANNELS = {"email", "web"}
#: Kinds of message that go to the customer, in the ticket's thread.  An agent's notification
#: carries neither the ticket's reply address nor its Message-IDs: an agent answering it
#: by mail would otherwise write into the customer's conversation.
CUSTOMER_KINDS = {OutboundMessage.Kind.REPLY, OutboundMessage.Kind.AUTO_REPLY, OutboundMessage.Kind.NOTIFICATION}
#: Most Message-IDs in a References header (RFC 5322 suggests keeping the first and the latest).
MAX_REFERENCES = 20


def recipient_for(ticket: Ticket, customer: Customer | None = None) -> str:
    """The customer's address in the ticket's channel (their email for mail-like channels)."""
    customer = customer or ticket.customer
    if ticket.channel in EMAIL_CHANNELS or not customer.pk:
        return customer.email
    identity = customer.identities.filter(channel=ticket.channel).values_list("handle", flat=True).first()
    return identity or customer.email


def build(
    *,
    ticket: Ticket | None,
    kind: str,
    recipient: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    channel: str | None = None,
    message: Message | None = None,
    in_reply_to: Sequence[str] = (),
    headers: dict[str, str] | None = None,
) -> OutboundMessage:
    """An unsaved outbound message; pass several to :func:`enqueue_many` to store them in one query."""
    return OutboundMessage(
        ticket=ticket,
        message=message,
        kind=kind,
        channel=channel or (ticket.channel if ticket else "email"),
        recipient=recipient,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        in_reply_to=list(in_reply_to),
        headers=headers or {},
    )


def enqueue(
    *,
    ticket: Ticket | None,
    kind: str,
    recipient: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    channel: str | None = None,
    message: Message | None = None,
    in_reply_to: Sequence[str] = (),
    headers: dict[str, str] | None = None,
) -> OutboundMessage:
    """Store an outbound message and have it delivered once the transaction commits."""
    row = build(
        ticket=ticket,
        kind=kind,
        recipient=recipient,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        channel=channel,
        message=message,
        in_reply_to=in_reply_to,
        headers=headers,
    )
    return enqueue_many([row])[0]


def enqueue_many(rows: Sequence[OutboundMessage]) -> list[OutboundMessage]:
    """Store several outbound messages (one INSERT where the database returns ids) and have them
    delivered after commit by one task.

    One event that mails several people (a new ticket told to a queue's
    agents) then costs one insert and one delivery task, not one of each per
    recipient.  Inside :func:`delivered_together` the rows are stored at the
    end of that block (until then their ``pk`` is ``None``).
    """
    if not rows:
        return []
    gathered = _gathered.get()
    if gathered is not None:
        gathered.extend(rows)
        return list(rows)
    saved = _insert(rows)
    ids = [row.pk for row in saved]
    transaction.on_commit(lambda: dispatch(*ids))
    return saved


def _insert(rows: Sequence[OutboundMessage]) -> list[OutboundMessage]:
    if connection.features.can_return_rows_from_bulk_insert:
        return OutboundMessage.objects.bulk_create(rows)
    for row in rows:  # the delivery task needs the ids
        row.save()
    return list(rows)


#: Outbound messages enqueued inside :func:`delivered_together`, stored and dispatched at its end.
_gathered: ContextVar[list[OutboundMessage] | None] = ContextVar("helpdesk_outbox_gathered", default=None)


@contextlib.contextmanager
def delivered_together() -> Iterator[None]:
    """Store every outbound message enqueued inside in one INSERT at the end, delivered by one task after commit.

    For work that answers many tickets in one transaction (intake's batch of
    polled mail: an acknowledgement each): nothing reads the outbox while
    intake works, so the rows can wait for the end of the block; one broker
    round trip instead of one per message, and each delivery still fails and
    is retried on its own (``deliver_outbox_messages``).  Use it inside
    ``transaction.atomic()``; if the block raises, nothing is stored or queued.
    """
    with gathering(_gathered) as gathered:
        yield
    if gathered:
        ids = [row.pk for row in _insert(gathered)]
        transaction.on_commit(lambda: dispatch(*ids))


def dispatch(*outbound_ids: int) -> None:
    """Queue the delivery task; if the broker is down, beat's flush picks the rows up later."""
    from ..tasks import deliver_outbox_message, deliver_outbox_messages

    try:
        if len(outbound_ids) == 1:
            deliver_outbox_message.delay(outbound_ids[0])
        elif outbound_ids:
            deliver_outbox_messages.delay(list(outbound_ids))
    except Exception:
        logger.exception("Could not queue delivery of outbound messages %s; they stay pending", list(outbound_ids))


@dataclass(frozen=True)
class DeliveryOutcome:
    state: str
    #: Seconds until the next attempt, when the delivery should be retried.
    retry_in: int | None = None


def deliver(outbound_id: int) -> DeliveryOutcome:
    """Try to deliver one outbound message through its channel (see :func:`deliver_many`)."""
    return deliver_many([outbound_id]).get(outbound_id, DeliveryOutcome(state="skipped"))


def deliver_many(outbound_ids: Sequence[int]) -> dict[int, DeliveryOutcome]:
    """Try to deliver outbound messages through their channels; the outcome of each, by id.

    The rows are claimed with one conditional UPDATE (pending and due →
    sending, stamped with this call's time), so two workers never send the
    same message: the second one's UPDATE finds them no longer pending.  A row
    that is sent, failed or not yet due is left alone ("skipped").  The rows
    this call claimed are then read in one query, by that stamp.  A failure is
    that message's alone: it is retried with back-off or given up, and the
    others are still sent.
    """
    now = timezone.now()
    wanted = list(dict.fromkeys(outbound_ids))
    claimed = _claim(wanted, now)
    outcomes: dict[int, DeliveryOutcome] = {}
    for outbound in claimed:
        # Each is marked sent as soon as it is: a worker dying mid-batch resends at most the one in flight.
        outcomes[outbound.pk] = _send(outbound)
    return {outbound_id: outcomes.get(outbound_id, DeliveryOutcome(state="skipped")) for outbound_id in wanted}


def _claim(outbound_ids: list[int], now) -> list[OutboundMessage]:
    if not outbound_ids:
        return []
    count = (
        OutboundMessage.objects.filter(pk__in=outbound_ids, state=OutboundMessage.State.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(state=OutboundMessage.State.SENDING, attempts=F("attempts") + 1, next_attempt_at=now)
    )
    if not count:
        return []
    return list(
        OutboundMessage.objects.select_related("ticket__queue")
        .filter(pk__in=outbound_ids, state=OutboundMessage.State.SENDING, next_attempt_at=now)
        .order_by("pk")
    )


def _send(outbound: OutboundMessage) -> DeliveryOutcome:
    """Send one claimed row and record how it went."""
    try:
        receipt = get_channel(outbound.channel).send(_envelope(outbound))
    except PermanentDeliveryError as exc:
        _finish(outbound, OutboundMessage.State.FAILED, error=str(exc))
        return DeliveryOutcome(state=OutboundMessage.State.FAILED)
    except Exception as exc:  # any other error may be transient: retry with back-off
        logger.warning("Delivery of outbound message %s failed: %s", outbound.pk, exc)
        if outbound.attempts >= helpdesk_settings.OUTBOX_MAX_ATTEMPTS:
            _finish(outbound, OutboundMessage.State.FAILED, error=f"{type(exc).__name__}: {exc}")
            return DeliveryOutcome(state=OutboundMessage.State.FAILED)
        delay = helpdesk_settings.OUTBOX_RETRY_BACKOFF * 2 ** (outbound.attempts - 1)
        OutboundMessage.objects.filter(pk=outbound.pk).update(
            state=OutboundMessage.State.PENDING,
            last_error=f"{type(exc).__name__}: {exc}",
            next_attempt_at=timezone.now() + timedelta(seconds=delay),
        )
        return DeliveryOutcome(state=OutboundMessage.State.PENDING, retry_in=delay)
    _finish(outbound, OutboundMessage.State.SENT, external_id=receipt.external_id)
    return DeliveryOutcome(state=OutboundMessage.State.SENT)


def _finish(outbound: OutboundMessage, state: str, *, error: str = "", external_id: str = "") -> None:
    fields = {"state": state, "last_error": error, "next_attempt_at": None}
    if state == OutboundMessage.State.SENT:
        fields.update(sent_at=timezone.now(), external_id=(external_id or "")[:255])
    OutboundMessage.objects.filter(pk=outbound.pk).update(**fields)


def _envelope(outbound: OutboundMessage) -> OutboundEnvelope:
    headers = dict(outbound.headers)
    in_reply_to = tuple(outbound.in_reply_to)
    if outbound.ticket is not None and outbound.channel in EMAIL_CHANNELS and outbound.kind in CUSTOMER_KINDS:
        # The reply address routes the customer's answer back to this ticket,
        # whatever their client does to the subject and the headers.
        headers.setdefault("Reply-To", threading.reply_address(outbound.ticket))
        in_reply_to = _thread(outbound)
    return OutboundEnvelope(
        outbound_id=outbound.pk,
        channel=outbound.channel,
        recipient=outbound.recipient,
        subject=outbound.subject,
        body_text=outbound.body_text,
        body_html=outbound.body_html,
        ticket_reference=outbound.ticket.reference if outbound.ticket else "",
        in_reply_to=in_reply_to,
        headers={name: value for name, value in headers.items() if value},
        attachments=_files(outbound),
    )


def _thread(outbound: OutboundMessage) -> tuple[str, ...]:
    """Every Message-ID received or sent on the ticket, oldest first, ending with the one answered."""
    received = (
        Message.objects.filter(ticket=outbound.ticket_id, kind=Message.Kind.INBOUND, channel="email")
        .exclude(external_id="")
        .order_by()
        .values_list("created_at", "external_id")
    )
    sent = (
        OutboundMessage.objects.filter(
            ticket=outbound.ticket_id, state=OutboundMessage.State.SENT, kind__in=CUSTOMER_KINDS
        )
        .exclude(external_id="")
        .exclude(pk=outbound.pk)
        .order_by()
        .values_list("created_at", "external_id")
    )
    answered = [mid for mid in outbound.in_reply_to if mid]
    # One round trip for both (every delivery to a mail channel asks).  Sorted here: Django 6.1 gives the
    # union the first model's default ordering unless it is cleared on the union itself.
    rows = sorted(received.union(sent, all=True).order_by())
    known = [mid for _at, mid in rows if mid.startswith("<") and mid not in answered]
    thread = list(dict.fromkeys([*known, *answered]))
    if len(thread) > MAX_REFERENCES:
        thread = thread[:1] + thread[-(MAX_REFERENCES - 1) :]
    return tuple(thread)


def _files(outbound: OutboundMessage) -> tuple[InboundAttachment, ...]:
    """An agent's reply carries the files attached to it."""
    if outbound.message_id is None or outbound.kind != OutboundMessage.Kind.REPLY:
        return ()
    files = []
    for attachment in outbound.message.attachments.all():
        with attachment.file.open("rb") as handle:
            files.append(InboundAttachment(attachment.filename, attachment.content_type, handle.read()))
    return tuple(files)


def flush_due(limit: int = 500) -> int:
    """Deliver pending rows that are due and rows stuck in "sending"; returns how many were tried."""
    now = timezone.now()
    OutboundMessage.objects.filter(
        state=OutboundMessage.State.SENDING, next_attempt_at__lt=now - STALE_SENDING_AFTER
    ).update(state=OutboundMessage.State.PENDING)
    due = list(
        OutboundMessage.objects.filter(state=OutboundMessage.State.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    # In small batches, claimed just before they are sent: a worker that dies leaves
    # few rows waiting for STALE_SENDING_AFTER.
    for start in range(0, len(due), FLUSH_BATCH):
        deliver_many(due[start : start + FLUSH_BATCH])
    return len(due)


def retry_now(outbound: OutboundMessage) -> None:
    """Put a failed message back in line (an agent's "send again")."""
    OutboundMessage.objects.filter(pk=outbound.pk).update(
        state=OutboundMessage.State.PENDING, attempts=0, next_attempt_at=None, last_error=""
    )
    transaction.on_commit(lambda: dispatch(outbound.pk))
