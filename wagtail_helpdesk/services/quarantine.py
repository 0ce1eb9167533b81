"""Quarantine: inbound messages that did not make it into a ticket, and a manager's ways out.

Intake keeps every message it could not process as an :class:`InboundRecord`
with its raw bytes: *rejected* (invalid input, an unreadable mail), *failed*
(an error while processing) or *held* (a sender with no right to the ticket
the message points at).  A manager reads it, then either **retries** it —
through the same channel parse and intake, e.g. after a fix or after adding
the sender as a follower — or **turns it into a ticket**, which skips the
match hooks; a mail that cannot be parsed at all becomes a plain-text ticket
with the original attached.  Both go through ``intake.receive()``: nothing
else creates tickets.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from email.utils import parseaddr

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ..exceptions import HelpdeskError, InvalidInbound
from ..models import InboundRecord
from ..types import InboundAttachment, InboundMessage
from . import attachments, bounces, intake
from .channels import get_channel

logger = logging.getLogger(__name__)

#: States listed in quarantine.
STATES = (InboundRecord.State.REJECTED, InboundRecord.State.FAILED, InboundRecord.State.HELD)
#: How much of a raw message the admin shows inline; the download has all of it.
PREVIEW_BYTES = 256 * 1024
_HEADER = re.compile(rb"^(from|subject):[ \t]*(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)


class NotInQuarantine(HelpdeskError):
    """The record was processed meanwhile (by a retry, a re-delivery or another manager)."""


def listed() -> QuerySet[InboundRecord]:
    """What the quarantine list shows: newest first, the state filter backed by its index."""
    return InboundRecord.objects.filter(state__in=STATES).select_related("ticket").order_by("-received_at")


def preview(record: InboundRecord) -> str:
    """The raw message as text for reading (undecodable bytes replaced), at most ``PREVIEW_BYTES``."""
    raw = bytes(record.raw or b"")
    text = raw[:PREVIEW_BYTES].decode("utf-8", errors="replace")
    return text + ("\n[…]" if len(raw) > PREVIEW_BYTES else "")


def retry(record: InboundRecord) -> intake.IntakeResult | bounces.BounceResult:
    """Run the record through its channel and intake again, as if it had just arrived.

    Raises :class:`InvalidInbound` (the record stays in quarantine with the
    new reason) or :class:`NotInQuarantine`.
    """
    _release(record)
    try:
        message = _parsed(record)
        if bounces.is_bounce(message):
            return bounces.record(message, raw=_raw(record))
        result = intake.receive(message, raw=_raw(record))
    except InvalidInbound as exc:
        _keep(record, str(exc))
        raise
    except Exception as exc:
        _keep(record, f"{type(exc).__name__}: {exc}", state=InboundRecord.State.FAILED)
        raise
    _settle(record, message, result)
    return result


def make_ticket(record: InboundRecord) -> intake.IntakeResult:
    """Open a new ticket from the record, whatever ticket it points at.

    A mail the channel can read keeps its text and files; one it cannot becomes
    a short plain-text message from the address in its From header, with the
    original attached as ``original.eml``.
    """
    _release(record)
    try:
        message = _parsed(record)
        # A manager decided it is a customer's matter, whatever machine sent it.
        message = replace(message, metadata={k: v for k, v in message.metadata.items() if k != "bounce"})
        result = intake.receive(message, raw=_raw(record), match=False)
    except InvalidInbound:
        # Unreadable, empty or refused as it is: the original goes in as an attachment instead.
        InboundRecord.objects.filter(pk=record.pk).update(state=InboundRecord.State.RECEIVED)
        try:
            message = _plain(record)
            result = intake.receive(message, raw=_raw(record), match=False)
        except InvalidInbound as exc:
            _keep(record, str(exc))
            InboundRecord.objects.filter(pk=record.pk).update(error=str(exc)[:2000])
            raise
    _settle(record, message, result)
    return result


def _release(record: InboundRecord) -> None:
    """Put the record back to "received" so intake processes it again (claimed atomically)."""
    released = InboundRecord.objects.filter(pk=record.pk, state__in=STATES).update(
        state=InboundRecord.State.RECEIVED, error=""
    )
    if not released:
        raise NotInQuarantine(_("This message is no longer in quarantine."))
    record.state = InboundRecord.State.RECEIVED


def _keep(record: InboundRecord, error: str, state: str = InboundRecord.State.REJECTED) -> None:
    InboundRecord.objects.filter(pk=record.pk, state=InboundRecord.State.RECEIVED).update(
        state=state, error=error[:2000]
    )


def _settle(record: InboundRecord, message: InboundMessage, result) -> None:
    """When the retry produced another id (a mail that only parses now), the old record is done too."""
    if message.external_id[:255] == record.external_id:
        return
    ticket = getattr(result, "ticket", None)
    InboundRecord.objects.filter(pk=record.pk).update(
        state=InboundRecord.State.PROCESSED,
        ticket=ticket,
        error=_("Processed again as %(id)s.") % {"id": message.external_id[:200]},
    )


def _raw(record: InboundRecord) -> bytes | None:
    return bytes(record.raw) if record.raw is not None else None


def _parsed(record: InboundRecord) -> InboundMessage:
    """The channel's reading of the raw bytes, else the normalised payload intake stored."""
    channel = get_channel(record.channel)
    if record.raw is not None:
        message = channel.parse(bytes(record.raw))
    else:
        payload = dict(record.payload or {})
        if not payload.get("channel"):
            raise InvalidInbound({"message": _("Nothing was stored that could be processed again.")})
        payload["attachments"] = ()
        payload["reply_to"] = tuple(payload.get("reply_to") or ())
        message = InboundMessage(**payload)
    queue = (record.payload or {}).get("queue") or ""
    return replace(message, queue=message.queue or queue)


def _plain(record: InboundRecord) -> InboundMessage:
    raw = bytes(record.raw or b"")
    headers = {name.lower(): value for name, value in _HEADER.findall(raw[:65536])}
    sender = parseaddr(headers.get(b"from", b"").decode("utf-8", errors="replace"))[1]
    if not sender:
        raise InvalidInbound({"sender_email": _("The message has no sender address; it cannot become a ticket.")})
    subject = " ".join(headers.get(b"subject", b"").decode("utf-8", errors="replace").split())
    files: tuple[InboundAttachment, ...] = ()
    try:
        files = tuple(attachments.validate([InboundAttachment("original.eml", "message/rfc822", raw)]))
    except InvalidInbound:
        pass  # too large or not text: the agent still gets it through the message's "original" link
    return InboundMessage(
        channel=record.channel,
        external_id=record.external_id,
        sender_email=sender,
        subject=subject or _("(unreadable message)"),
        body_text=_("This message could not be read. The original is attached.")
        + (f"\n\n{record.error}" if record.error else ""),
        attachments=files,
        metadata={"auto_submitted": True},  # nobody to acknowledge reliably
    )


__all__ = ["STATES", "NotInQuarantine", "listed", "make_ticket", "preview", "retry"]
