"""The queue counts its tickets up to a limit and says "more than" beyond it; paging on still works."""

from __future__ import annotations

import pytest
from django.utils import translation

from wagtail_helpdesk.admin.pagination import QueuePaginator
from wagtail_helpdesk.models import Priority, Ticket
from wagtail_helpdesk.testing.factories import TicketFactory

from .test_ticket_list import LIST_URL, LISTING_QUERY_BUDGET, RESULTS_URL, listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelve(queue_a):
    return [TicketFactory(queue=queue_a, priority=Priority.HIGH) for _ in range(12)]


def paginator(limit, per_page=5, page=None):
    return QueuePaginator(Ticket.objects.order_by("pk"), per_page, count_limit=limit, page_number=page)


def test_below_the_limit_the_count_is_exact(twelve):
    counted = paginator(limit=20)
    assert (counted.count, counted.is_capped, counted.num_pages) == (12, False, 3)
    assert counted.items_count_label == "12 tickets"


def test_at_the_limit_the_count_is_still_exact(twelve):
    counted = paginator(limit=12)
    assert (counted.count, counted.is_capped) == (12, False)


def test_past_the_limit_it_says_more_than_and_the_next_page_exists(twelve):
    counted = paginator(limit=7)
    assert (counted.count, counted.is_capped) == (8, True)
    assert counted.items_count_label == "more than 7 tickets"
    assert counted.num_pages == 2 and counted.page(2).has_other_pages()
    with translation.override("pl"):
        del counted.items_count_label
        assert counted.items_count_label == "zgłoszenia: ponad 7"


def test_a_page_past_the_limit_counts_from_where_it_is(twelve):
    counted = paginator(limit=4, page=2)  # the limit is below the end of page 2: counts to 10, finds more
    assert (counted.count, counted.is_capped) == (11, True)
    assert [t.pk for t in counted.page(2).object_list] == [t.pk for t in twelve[5:10]]
    assert counted.page(2).has_next()
    last = paginator(limit=4, page=3)
    assert (last.count, last.is_capped) == (12, False)
    assert len(last.page(3).object_list) == 2 and not last.page(3).has_next()


# Not "page": pytest-playwright's fixture of that name would pull the browser tests in beside this one.
@pytest.mark.parametrize("asked", ["x", "-3", "0", None, "99999999999999999999"])
def test_a_nonsense_page_number_counts_from_the_first_page(twelve, asked):
    counted = paginator(limit=20, page=asked)
    assert counted.count == 12


def test_no_limit_counts_everything(twelve):
    counted = paginator(limit=None)
    assert (counted.count, counted.is_capped) == (12, False)


def test_the_queue_says_more_than_when_it_stopped_counting(client_a, twelve, settings, django_assert_max_num_queries):
    settings.WAGTAIL_HELPDESK_QUEUE_COUNT_LIMIT = 5
    client_a.get(LIST_URL)  # warm the briefly cached unread-notification count of the menu
    with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
        response = client_a.get(LIST_URL, {"priority": Priority.HIGH, "per_page": 10})
    page = response.content.decode()
    assert "There are more than 10 matches" in page
    assert "More than 10 tickets" in page  # the page asked for ends at 10: counted up to there
    assert len(listed(response)) == 10
    second = client_a.get(RESULTS_URL, {"priority": Priority.HIGH, "per_page": 10, "p": 2})
    assert len(listed(second)) == 2 and "more than" not in second.content.decode()


def test_the_queue_counts_exactly_below_the_limit(client_a, twelve, settings):
    settings.WAGTAIL_HELPDESK_QUEUE_COUNT_LIMIT = 50
    page = client_a.get(LIST_URL, {"priority": Priority.HIGH}).content.decode()
    assert "There are 12 matches" in page and "more than" not in page


def test_the_label_is_right_when_read_before_anything_else(twelve):
    counted = paginator(limit=7)
    assert counted.items_count_label == "more than 7 tickets"
    assert paginator(limit=7).is_capped
