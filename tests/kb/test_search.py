"""Search: relevance on a fixed corpus, what is never found, and hostile queries."""

import pytest
from django.db import connection
from wagtail.models import Locale, Page, PageViewRestriction

from wagtail_helpdesk.services import kb, kb_import
from wagtail_helpdesk.testing.pages import default_site_root

from . import corpus
from .conftest import SMALL_ARTICLES, SMALL_CATEGORIES

pytestmark = pytest.mark.django_db


def test_the_right_article_is_in_the_top_three_for_every_realistic_query(articles):
    misses = []
    for query, expected in corpus.SEARCH_CASES:
        top = [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in kb.search(query, limit=3)]
        if expected not in top:
            misses.append((query, expected, top))
    assert len(corpus.SEARCH_CASES) >= 20 and len(corpus.ARTICLES) >= 25
    assert misses == [], f"on {connection.vendor}: {misses}"


def test_hits_carry_category_and_a_highlighted_escaped_summary(small):
    hit = kb.search("refund")[0]
    assert hit.title == "When will I get my refund?"
    assert hit.category == "Returns"
    assert hit.highlighted_summary == "How long a <mark>refund</mark> takes after we receive a return."
    assert hit.full_url == "http://localhost/help/returns/refund-time/"


def test_highlighting_escapes_the_summary_and_the_query():
    marked = kb.highlight("Use <b>cards</b> & cash", "<script> cards")
    assert marked == "Use &lt;b&gt;<mark>cards</mark>&lt;/b&gt; &amp; cash"


def test_drafts_private_and_other_locale_articles_are_never_found(small):
    small["refund-time"].unpublish()
    PageViewRestriction.objects.create(page=small["payment-methods"], restriction_type="login")
    assert kb.search("refund") == []
    assert kb.search("payment") == []
    polish = Locale.objects.create(language_code="pl")
    assert kb.search("return", locale=polish) == []
    assert [hit.title for hit in kb.search("return")] == ["How to return an item"]


def test_a_prefix_finds_articles_when_no_whole_word_matches(small):
    assert "When will I get my refund?" in [hit.title for hit in kb.search("refu")]


def test_a_misspelt_query_gets_a_correction_and_popular_articles(small):
    page = kb.search_page("refnud")
    assert page.hits == []
    assert page.did_you_mean == "refund"
    assert page.popular  # something to read instead


def test_an_empty_query_finds_nothing_and_offers_popular_articles(small):
    page = kb.search_page("   ")
    assert page.query == "" and page.hits == [] and len(page.popular) == 3


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        'refund" AND "',
        "refund)(*&^%$#@!",
        "\x00\x1b[31mrefund",
        "a" * 100_000,
        "refund " * 5000,
        "NEAR(refund return) OR title:refund",
    ],
)
def test_hostile_queries_are_cleaned_and_never_fail(small, query):
    hits = kb.search(query)
    assert all(hit.title for hit in hits)
    assert len(kb.clean_query(query)) <= kb.MAX_QUERY_CHARS
    assert "\x00" not in kb.clean_query(query)


def test_popularity_comes_from_the_daily_counters(small):
    from django.utils import timezone

    from wagtail_helpdesk.services.kb_activity import add_views

    today = timezone.localdate()
    add_views(small["payment-methods"].pk, today, 7)
    add_views(small["refund-time"].pk, today, 3)
    add_views(small["refund-time"].pk, today - timezone.timedelta(days=90), 100)  # too old to count
    assert [hit.title for hit in kb.popular(limit=2)] == ["Payment methods", "When will I get my refund?"]


def test_suggestions_for_a_message_weigh_the_subject(small):
    hits = kb.suggest_for_text("refund", "I sent the parcel back two weeks ago, when is my money coming?")
    assert hits[0].title == "When will I get my refund?"
    assert kb.suggest_for_text("", "") == []


@pytest.mark.postgres
def test_postgres_searches_use_the_document_index(postgres):
    """Wagtail filters on ``title || body``; without the migration's expression index that is a full scan."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'helpdesk_kb_indexentry_document_gin'")
        (definition,) = cursor.fetchone()
    assert "gin" in definition and "(title || body)" in definition


def test_an_article_published_after_a_search_of_the_empty_knowledge_base_is_found(db):
    assert kb.search("refund") == [] and not kb.has_live_articles()  # "no live article" is now cached

    kb_import.load(default_site_root(), title="Help", slug="help", categories=SMALL_CATEGORIES, articles=SMALL_ARTICLES)

    assert [hit.title for hit in kb.search("refund")] == ["When will I get my refund?"]


def test_unpublishing_the_last_live_articles_is_seen_by_the_next_search(small):
    assert kb.has_live_articles()
    for page in small.values():
        Page.objects.get(pk=page.pk).unpublish()  # as the admin does, through the base class

    assert not kb.has_live_articles()
    assert kb.search("refund") == []


def test_deleting_the_articles_is_seen_by_the_next_search(small_kb, small):
    assert kb.has_live_articles()
    small_kb.delete()

    assert not kb.has_live_articles()
