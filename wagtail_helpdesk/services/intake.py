"""The single door: every inbound message, from every channel, comes through :func:`receive`.

Steps: store the raw message (so nothing is lost, whatever happens next);
de-duplicate by ``(channel, external_id)``; validate; resolve the customer; ask
the match hooks for an existing ticket; otherwise open one, classify it and
route it; store the message and its attachments; queue the acknowledgement;
record events, which plugins hear about after commit.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace

from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..conf import helpdesk_settings
from ..exceptions import HoldMessage, InvalidInbound
from ..models import (
    Customer,
    EventKind,
    InboundRecord,
    Message,
    OutboundMessage,
    Status,
    Ticket,
)
from ..plugins.manager import hook
from ..sanitize import clean_html, clean_text, html_to_text
from ..types import Classification, InboundMessage
from . import (
    attachments,
    config_cache,
    custom_fields,
    customers,
    events,
    kb_suggestions,
    loops,
    outbox,
    sla,
    tags,
    workflow,
)
from .references import format_reference

logger = logging.getLogger(__name__)

#: Statuses a customer's new message moves back to "open".
REOPENED_BY_CUSTOMER = (Status.PENDING, Status.SOLVED, Status.CLOSED)


@dataclass(frozen=True)
class IntakeResult:
    """What :func:`receive` did: the ticket and message, and whether either is new.

    ``held``: a match hook kept the message out of every ticket (the sender has
    no right to the ticket it points at); it waits in quarantine, ``message``
    is ``None`` and ``ticket`` is the ticket it claimed to continue.
    """

    ticket: Ticket | None
    message: Message | None
    created: bool
    duplicate: bool = False
    held: bool = False


def receive(message: InboundMessage, *, raw: bytes | None = None, match: bool = True) -> IntakeResult:
    """Turn one inbound message into a new ticket or a message on an existing one.

    Re-delivering the same ``(channel, external_id)`` returns the first
    result with ``duplicate=True`` and changes nothing.  Invalid input raises
    :class:`~wagtail_helpdesk.exceptions.InvalidInbound` and leaves only the
    raw record (state "rejected"); no ticket or message is half-made.
    ``raw``, the message as it arrived (the RFC 822 bytes of a mail), is kept
    on that record before anything else happens.  ``match=False`` skips the
    match hooks and always opens a ticket (a manager's "turn into a ticket").
    """
    _require_ids(message)
    record, existing = _store_raw(message, raw)
    return _receive_stored(message, record, existing, match=match)


def receive_many(
    items: Sequence[tuple[InboundMessage, bytes | None]], *, match: bool = True
) -> list[IntakeResult | Exception]:
    """Take in several messages at once, in order: what one mailbox poll fetched.

    Each message goes through the same steps as :func:`receive`; what they
    share is the bookkeeping.  Their raw records are stored together (one
    query to find re-deliveries, one INSERT), they are processed in one
    transaction, their records marked in one UPDATE, and after the commit
    their events are announced in one call and their outbound mail queued in
    one delivery task.  Should any message fail in that transaction (a bug, a
    race with another worker, a match hook holding it back), the transaction
    is rolled back and each message goes through :func:`receive` on its own,
    so a bad message costs the others only the speed, never their ticket.

    Each entry of the result is that message's :class:`IntakeResult`, or the
    exception :func:`receive` would have raised for it.
    """
    if len(items) <= 1:
        return [_outcome(receive, message, raw=raw, match=match) for message, raw in items]
    outcomes: list[IntakeResult | Exception | None] = [None] * len(items)
    for index, (message, _raw) in enumerate(items):
        try:
            _require_ids(message)
        except InvalidInbound as exc:
            outcomes[index] = exc
    wanted = [index for index, outcome in enumerate(outcomes) if outcome is None]
    try:
        stored = _store_raw_many([items[index] for index in wanted])
    except Exception as exc:  # the database is gone: nothing of the batch is stored
        for index in wanted:
            outcomes[index] = exc
        return outcomes
    fresh: list[tuple[int, InboundMessage, InboundRecord]] = []
    again: list[int] = []
    for index, (record, existing) in zip(wanted, stored, strict=True):
        message = items[index][0]
        if existing:  # delivered before, or twice in this batch: answered after the batch, as receive() would
            again.append(index)
            continue
        try:
            fresh.append((index, _checked(message, record), record))
        except Exception as exc:
            outcomes[index] = exc
    if fresh:
        try:
            results = _process_together([(message, record) for _index, message, record in fresh], match=match)
        except Exception:
            logger.info("Taking in a batch of %d messages one by one after a failure", len(fresh), exc_info=True)
            results = [_outcome(_receive_again, message, record, match=match) for _index, message, record in fresh]
        for (index, _message, _record), result in zip(fresh, results, strict=True):
            outcomes[index] = result
    for index in again:
        message, raw = items[index]
        outcomes[index] = _outcome(receive, message, raw=raw, match=match)
    return outcomes


@contextlib.contextmanager
def _reserved(ticket_ids: list[int]) -> Iterator[None]:
    token = _reserved_ticket_ids.set(ticket_ids)
    try:
        yield
    finally:
        _reserved_ticket_ids.reset(token)


def _receive_again(message: InboundMessage, record: InboundRecord, *, match: bool) -> IntakeResult:
    """One message of a failed batch, on its own: as its record now says (the batch may have committed
    before failing, in a callback after the commit), so nothing is ever taken in twice."""
    record = InboundRecord.objects.select_related("ticket").get(pk=record.pk)
    return _receive_stored(message, record, True, match=match, checked=True)


def _require_ids(message: InboundMessage) -> None:
    if not message.channel or not message.external_id:
        raise InvalidInbound({"external_id": _("A channel and an external id are required.")})


def _outcome(call: Callable[..., IntakeResult], *args, **kwargs) -> IntakeResult | Exception:
    try:
        return call(*args, **kwargs)
    except Exception as exc:
        return exc


def _checked(message: InboundMessage, record: InboundRecord) -> InboundMessage:
    """The validated message; an invalid one leaves its record rejected and raises."""
    try:
        message = _validated(message)
        customers.check_sender(message)
    except InvalidInbound as exc:
        _mark(record, InboundRecord.State.REJECTED, error=str(exc))
        raise
    return message


def _receive_stored(
    message: InboundMessage, record: InboundRecord, existing: bool, *, match: bool, checked: bool = False
) -> IntakeResult:
    """:func:`receive` once the raw record is stored: answer a re-delivery, or validate and process."""
    if existing:
        if record.state == InboundRecord.State.PROCESSED:
            return _duplicate(message)
        if record.state == InboundRecord.State.HELD:
            return IntakeResult(ticket=record.ticket, message=None, created=False, duplicate=True, held=True)
        if record.state == InboundRecord.State.REJECTED:
            raise InvalidInbound({"message": record.error or _("This message was rejected before.")})
    if not checked:
        message = _checked(message, record)
    retry_first_contact = True
    while True:
        try:
            with transaction.atomic():
                try:
                    customer = customers.resolve(message)
                except IntegrityError as exc:
                    raise _FirstContactRace from exc
                result = _process(message, customer, record, match=match)
                _mark(record, InboundRecord.State.PROCESSED, ticket=result.ticket)
                return result
        except _FirstContactRace as race:
            if retry_first_contact:
                # The sender's first contact, made through another worker at the same moment:
                # this transaction is rolled back, and the next attempt finds that customer.
                retry_first_contact = False
                continue
            _mark(record, InboundRecord.State.FAILED, error="integrity error")
            raise race.__cause__ from None
        except HoldMessage as held:
            _keep_sender(message)
            _mark(record, InboundRecord.State.HELD, error=held.reason, ticket=held.ticket)
            return IntakeResult(ticket=held.ticket, message=None, created=False, held=True)
        except IntegrityError:
            # The same message processed concurrently by another worker.
            if Message.objects.filter(channel=message.channel, external_id=message.external_id[:255]).exists():
                return _duplicate(message)
            _mark(record, InboundRecord.State.FAILED, error="integrity error")
            raise
        except Exception as exc:
            _mark(record, InboundRecord.State.FAILED, error=f"{type(exc).__name__}: {exc}")
            raise


#: Ticket ids a batch reserved (PostgreSQL), taken from the end by the tickets it opens.
_reserved_ticket_ids: ContextVar[list[int] | None] = ContextVar("helpdesk_reserved_ticket_ids", default=None)


def _reserve_ticket_ids(items: list[tuple[InboundMessage, InboundRecord]]) -> list[int]:
    """Ids for the tickets the batch will likely open, in one query: its messages that refer to nothing.

    A ticket saved with its id known gets its reference in the same INSERT
    (one UPDATE fewer each).  A reserved id left over is a gap in the
    references, as a rolled-back ticket's is; a ticket beyond the reserved
    ones is saved the usual way.  Only PostgreSQL hands out ids ahead.
    """
    likely_new = sum(1 for message, _record in items if not message.reply_to and not message.ticket_reference)
    if connection.vendor != "postgresql" or not likely_new:
        return []
    table = connection.ops.quote_name(Ticket._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, Ticket._meta.pk.column, likely_new],
        )
        return sorted((row[0] for row in cursor.fetchall()), reverse=True)


def _process_together(items: list[tuple[InboundMessage, InboundRecord]], *, match: bool) -> list[IntakeResult]:
    """Process validated messages in one transaction; any exception rolls all of them back."""
    results: list[IntakeResult] = []
    with (
        transaction.atomic(),
        outbox.delivered_together(),
        events.recorded_together(),
        _reserved(_reserve_ticket_ids(items)),
    ):
        known = customers.by_email(message for message, _record in items)
        for message, record in items:
            customer = customers.resolve(message, known=known)
            results.append(_process(message, customer, record, match=match))
        # Each record's ticket is its stored message's: one plain UPDATE, where bulk_update's
        # CASE over fifty rows cost more to build than the statement takes to run.
        now = timezone.now()
        InboundRecord.objects.filter(pk__in=[record.pk for _message, record in items]).update(
            state=InboundRecord.State.PROCESSED,
            error="",
            processed_at=now,
            ticket=Subquery(Message.objects.filter(inbound_record=OuterRef("pk")).values("ticket")[:1]),
        )
        for (_message, record), result in zip(items, results, strict=True):
            record.state, record.error, record.ticket, record.processed_at = (
                InboundRecord.State.PROCESSED,
                "",
                result.ticket,
                now,
            )
    return results


class _FirstContactRace(Exception):
    """The new customer's INSERT met a customer committed meanwhile (see ``customers.resolve``)."""


def _keep_sender(message: InboundMessage) -> None:
    """The sender of a held message stays a customer (rolled back with the rest), so an agent can let them follow."""
    try:
        with transaction.atomic():
            customers.resolve(message)
    except IntegrityError:
        pass  # created by a concurrent first contact


def _store_raw(message: InboundMessage, raw: bytes | None = None) -> tuple[InboundRecord, bool]:
    # In autocommit a lone INSERT commits by itself; a savepoint is only needed
    # to survive a duplicate-key error inside a caller's transaction.
    in_transaction = transaction.get_connection().in_atomic_block
    try:
        with transaction.atomic() if in_transaction else contextlib.nullcontext():
            record = InboundRecord.objects.create(
                channel=message.channel[:32],
                external_id=message.external_id[:255],
                payload=_json_safe(message),
                raw=raw,
            )
        return record, False
    except IntegrityError:
        return InboundRecord.objects.get(channel=message.channel[:32], external_id=message.external_id[:255]), True


def _store_raw_many(items: Sequence[tuple[InboundMessage, bytes | None]]) -> list[tuple[InboundRecord, bool]]:
    """:func:`_store_raw` for several messages: one query for those seen before, one INSERT for the rest.

    The INSERT commits before any processing, as one message's does.  A
    message twice in the batch is stored once and answered as a re-delivery
    the second time; a concurrent worker storing the same message makes the
    INSERT fail, and the messages are then stored one by one.
    """
    if not connection.features.can_return_rows_from_bulk_insert:  # the records' ids are needed
        return [_store_raw(message, raw) for message, raw in items]
    keys = [(message.channel[:32], message.external_id[:255]) for message, _raw in items]
    known: dict[tuple[str, str], InboundRecord] = {}
    for channel in {channel for channel, _external_id in keys}:
        ids = [external_id for key_channel, external_id in keys if key_channel == channel]
        for record in InboundRecord.objects.filter(channel=channel, external_id__in=ids):
            known[(record.channel, record.external_id)] = record
    new: dict[tuple[str, str], InboundRecord] = {}
    for key, (message, raw) in zip(keys, items, strict=True):
        if key not in known and key not in new:
            new[key] = InboundRecord(channel=key[0], external_id=key[1], payload=_json_safe(message), raw=raw)
    if new:
        # As in _store_raw: a savepoint only where a caller's transaction must survive a duplicate key.
        in_transaction = transaction.get_connection().in_atomic_block
        try:
            with transaction.atomic() if in_transaction else contextlib.nullcontext():
                InboundRecord.objects.bulk_create(new.values())
        except IntegrityError:  # stored meanwhile by another worker
            return [_store_raw(message, raw) for message, raw in items]
    stored: list[tuple[InboundRecord, bool]] = []
    first_seen: set[tuple[str, str]] = set()
    for key in keys:
        if key in new and key not in first_seen:
            first_seen.add(key)
            stored.append((new[key], False))
        else:
            stored.append((known.get(key) or new[key], True))
    return stored


def _json_safe(message: InboundMessage) -> dict:
    payload = message.to_json()
    # NUL cannot be stored in PostgreSQL text or JSON; the rest is kept verbatim.
    for key in ("subject", "body_text", "body_html", "sender_name"):
        payload[key] = (payload.get(key) or "").replace("\x00", "\ufffd")
    return payload


def _mark(record: InboundRecord, state: str, *, error: str = "", ticket: Ticket | None = None) -> None:
    InboundRecord.objects.filter(pk=record.pk).update(
        state=state, error=error[:2000], ticket=ticket, processed_at=timezone.now()
    )


def _duplicate(message: InboundMessage) -> IntakeResult:
    stored = Message.objects.select_related("ticket").get(
        channel=message.channel, external_id=message.external_id[:255]
    )
    return IntakeResult(ticket=stored.ticket, message=stored, created=False, duplicate=True)


def _validated(message: InboundMessage) -> InboundMessage:
    """Clean text, check sizes and attachments; raise ``InvalidInbound`` naming every problem."""
    errors: dict[str, str] = {}
    body_text = clean_text(message.body_text)
    body_html = clean_html(message.body_html) if message.body_html else ""
    if not body_text.strip() and body_html:
        body_text = html_to_text(body_html)
    if not body_text.strip() and not message.attachments:
        errors["body_text"] = _("The message is empty.")
    if len(body_text) > helpdesk_settings.MAX_BODY_CHARS or len(body_html) > 2 * helpdesk_settings.MAX_BODY_CHARS:
        limit = helpdesk_settings.MAX_BODY_CHARS
        errors["body_text"] = ngettext(
            "The message is too long (at most %(limit)d character).",
            "The message is too long (at most %(limit)d characters).",
            limit,
        ) % {"limit": limit}
    subject = " ".join(clean_text(message.subject).split())
    if len(subject) > helpdesk_settings.MAX_SUBJECT_CHARS:
        subject = subject[: helpdesk_settings.MAX_SUBJECT_CHARS - 1] + "…"
    try:
        checked = tuple(attachments.validate(message.attachments))
    except InvalidInbound as exc:
        errors.update(exc.errors)
        checked = ()
    if errors:
        raise InvalidInbound(errors)
    return replace(
        message,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        sender_name=" ".join(clean_text(message.sender_name).split())[:200],
        category=" ".join(clean_text(message.category).split())[:100],
        custom_fields={
            str(name)[:100]: clean_text(value)[:500] if isinstance(value, str) else value
            for name, value in message.custom_fields.items()
        },
        attachments=checked,
    )


def _process(message: InboundMessage, customer: Customer, record: InboundRecord, *, match: bool) -> IntakeResult:
    ticket = hook().helpdesk_match_ticket(message=message, customer=customer) if match else None
    if ticket is not None:
        while ticket.merged_into_id:  # a reply to a merged ticket joins the survivor
            ticket = Ticket.objects.get(pk=ticket.merged_into_id)
    if ticket is not None and ticket.status == Status.CLOSED and helpdesk_settings.CLOSED_TICKET_REPLY == "follow_up":
        # A closed matter stays closed: the message opens a new ticket that points back at it.
        result = _open_ticket(message, customer, record)
        workflow.link_follow_up(result.ticket, ticket)
    elif ticket is not None:
        result = _add_to_ticket(ticket, message, customer, record)
    else:
        result = _open_ticket(message, customer, record)
    return result


def _new_message(ticket: Ticket, message: InboundMessage, customer: Customer, record: InboundRecord) -> Message:
    stored = Message.objects.create(
        ticket=ticket,
        kind=Message.Kind.INBOUND,
        channel=message.channel,
        external_id=message.external_id[:255],
        author_customer=customer,
        subject=message.subject,
        body_text=message.body_text,
        body_html=message.body_html,
        inbound_record=record,
    )
    attachments.store(stored, message.attachments)
    return stored


def _open_ticket(message: InboundMessage, customer: Customer, record: InboundRecord) -> IntakeResult:
    h = hook()
    ticket = Ticket(
        subject=message.subject or _("(no subject)"),
        channel=message.channel,
        customer=customer,
        language=message.language or customer.language,
        shop_reference=message.shop_reference[:100],
    )
    classification = _merge_classifications(h.helpdesk_classify_message(message=message, ticket=ticket))
    if classification.priority is not None:
        ticket.priority = classification.priority
    ticket.category = (classification.category or message.category or "")[:100]
    ticket.custom_fields = {**message.custom_fields, **classification.custom_fields}
    config = config_cache.snapshot()
    requested_queue = classification.queue or message.queue
    if requested_queue:
        ticket.queue_id = config.queue_ids.get(requested_queue)
    # Routers (e.g. the rules' tag condition) see the classifiers' tags before they are saved.
    ticket.classified_tags = list(classification.tags)
    decision = h.helpdesk_route_ticket(ticket=ticket, message=message)
    tag_names = list(classification.tags)
    if decision is not None:
        if decision.priority is not None:
            ticket.priority = decision.priority
        tag_names.extend(tag for tag in decision.tags if tag not in tag_names)
        if decision.queue_id is not None:
            ticket.queue_id = decision.queue_id
        elif decision.queue:
            ticket.queue_id = config.queue_ids.get(decision.queue)
        if decision.assignee_id is not None:
            ticket.assignee_id = decision.assignee_id
            ticket.status = Status.OPEN
    if ticket.custom_fields:
        ticket.custom_fields = _valid_custom_fields(ticket)
    reserved = _reserved_ticket_ids.get()
    if reserved:
        # A batch reserved the ids: the reference and the SLA clock (from created_at) ride on the INSERT.
        ticket.pk = reserved.pop()
        ticket.reference = format_reference(ticket.pk)
        sla.start(ticket)
        ticket.save(force_insert=True)
    else:
        ticket.save()
        ticket.reference = format_reference(ticket.pk)
        # The SLA clock starts at created_at; its fields ride on the reference's UPDATE.
        Ticket.objects.filter(pk=ticket.pk).update(reference=ticket.reference, **sla.start(ticket))
    if tag_names:
        _add_tags(ticket, tag_names)
    if classification.articles:
        kb_suggestions.store_suggestions(ticket, classification.articles)
    stored = _new_message(ticket, message, customer, record)
    recorded = [events.build(ticket, EventKind.CREATED, customer=customer, channel=message.channel)]
    if decision is not None:
        recorded.append(
            events.build(
                ticket,
                EventKind.ROUTED,
                queue=ticket.queue_id,
                assignee=ticket.assignee_id,
                **events.reason_data(decision.reasons()),
            )
        )
    events.record(*recorded)
    if _acknowledgement_wanted(message, customer):
        _acknowledge(ticket, customer, stored)
    return IntakeResult(ticket=ticket, message=stored, created=True)


def _merge_classifications(results: list[Classification | None]) -> Classification:
    merged = Classification()
    for result in results:
        if result is None:
            continue
        for name in ("priority", "queue", "category"):
            if getattr(merged, name) is None and getattr(result, name) is not None:
                setattr(merged, name, getattr(result, name))
        merged.tags.extend(tag for tag in result.tags if tag not in merged.tags)
        merged.articles.extend(pk for pk in result.articles if pk not in merged.articles)
        for name, value in result.custom_fields.items():
            merged.custom_fields.setdefault(name, value)
    return merged


def _valid_custom_fields(ticket: Ticket) -> dict:
    """Classifier output that fails the queue's field types is dropped, not fatal:
    a plugin's mistake must not cost the customer their message."""
    values = dict(ticket.custom_fields)
    try:
        return custom_fields.validate(ticket.queue, values, partial=True)
    except InvalidInbound as exc:
        logger.warning("Dropping invalid custom fields %s on a new ticket: %s", sorted(exc.errors), exc)
        for name in exc.errors:
            values.pop(name, None)
        return custom_fields.validate(ticket.queue, values, partial=True)


def _add_tags(ticket: Ticket, names: list[str]) -> None:
    names = [name.strip()[:50] for name in names if name.strip()]
    ticket.tags.add(*tags.named(names))


def _acknowledgement_wanted(message: InboundMessage, customer: Customer) -> bool:
    """No acknowledgement for machine mail (auto-replies, bounces), for mail from our own
    addresses (two systems answering each other forever), nor beyond the per-sender rate limit."""
    if message.metadata.get("auto_submitted"):
        return False
    sender = customer.email or message.sender_email
    if loops.is_own_address(sender, message.sender_email, message.metadata.get("from", "")):
        return False
    return loops.acknowledgement_allowed(sender)


def _acknowledge(ticket: Ticket, customer: Customer, stored: Message) -> None:
    reply = hook().helpdesk_choose_auto_reply(
        ticket=ticket, event="ticket_created", language=ticket.language, message=stored, customer=customer
    )
    recipient = outbox.recipient_for(ticket, customer)
    if reply is None or not recipient:
        return
    outbox.enqueue(
        ticket=ticket,
        kind=OutboundMessage.Kind.AUTO_REPLY,
        recipient=recipient,
        subject=reply.subject,
        body_text=reply.body_text,
        body_html=clean_html(reply.body_html),
        message=stored,
        in_reply_to=[stored.external_id] if stored.channel == "email" else [],
    )


def _add_to_ticket(ticket: Ticket, message: InboundMessage, customer: Customer, record: InboundRecord) -> IntakeResult:
    stored = _new_message(ticket, message, customer, record)
    now = timezone.now()
    updates: dict = {"last_activity_at": now, "updated_at": now}
    recorded = [events.build(ticket, EventKind.MESSAGE, customer=customer, message=stored.pk)]
    if ticket.status in REOPENED_BY_CUSTOMER:
        recorded.append(
            events.build(ticket, EventKind.STATUS, customer=customer, **{"from": ticket.status, "to": Status.OPEN})
        )
        updates.update(status=Status.OPEN, resolved_at=None, closed_at=None)
    Ticket.objects.filter(pk=ticket.pk).update(**updates)
    for field, value in updates.items():
        setattr(ticket, field, value)
    events.record(*recorded)
    return IntakeResult(ticket=ticket, message=stored, created=False)


__all__ = ["IntakeResult", "receive", "receive_many"]
