"""What happens when many workers hit the same ticket at the same moment (PostgreSQL only).

SQLite serialises writers, so these races only exist on a real server.  Each
test starts its threads behind a barrier so the calls really overlap, and
every thread closes its own database connection when it is done.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from wagtail_helpdesk.exceptions import AlreadyClaimed
from wagtail_helpdesk.models import EventKind, InboundRecord, Message, OutboundMessage, Ticket, TicketEvent
from wagtail_helpdesk.services import intake, outbox, workflow
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message, make_agent

pytestmark = pytest.mark.django_db(transaction=True)


def run_at_once(calls: list[Callable[[], Any]], timeout: float = 60.0) -> tuple[list[Any], list[BaseException]]:
    """Run every call in its own thread, all released together; return results and errors."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(call: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=timeout)
            outcome = call()
            with lock:
                results.append(outcome)
        except BaseException as exc:
            with lock:
                errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return results, errors


def test_twenty_agents_claiming_one_new_ticket_leave_exactly_one_owner(postgres):
    queue = QueueFactory()
    agents = [make_agent(queue, username=f"racer{i}") for i in range(20)]
    ticket = intake.receive(inbound_message(queue=queue.slug)).ticket
    assert ticket.queue_id == queue.pk and ticket.assignee_id is None

    def claim_as(agent):
        return lambda: workflow.claim(Ticket.objects.get(pk=ticket.pk), by=agent)

    results, errors = run_at_once([claim_as(agent) for agent in agents])

    assert len(results) == 1
    assert len(errors) == 19
    assert all(isinstance(error, AlreadyClaimed) for error in errors), errors
    owner = Ticket.objects.get(pk=ticket.pk).assignee
    assert owner is not None and owner.pk == results[0].assignee.pk
    assert all(owner.username in str(error) for error in errors), "the losers are told who won"
    assert TicketEvent.objects.filter(ticket=ticket, kind=EventKind.CLAIMED).count() == 1


def test_two_hundred_messages_arriving_on_eight_workers_get_two_hundred_unique_references(postgres, settings):
    # Several tickets share a sender here; the per-sender acknowledgement limit is not under test.
    settings.WAGTAIL_HELPDESK_ACKNOWLEDGEMENT_RATE_LIMIT = None
    per_thread = 25
    # Some senders write from several threads at once, so first contacts race too.
    batches = [
        [
            inbound_message(external_id=f"bulk:{t}:{i}", sender_email=f"buyer{i % 5}@mail.example")
            for i in range(per_thread)
        ]
        for t in range(8)
    ]

    def receive_all(batch):
        return lambda: [intake.receive(message).ticket.reference for message in batch]

    results, errors = run_at_once([receive_all(batch) for batch in batches])

    assert errors == []
    references = [reference for batch in results for reference in batch]
    assert len(references) == 200
    assert len(set(references)) == 200
    assert Ticket.objects.count() == 200
    assert Ticket.objects.filter(reference__isnull=True).count() == 0
    assert Message.objects.count() == 200
    assert OutboundMessage.objects.count() == 200, "every new ticket is acknowledged once"
    assert set(Ticket.objects.values_list("customer__email", flat=True)) == {f"buyer{i}@mail.example" for i in range(5)}


def test_the_same_message_redelivered_by_several_workers_at_once_makes_one_ticket(postgres):
    message = inbound_message(external_id="<same-mail@mail.example>", channel="email")

    results, errors = run_at_once([lambda: intake.receive(message) for _ in range(8)])

    assert errors == []
    assert len({result.ticket.pk for result in results}) == 1
    assert len({result.message.pk for result in results}) == 1
    assert sum(result.created for result in results) == 1
    assert Ticket.objects.count() == 1
    assert Message.objects.count() == 1
    assert OutboundMessage.objects.count() == 1
    assert InboundRecord.objects.get().state == InboundRecord.State.PROCESSED


def test_eight_workers_delivering_the_same_message_at_once_send_it_once(postgres, smtp_mail):
    smtp_mail.stop()  # the delivery right after commit fails, so the row waits for a retry
    ticket = intake.receive(inbound_message()).ticket
    row = OutboundMessage.objects.get(ticket=ticket)
    assert row.state == OutboundMessage.State.PENDING and row.attempts == 1
    OutboundMessage.objects.filter(pk=row.pk).update(next_attempt_at=row.created_at)  # the back-off has passed
    smtp_mail.start()

    results, errors = run_at_once([lambda: outbox.deliver(row.pk) for _ in range(8)])

    assert errors == []
    assert sorted(result.state for result in results) == ["sent"] + ["skipped"] * 7
    smtp_mail.wait_for(1)
    time.sleep(0.3)  # a duplicate would have arrived by now
    assert len(smtp_mail.messages) == 1
    delivered = OutboundMessage.objects.get(pk=row.pk)
    assert delivered.state == OutboundMessage.State.SENT and delivered.attempts == 2
