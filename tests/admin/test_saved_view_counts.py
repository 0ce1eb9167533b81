"""Saved-view counts: fresh ones reused, stale ones shown while a task counts again, none counted in the page."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_helpdesk.models import Status
from wagtail_helpdesk.services import saved_views
from wagtail_helpdesk.testing.factories import TicketFactory

from .conftest import make_admin_agent
from .test_saved_views import view_counts
from .test_ticket_list import LIST_URL

COUNT_SQL = 'COUNT("wagtail_helpdesk_ticket"."id") FILTER'


def age_counts(user, seconds: float) -> None:
    """Make ``user``'s cached counts ``seconds`` older, as time passing would."""
    key = saved_views._counts_key(user, saved_views.views_for(user))
    found, counted_at = cache.get(key)
    cache.set(key, (found, counted_at - seconds), saved_views.STALE_TIMEOUT)


def page(client) -> tuple[dict[str, int], bool]:
    """The counts a queue page shows, and whether the page counted them itself."""
    with CaptureQueriesContext(connection) as captured:
        content = client.get(LIST_URL).content.decode()
    return view_counts(content), any(COUNT_SQL in q["sql"] for q in captured.captured_queries)


@pytest.mark.django_db
def test_stale_counts_are_shown_once_and_recounted_for_the_next_page(client_a, agent_a, queue_a, monkeypatch):
    TicketFactory(queue=queue_a, assignee=agent_a, status=Status.OPEN)
    counts, counted = page(client_a)
    assert counts["mine"] == 1 and counted, "nothing cached: the first page counts"

    TicketFactory(queue=queue_a, assignee=agent_a, status=Status.OPEN)
    counts, counted = page(client_a)
    assert counts["mine"] == 1 and not counted, "fresh counts are reused as they are"

    queued = []
    monkeypatch.setattr("wagtail_helpdesk.tasks.recount_saved_views.delay", queued.append)
    age_counts(agent_a, saved_views.COUNT_TIMEOUT + 1)
    counts, counted = page(client_a)
    assert counts["mine"] == 1 and not counted, "stale counts are shown; the page does not wait"
    assert queued == [agent_a.pk]
    page(client_a)
    assert queued == [agent_a.pk], "one recount at a time"

    saved_views.recount(agent_a.pk)  # what the task does
    counts, counted = page(client_a)
    assert counts["mine"] == 2 and not counted

    agent_a.is_active = False
    agent_a.save()
    assert saved_views.recount(agent_a.pk) == {}, "a deactivated agent is not counted"


@pytest.mark.django_db
def test_counts_older_than_the_stale_limit_are_counted_in_the_page(client_a, agent_a, queue_a):
    page(client_a)
    TicketFactory(queue=queue_a, assignee=agent_a, status=Status.OPEN)
    cache.delete(saved_views._counts_key(agent_a, saved_views.views_for(agent_a)))  # expired after STALE_TIMEOUT

    counts, counted = page(client_a)
    assert counts["mine"] == 1 and counted


@pytest.mark.django_db
def test_a_broker_that_is_down_leaves_the_stale_counts_and_the_page_works(client_a, agent_a, monkeypatch, caplog):
    page(client_a)

    def broker_down(*args):
        raise ConnectionError("broker down")

    monkeypatch.setattr("wagtail_helpdesk.tasks.recount_saved_views.delay", broker_down)
    age_counts(agent_a, saved_views.COUNT_TIMEOUT + 1)
    response = client_a.get(LIST_URL)
    assert response.status_code == 200 and "Could not queue a recount" in caplog.text


@pytest.mark.django_db
def test_each_agent_has_their_own_counts(client, queue_a, agent_a):
    other = make_admin_agent(queue_a, username="olek")
    TicketFactory(queue=queue_a, assignee=agent_a, status=Status.OPEN)
    client.force_login(agent_a)
    assert page(client)[0]["mine"] == 1
    client.force_login(other)
    assert page(client)[0]["mine"] == 0


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_recounts_stale_counts(client, queue_a, agent_a, celery_worker):
    client.force_login(agent_a)
    page(client)
    TicketFactory(queue=queue_a, assignee=agent_a, status=Status.OPEN)
    age_counts(agent_a, saved_views.COUNT_TIMEOUT + 1)

    assert page(client)[0]["mine"] == 0  # stale; the worker counts meanwhile
    deadline = time.monotonic() + 20
    while page(client)[0]["mine"] != 1:
        assert time.monotonic() < deadline, "the worker never recounted"
        time.sleep(0.1)
