"""The SLA clock keeps intake's statement budget: starting it rides on an UPDATE intake runs anyway."""

import pytest

from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message

from .sla_helpers import make_calendar, make_policy
from .test_query_budget import statement_budget

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _configured(monkeypatch):
    QueueFactory(is_default=True)
    make_policy(calendar=make_calendar())
    monkeypatch.setattr("wagtail_helpdesk.services.outbox.dispatch", lambda outbound_id: None)
    monkeypatch.setattr("wagtail_helpdesk.tasks.notify_agents.delay", lambda event: None)
    monkeypatch.setattr("wagtail_helpdesk.tasks.suggest_articles.delay", lambda ticket_id: None)
    monkeypatch.setattr("wagtail_helpdesk.tasks.run_tasks.delay", lambda calls: None)
    intake.receive(inbound_message(sender_email="warmup@mail.example"))  # caches plugins, config, SLA policies


def test_a_new_ticket_under_an_sla_policy_costs_no_extra_statement():
    with statement_budget(10):  # the same as without a policy (test_query_budget)
        ticket = intake.receive(inbound_message()).ticket
    assert ticket.sla_due_at is not None


def test_a_reply_under_an_sla_policy_keeps_the_reply_budget():
    ticket = intake.receive(inbound_message()).ticket
    with statement_budget(8):
        intake.receive(inbound_message(subject=f"Re: [{ticket.reference}] My order"))
