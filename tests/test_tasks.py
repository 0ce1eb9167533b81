"""Outbound mail through a real Celery worker and a real SMTP server.

The worker consumes from the configured broker (in-memory by default, Redis in
CI's PostgreSQL leg) in a thread of the test process; the SMTP sink is aiosmtpd.
Nothing of ours is mocked: what is asserted is what a customer's mail server
receives and what an agent sees in the outbox.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from django.db import transaction

from wagtail_helpdesk.models import OutboundMessage
from wagtail_helpdesk.services import intake, outbox
from wagtail_helpdesk.tasks import deliver_outbox_message, flush_outbox
from wagtail_helpdesk.testing.factories import inbound_message

pytestmark = pytest.mark.django_db(transaction=True)


def wait_until(condition: Callable[[], bool], timeout: float = 15.0, what: str = "condition") -> None:
    """Poll ``condition`` until it holds; the worker runs in another thread and commits on its own."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


def outbound_of(ticket_id: int) -> OutboundMessage:
    return OutboundMessage.objects.get(ticket_id=ticket_id)


@pytest.fixture
def clean_broker(celery_app) -> Iterator[None]:
    """Drop messages a test leaves queued (a retry scheduled for later) once its worker has stopped.

    Requested before ``celery_worker``, so this teardown runs after the
    worker's: the worker hands back what it had reserved, then it is purged and
    cannot reach the next test's rows.
    """
    yield
    celery_app.control.purge()


def test_acknowledgement_reaches_the_customer_through_the_worker_and_smtp(clean_broker, celery_worker, smtp_mail):
    ticket = intake.receive(inbound_message(sender_email="anna@mail.example")).ticket

    wait_until(lambda: outbound_of(ticket.pk).state == OutboundMessage.State.SENT, what="the row to be sent")
    [mail] = smtp_mail.wait_for(1)
    assert ticket.reference in mail["Subject"]
    assert mail["To"] == "anna@mail.example"
    assert mail["Message-ID"]
    sent = outbound_of(ticket.pk)
    assert sent.external_id == mail["Message-ID"]
    assert sent.attempts == 1
    assert sent.sent_at is not None
    assert sent.last_error == ""


def test_mail_server_down_keeps_the_message_pending_until_it_is_back(clean_broker, celery_worker, smtp_mail, settings):
    # A long back-off keeps the worker's own retry out of this test; "time
    # passing" is then played by moving the due time, not by sleeping.
    settings.WAGTAIL_HELPDESK_OUTBOX_RETRY_BACKOFF = 3600
    smtp_mail.stop()

    ticket = intake.receive(inbound_message()).ticket

    wait_until(lambda: outbound_of(ticket.pk).last_error != "", what="the failed attempt to be recorded")
    waiting = outbound_of(ticket.pk)
    assert waiting.state == OutboundMessage.State.PENDING
    assert waiting.attempts == 1
    assert "Connection" in waiting.last_error or "refused" in waiting.last_error.lower()
    assert waiting.next_attempt_at is not None and waiting.next_attempt_at > waiting.created_at
    assert outbox.flush_due() == 0, "nothing is due before the back-off has passed"

    smtp_mail.start()
    OutboundMessage.objects.filter(pk=waiting.pk).update(next_attempt_at=waiting.created_at)

    assert flush_outbox.delay().get(timeout=15) == 1
    [mail] = smtp_mail.wait_for(1)
    assert ticket.reference in mail["Subject"]
    delivered = outbound_of(ticket.pk)
    assert delivered.state == OutboundMessage.State.SENT
    assert delivered.attempts == 2
    assert delivered.external_id == mail["Message-ID"]
    assert outbox.flush_due() == 0
    time.sleep(0.3)  # a late duplicate would have arrived by now
    assert len(smtp_mail.messages) == 1


def test_delivering_the_same_row_twice_sends_one_mail(clean_broker, celery_worker, smtp_mail):
    smtp_mail.stop()  # the automatic delivery after commit fails; the row stays pending
    ticket = intake.receive(inbound_message()).ticket
    wait_until(lambda: outbound_of(ticket.pk).last_error != "", what="the failed attempt to be recorded")
    row = outbound_of(ticket.pk)
    OutboundMessage.objects.filter(pk=row.pk).update(next_attempt_at=row.created_at)
    smtp_mail.start()

    first = deliver_outbox_message.delay(row.pk)
    second = deliver_outbox_message.delay(row.pk)

    assert sorted([first.get(timeout=15), second.get(timeout=15)]) == ["sent", "skipped"]
    assert len(smtp_mail.wait_for(1)) == 1
    time.sleep(0.3)
    assert len(smtp_mail.messages) == 1
    assert outbound_of(ticket.pk).state == OutboundMessage.State.SENT


def test_mail_queued_together_is_delivered_after_commit_and_a_bad_address_fails_alone(
    clean_broker, celery_worker, smtp_mail
):
    recipients = ["olena@shop.example", "not an address", "piotr@shop.example"]
    with transaction.atomic():
        rows = outbox.enqueue_many(
            [
                outbox.build(
                    ticket=None,
                    kind=OutboundMessage.Kind.AGENT_NOTIFICATION,
                    channel="email",
                    recipient=recipient,
                    subject="Three at once",
                    body_text="Hello",
                )
                for recipient in recipients
            ]
        )
        assert OutboundMessage.objects.filter(state=OutboundMessage.State.PENDING).count() == 3, "sent after commit"

    def states():
        return list(
            OutboundMessage.objects.filter(pk__in=[row.pk for row in rows])
            .order_by("pk")
            .values_list("state", flat=True)
        )

    done = {OutboundMessage.State.SENT, OutboundMessage.State.FAILED}
    wait_until(lambda: set(states()) <= done, what="the batch to be delivered")
    assert states() == [OutboundMessage.State.SENT, OutboundMessage.State.FAILED, OutboundMessage.State.SENT]
    assert sorted(mail["To"] for mail in smtp_mail.wait_for(2)) == ["olena@shop.example", "piotr@shop.example"]
    assert "Not an email address" in OutboundMessage.objects.get(pk=rows[1].pk).last_error
    assert outbox.deliver_many([row.pk for row in rows]) == {
        row.pk: outbox.DeliveryOutcome(state="skipped") for row in rows
    }, "a batch delivered twice sends nothing more"
