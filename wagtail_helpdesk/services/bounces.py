"""Bounces: a non-delivery report marks the mail it returns as failed; it never opens a ticket.

A bounce is news about our own mail, not a customer's matter: opening a ticket
for it (and acknowledging it) would be noise at best and a mail loop at worst.
The email channel recognises the report and lists the Message-IDs it returns;
here the outbound message with that Message-ID is marked failed with the
server's reason, which the agent sees in the outbox and on the ticket.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import InboundRecord, OutboundMessage
from ..types import InboundMessage


@dataclass(frozen=True)
class BounceResult:
    """The outbound message the bounce was recorded against (``None``: none of ours), and whether it is news."""

    outbound: OutboundMessage | None
    duplicate: bool = False


def is_bounce(message: InboundMessage) -> bool:
    return "bounce" in message.metadata


def record(message: InboundMessage, *, raw: bytes | None = None) -> BounceResult:
    """Keep the report as an inbound record and mark the outbound message it returns as failed.

    Idempotent: the same report delivered twice changes nothing the second time.
    A report about mail we did not send (or cannot identify) is kept, with a
    note, so a manager can look at it, and goes no further.
    """
    info = message.metadata["bounce"]
    ids = [mid[:255] for mid in info.get("message_ids", [])]
    outbound = OutboundMessage.objects.filter(external_id__in=ids).order_by("-pk").first() if ids else None
    reason = f"Bounced: {info.get('reason') or 'no reason given'}"[:2000]
    try:
        with transaction.atomic():
            InboundRecord.objects.create(
                channel=message.channel[:32],
                external_id=message.external_id[:255],
                payload=message.to_json(),
                raw=raw,
                state=InboundRecord.State.PROCESSED,
                error="" if outbound else "A delivery report about no message we sent.",
                ticket_id=outbound.ticket_id if outbound else None,
                processed_at=timezone.now(),
            )
            if outbound is not None:
                OutboundMessage.objects.filter(pk=outbound.pk).update(
                    state=OutboundMessage.State.FAILED, last_error=reason, next_attempt_at=None
                )
    except IntegrityError:
        return BounceResult(outbound=outbound, duplicate=True)
    if outbound is not None:
        outbound.refresh_from_db()
    return BounceResult(outbound=outbound)


__all__ = ["BounceResult", "is_bounce", "record"]
