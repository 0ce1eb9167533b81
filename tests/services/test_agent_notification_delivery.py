"""An agent's notification mail goes through the outbox, a real Celery worker and real SMTP."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from wagtail_helpdesk.models import AgentNotification, OutboundMessage
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message, make_agent

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def clean_broker(celery_app) -> Iterator[None]:
    yield
    celery_app.control.purge()


def wait_until(condition, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_new_ticket_mail_reaches_the_agent_through_the_worker_and_smtp(clean_broker, celery_worker, smtp_mail):
    queue = QueueFactory(slug="returns", name="Returns", is_default=True)
    olena = make_agent(queue, username="olena", email="olena@shop.example")

    ticket = intake.receive(inbound_message(subject="Kettle leaks", sender_email="anna@mail.example")).ticket

    def agent_row():
        return OutboundMessage.objects.filter(kind=OutboundMessage.Kind.AGENT_NOTIFICATION).first()

    wait_until(lambda: agent_row() is not None and agent_row().state == OutboundMessage.State.SENT, "the agent mail")
    mails = smtp_mail.wait_for(2)  # the customer's acknowledgement and the agent's notification
    [to_agent] = [mail for mail in mails if mail["To"] == "olena@shop.example"]
    assert ticket.reference in to_agent["Subject"]
    [text] = [part for part in to_agent.walk() if part.get_content_type() == "text/plain"]  # mail has an HTML part too
    assert "Kettle leaks" in text.get_payload(decode=True).decode()
    assert AgentNotification.objects.get(user=olena).ticket_id == ticket.pk


def test_a_polled_batch_reaches_customers_and_agents_through_the_worker_and_smtp(
    clean_broker, celery_worker, smtp_mail
):
    """One delivery task for the batch's acknowledgements, one run_tasks message for its notifications."""
    from wagtail_helpdesk.services import mailboxes

    from .test_mailboxes import mail

    queue = QueueFactory(slug="returns", name="Returns", is_default=True)
    make_agent(queue, username="olena", email="olena@shop.example")
    mails = [mail(f"Parcel {i}", sender=f"c{i}@mail.example").as_bytes() for i in range(3)]

    assert mailboxes.ingest_many(mails) == [True, True, True]

    received = smtp_mail.wait_for(6)
    assert (
        sorted(mail["To"] for mail in received)
        == ["c0@mail.example", "c1@mail.example", "c2@mail.example"] + ["olena@shop.example"] * 3
    )
    assert AgentNotification.objects.filter(user__username="olena").count() == 3
    wait_until(
        lambda: set(OutboundMessage.objects.values_list("state", flat=True)) == {OutboundMessage.State.SENT},
        "every row sent",
    )
