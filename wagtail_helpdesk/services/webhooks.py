"""Outgoing webhooks: one delivery row per event and endpoint, POSTed by a Celery task.

The ``webhooks`` plugin calls :func:`enqueue` from ``helpdesk_ticket_event``
(after commit), which writes the rows and queues one task each; nothing is
sent inside the request.  :func:`deliver` signs and POSTs one row and reports
when to try again; :func:`flush_due` (beat) re-sends whatever a lost task or
a broker outage left behind.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from ..conf import helpdesk_settings
from ..models import WebhookDelivery, WebhookEndpoint
from ..types import TicketEventPayload
from .http import post_signed

logger = logging.getLogger(__name__)

#: Payload format version, sent in every body so receivers can tell.
PAYLOAD_VERSION = 1

#: Every ticket event asks which endpoints want it; the answer is cached (as
#: ``services.config_cache`` does for intake's configuration), dropped after
#: commit when an endpoint is saved or deleted, and expires in any case.
ENDPOINTS_KEY = "wagtail_helpdesk:webhook-endpoints:1"
ENDPOINTS_TIMEOUT = 60


@dataclass(frozen=True)
class WebhookOutcome:
    state: str
    #: Seconds until the next attempt, when the delivery should be retried.
    retry_in: int | None = None


def payload_for(event: TicketEventPayload) -> dict:
    """The JSON body receivers get for ``event``."""
    return {
        "version": PAYLOAD_VERSION,
        "event": event.kind,
        "event_id": event.event_id,
        "ticket": {"id": event.ticket_id, "reference": event.ticket_reference},
        "actor": {"user": event.actor_user_id, "customer": event.actor_customer_id},
        "data": asdict(event)["data"],
        "sent_at": timezone.now().isoformat(),
    }


def active_endpoints() -> list[tuple[int, list[str]]]:
    """``(id, events)`` of the active endpoints; no query while the cache holds them."""
    endpoints = cache.get(ENDPOINTS_KEY)
    if endpoints is None:
        endpoints = [
            (pk, list(kinds))
            for pk, kinds in WebhookEndpoint.objects.filter(is_active=True).values_list("pk", "events")
        ]
        cache.set(ENDPOINTS_KEY, endpoints, ENDPOINTS_TIMEOUT)
    return endpoints


@receiver(post_save, sender=WebhookEndpoint)
@receiver(post_delete, sender=WebhookEndpoint)
def _forget_endpoints(**kwargs) -> None:
    cache.delete(ENDPOINTS_KEY)
    transaction.on_commit(lambda: cache.delete(ENDPOINTS_KEY))


def enqueue(event: TicketEventPayload) -> list[int]:
    """Write one delivery per active endpoint that wants ``event.kind`` and queue their tasks.

    A site without webhooks pays no query per event.
    """
    endpoint_ids = [pk for pk, kinds in active_endpoints() if not kinds or event.kind in kinds]
    if not endpoint_ids:
        return []
    payload = payload_for(event)
    WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(
                endpoint_id=endpoint_id,
                event_id=event.event_id,
                kind=event.kind,
                ticket_reference=event.ticket_reference[:32],
                payload=payload,
            )
            for endpoint_id in endpoint_ids
        ],
        ignore_conflicts=True,
    )
    # ignore_conflicts returns no ids: read them back (a repeated event finds the first rows).
    ids = list(
        WebhookDelivery.objects.filter(event_id=event.event_id, endpoint_id__in=endpoint_ids)
        .filter(state=WebhookDelivery.State.PENDING, attempts=0)
        .values_list("pk", flat=True)
    )
    for delivery_id in ids:
        dispatch(delivery_id)
    return ids


def dispatch(delivery_id: int, countdown: int | None = None) -> None:
    """Queue the delivery task; if the broker is down, beat's flush picks the row up later."""
    from ..tasks import deliver_webhook

    try:
        deliver_webhook.apply_async((delivery_id,), countdown=countdown)
    except Exception:
        logger.exception("Could not queue webhook delivery %s; it stays pending", delivery_id)


def deliver(delivery_id: int) -> WebhookOutcome:
    """POST one delivery, signed with its endpoint's secret; safe to run twice.

    The attempt is claimed with a conditional UPDATE so two workers never send
    the same row at once.  2xx is delivered; 4xx (except 408/409/425/429) is
    failed at once; anything else is retried with exponential back-off until
    ``WEBHOOK_MAX_ATTEMPTS``.
    """
    now = timezone.now()
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery_id, state=WebhookDelivery.State.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(attempts=F("attempts") + 1, next_attempt_at=now + timedelta(minutes=5))
    )
    if not claimed:
        return WebhookOutcome(state="skipped")
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    result = post_signed(
        endpoint.url,
        delivery.payload,
        secret=endpoint.secret,
        headers={"X-Helpdesk-Event": delivery.kind, "X-Helpdesk-Delivery": str(delivery.pk)},
    )
    fields: dict = {"response_status": result.status or None, "last_error": result.error[:2000]}
    if result.ok:
        fields.update(state=WebhookDelivery.State.SENT, delivered_at=timezone.now(), next_attempt_at=None)
        outcome = WebhookOutcome(state=WebhookDelivery.State.SENT)
    elif result.retryable and delivery.attempts < helpdesk_settings.WEBHOOK_MAX_ATTEMPTS:
        delay = helpdesk_settings.WEBHOOK_RETRY_BACKOFF * 2 ** (delivery.attempts - 1)
        fields.update(next_attempt_at=timezone.now() + timedelta(seconds=delay))
        outcome = WebhookOutcome(state=WebhookDelivery.State.PENDING, retry_in=delay)
    else:
        fields.update(state=WebhookDelivery.State.FAILED, next_attempt_at=None)
        outcome = WebhookOutcome(state=WebhookDelivery.State.FAILED)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**fields)
    return outcome


def flush_due(limit: int = 500) -> int:
    """Deliver pending rows that are due; returns how many were tried."""
    now = timezone.now()
    due = list(
        WebhookDelivery.objects.filter(state=WebhookDelivery.State.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
    for delivery_id in due:
        deliver(delivery_id)
    return len(due)


def retry_now(delivery: WebhookDelivery) -> None:
    """Put a failed delivery back in line (an admin's "send again")."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=WebhookDelivery.State.PENDING, attempts=0, next_attempt_at=None, last_error=""
    )
    dispatch(delivery.pk)
