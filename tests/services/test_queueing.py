"""Tasks that hooks queue leave in one broker message per announcement (``services.queueing``)."""

from __future__ import annotations

import pytest
from celery import shared_task

from tests.kb.conftest import SMALL_ARTICLES, SMALL_CATEGORIES
from wagtail_helpdesk.models import AgentNotification
from wagtail_helpdesk.services import intake, kb_import, queueing
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message, make_agent
from wagtail_helpdesk.testing.pages import default_site_root

pytestmark = pytest.mark.django_db(transaction=True)

RUNS: list[str] = []


@shared_task(name="tests.queueing.note")
def note(word: str) -> None:
    RUNS.append(word)


@shared_task(name="tests.queueing.flaky")
def flaky(word: str) -> None:
    RUNS.append(word)
    if RUNS.count(word) == 1:
        raise RuntimeError("the first attempt fails")


@pytest.fixture(autouse=True)
def _runs():
    RUNS.clear()
    yield
    RUNS.clear()


def test_outside_a_block_a_task_is_queued_at_once(tasks_sent):
    queueing.queue_task(note, "alone")
    assert tasks_sent == [("tests.queueing.note", ("alone",))] and RUNS == ["alone"]


def test_inside_a_block_the_tasks_leave_together_in_order_when_it_ends(tasks_sent):
    with queueing.queued_together():
        queueing.queue_task(note, "first")
        with queueing.queued_together():  # nested: sent with the outer block
            queueing.queue_task(note, "second")
        assert RUNS == []
    assert tasks_sent == [
        ("wagtail_helpdesk.run_tasks", ([["tests.queueing.note", ["first"]], ["tests.queueing.note", ["second"]]],))
    ]
    assert RUNS == ["first", "second"]


def test_nothing_leaves_when_the_block_raises(tasks_sent):
    with pytest.raises(ValueError), queueing.queued_together():
        queueing.queue_task(note, "never")
        raise ValueError
    assert tasks_sent == [] and RUNS == []


def test_a_failing_task_is_queued_again_on_its_own_and_the_next_still_runs(tasks_sent):
    with queueing.queued_together():
        queueing.queue_task(flaky, "flaky")
        queueing.queue_task(note, "after")
    assert RUNS == ["flaky", "flaky", "after"]
    assert ("tests.queueing.flaky", ("flaky",)) in tasks_sent


def test_when_the_broker_cannot_take_the_message_each_fallback_does_the_work(monkeypatch, caplog):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr("wagtail_helpdesk.tasks.run_tasks.delay", broker_down)  # a broker that refuses
    with queueing.queued_together():
        queueing.queue_task(note, "one", fallback=lambda: RUNS.append("fallback one"))
        queueing.queue_task(note, "two")  # no fallback: logged
    assert RUNS == ["fallback one"]
    assert "Could not queue tests.queueing.note, tests.queueing.note" in caplog.text


def test_a_new_ticket_queues_its_agents_notification_and_article_search_in_one_message(tasks_sent):
    queue = QueueFactory(is_default=True)
    agent = make_agent(queue)
    kb_import.load(default_site_root(), title="Help", slug="help", categories=SMALL_CATEGORIES, articles=SMALL_ARTICLES)

    ticket = intake.receive(inbound_message(subject="How do I return an item?")).ticket

    batches = [args[0] for name, args in tasks_sent if name == "wagtail_helpdesk.run_tasks"]
    assert [sorted(name for name, _args in calls) for calls in batches] == [
        ["wagtail_helpdesk.notify_agents", "wagtail_helpdesk.suggest_articles"]
    ]
    assert AgentNotification.objects.filter(user=agent, ticket=ticket).exists()
    assert ticket.article_suggestions.exists()


def test_a_worker_skips_a_call_it_cannot_run_and_runs_the_rest(caplog):
    ran = queueing.run([["shop_plugin.not_installed_here", [1]], "not a call", ["tests.queueing.note", ["after"]]])

    assert ran == 1 and RUNS == ["after"]
    assert "shop_plugin.not_installed_here" in caplog.text and "'not a call'" in caplog.text
