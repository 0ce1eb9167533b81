"""Outgoing webhooks: signed POSTs to a real local HTTP server, retried with back-off by Celery."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from wagtail_helpdesk.models import EventKind, WebhookDelivery, WebhookEndpoint
from wagtail_helpdesk.services import intake, signing, webhooks, workflow
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message, make_agent
from wagtail_helpdesk.types import TicketEventPayload

pytestmark = pytest.mark.django_db


def endpoint(url: str, events=None, **kwargs) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(name="ERP", url=url, events=list(events or []), secret="whsec-test", **kwargs)


def event(kind: str = EventKind.CREATED, event_id: int = 1) -> TicketEventPayload:
    return TicketEventPayload(
        event_id=event_id,
        kind=kind,
        ticket_id=1,
        ticket_reference="HD-000001",
        actor_user_id=None,
        actor_customer_id=None,
        data={"from": "new", "to": "open"},
    )


def test_a_new_ticket_is_posted_signed_to_subscribed_endpoints(receiver, django_capture_on_commit_callbacks):
    QueueFactory(is_default=True)
    endpoint(receiver.url, events=[EventKind.CREATED])
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message()).ticket

    [request] = receiver.requests
    assert signing.verify("whsec-test", request["body"], request["headers"][signing.HEADER])
    assert request["headers"]["X-Helpdesk-Event"] == "created"
    body = json.loads(request["body"])
    assert (body["event"], body["ticket"]["reference"], body["version"]) == ("created", ticket.reference, 1)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("sent", 1, 200)


def test_endpoints_get_only_the_events_they_chose(receiver, django_capture_on_commit_callbacks):
    queue = QueueFactory(is_default=True)
    agent = make_agent(queue)
    endpoint(receiver.url, events=[EventKind.STATUS])
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message()).ticket
    with django_capture_on_commit_callbacks(execute=True):
        workflow.set_status(ticket, "pending", by=agent)
    assert [json.loads(r["body"])["event"] for r in receiver.requests] == ["status"]


def test_an_empty_event_list_means_every_event_and_inactive_endpoints_get_nothing(receiver):
    endpoint(receiver.url)
    endpoint(receiver.url, is_active=False)
    webhooks.enqueue(event(EventKind.SLA_BREACHED))
    assert len(receiver.requests) == 1
    assert json.loads(receiver.requests[0]["body"])["event"] == "sla_breached"


def test_the_same_event_is_delivered_once_per_endpoint(receiver):
    endpoint(receiver.url)
    webhooks.enqueue(event(event_id=7))
    webhooks.enqueue(event(event_id=7))
    assert WebhookDelivery.objects.count() == 1
    assert len(receiver.requests) == 1


def test_a_server_error_is_retried_with_back_off_until_it_succeeds(receiver, settings):
    settings.WAGTAIL_HELPDESK_WEBHOOK_RETRY_BACKOFF = 30
    receiver.statuses = [500, 502]
    endpoint(receiver.url)
    [delivery_id] = webhooks.enqueue(event())  # eager: the first attempt runs now

    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("pending", 1, 500)
    assert timedelta(seconds=25) < delivery.next_attempt_at - timezone.now() <= timedelta(seconds=30)
    assert webhooks.deliver(delivery_id).state == "skipped"  # not due yet

    WebhookDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now())
    assert webhooks.deliver(delivery_id).retry_in == 60  # doubled
    WebhookDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now())
    assert webhooks.flush_due() == 1

    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts, delivery.response_status) == ("sent", 3, 200)
    assert len(receiver.requests) == 3
    assert len({r["headers"][signing.HEADER] for r in receiver.requests}) >= 1


def test_a_refusal_fails_at_once_and_attempts_are_bounded(receiver, settings):
    settings.WAGTAIL_HELPDESK_WEBHOOK_MAX_ATTEMPTS = 2
    receiver.statuses = [400]
    endpoint(receiver.url)
    [refused] = webhooks.enqueue(event(event_id=1))
    assert WebhookDelivery.objects.get(pk=refused).state == "failed"

    receiver.statuses = [503, 503]
    [flaky] = webhooks.enqueue(event(event_id=2))
    WebhookDelivery.objects.filter(pk=flaky).update(next_attempt_at=timezone.now())
    assert webhooks.deliver(flaky).state == "failed"
    assert WebhookDelivery.objects.get(pk=flaky).attempts == 2


def test_an_unreachable_endpoint_is_recorded_and_retried(settings):
    endpoint("http://127.0.0.1:9/nothing-listens-here")
    [delivery_id] = webhooks.enqueue(event())
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.state == "pending"
    assert delivery.response_status is None
    assert delivery.last_error


def test_only_http_urls_are_called():
    endpoint("file:///etc/passwd")
    [delivery_id] = webhooks.enqueue(event())
    assert "only http" in WebhookDelivery.objects.get(pk=delivery_id).last_error


def test_retry_now_puts_a_failed_delivery_back_in_line(receiver):
    receiver.statuses = [404]
    endpoint(receiver.url)
    [delivery_id] = webhooks.enqueue(event())
    webhooks.retry_now(WebhookDelivery.objects.get(pk=delivery_id))
    assert WebhookDelivery.objects.get(pk=delivery_id).state == "sent"


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_retries_a_500_then_delivers(receiver, settings, celery_worker):
    """The Celery task itself schedules the retry (countdown = back-off); no beat involved."""
    settings.WAGTAIL_HELPDESK_WEBHOOK_RETRY_BACKOFF = 1
    receiver.statuses = [500]
    endpoint(receiver.url)
    [delivery_id] = webhooks.enqueue(event())

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        delivery = WebhookDelivery.objects.get(pk=delivery_id)
        if delivery.state != "pending":
            break
        time.sleep(0.2)
    assert (delivery.state, delivery.attempts) == ("sent", 2)
    assert [r["headers"]["X-Helpdesk-Delivery"] for r in receiver.requests] == [str(delivery_id)] * 2
