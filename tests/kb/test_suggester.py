"""The built-in kb_suggester: articles for a new ticket, found after intake commits, shown beside the ticket."""

from __future__ import annotations

import logging

import pytest

from wagtail_helpdesk.models import TicketArticleSuggestion
from wagtail_helpdesk.services import intake, kb, kb_import, kb_suggestions
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message
from wagtail_helpdesk.testing.pages import default_site_root

from .conftest import SMALL_ARTICLES, SMALL_CATEGORIES

pytestmark = pytest.mark.django_db


@pytest.fixture
def queue():
    return QueueFactory(is_default=True)


def suggested(ticket) -> list[str]:
    return [page.title for page in kb_suggestions.suggestions_for(ticket)]


def test_intake_never_searches_the_articles_come_after_commit(small, queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as pending:
        ticket = intake.receive(
            inbound_message(subject="How do I return an item?", body_text="The shoes are small.")
        ).ticket
    assert suggested(ticket) == []  # intake itself never searched
    for callback in pending:
        callback()  # the after-commit hooks: the task runs eagerly in the tests

    assert suggested(ticket)[0] == "How to return an item"


def test_suggesting_twice_keeps_the_first_suggestions(small, queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(subject="return an item")).ticket
    before = list(TicketArticleSuggestion.objects.filter(ticket=ticket).values_list("article_id", "rank"))

    assert kb_suggestions.suggest_for_ticket(ticket.pk) == []
    assert list(TicketArticleSuggestion.objects.filter(ticket=ticket).values_list("article_id", "rank")) == before


def test_a_kb_feedback_ticket_is_not_given_the_article_its_customer_just_read(
    small, queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(channel="kb-feedback", subject="return an item")).ticket
    assert suggested(ticket) == []


def test_a_search_outage_leaves_the_ticket_without_suggestions(
    small, queue, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionError("search backend down")

    monkeypatch.setattr(kb, "suggest_for_text", broken)  # what cannot be made to fail here for real
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        result = intake.receive(inbound_message(subject="return an item"))
    assert result.created and suggested(result.ticket) == []
    assert "Knowledge-base suggestions failed" in caplog.text


def test_without_a_live_article_no_search_task_is_queued(queue, monkeypatch, django_capture_on_commit_callbacks):
    queued = []
    monkeypatch.setattr("wagtail_helpdesk.tasks.suggest_articles.delay", queued.append)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(subject="How do I return an item?")).ticket

    assert queued == [] and suggested(ticket) == []


def test_the_first_article_published_brings_the_search_task_back(queue, django_capture_on_commit_callbacks):
    assert not kb_suggestions.might_suggest()  # cached: no live article
    kb_import.load(default_site_root(), title="Help", slug="help", categories=SMALL_CATEGORIES, articles=SMALL_ARTICLES)
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(subject="How do I return an item?")).ticket

    assert suggested(ticket)[0] == "How to return an item"


def test_suggesting_reads_the_ticket_and_its_first_message_in_one_query(
    small, queue, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks(execute=False):
        first = intake.receive(inbound_message(subject="Returning an item")).ticket
        ticket = intake.receive(inbound_message(subject="How do I return an item?", body_text="Too small.")).ticket
    # Fills the caches a running site has (locales, site root paths): it must find an article
    # on every backend, or the root paths are first read inside the budget below.
    assert kb_suggestions.suggest_for_ticket(first.pk)
    # The ticket with its first message (1), the search (1), the articles' categories (1), the insert (1).
    with django_assert_max_num_queries(4):
        found = kb_suggestions.suggest_for_ticket(ticket.pk)
    assert found and suggested(ticket)[0] == "How to return an item"
    with django_assert_max_num_queries(1):
        assert kb_suggestions.suggest_for_ticket(ticket.pk) == [], "a ticket with suggestions: one query, no search"
