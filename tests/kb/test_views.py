"""The customer side over HTTP: the search page, the JSON endpoint, page query budgets and view counts."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django.utils import timezone

from wagtail_helpdesk.models import ArticleViewCount, ContactFormPage, KBCategoryPage, KnowledgeBasePage
from wagtail_helpdesk.services import kb_import
from wagtail_helpdesk.testing.pages import default_site_root

pytestmark = pytest.mark.django_db

SEARCH = reverse("wagtail_helpdesk:kb_search")


def test_markup_in_the_query_does_not_stop_the_words_from_matching(client, small):
    data = client.get(SEARCH, {"q": "<script>alert(1)</script>refund"}).json()
    assert data["query"] == "<script>alert(1)</script>refund"
    assert data["results"][0]["title"] == "When will I get my refund?"


def test_json_search_returns_hits_with_highlighted_summaries(client, small):
    data = client.get(SEARCH, {"q": "refund"}).json()
    assert data["query"] == "refund"
    first = data["results"][0]
    assert first["title"] == "When will I get my refund?"
    assert first["url"] == "/help/returns/refund-time/"
    assert "<mark>refund</mark>" in first["highlighted_summary"]


def test_json_search_with_message_text_suggests_for_the_contact_form(client, small):
    data = client.get(SEARCH, {"q": "money back", "text": "when will my refund arrive?", "limit": 1}).json()
    assert [hit["title"] for hit in data["results"]] == ["When will I get my refund?"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "<script>alert(1)</script>refund"},
        {"q": "x" * 50_000},
        {"q": "refund", "limit": "lots"},
        {"q": "refund", "limit": "-5"},
        {"q": "refund", "lang": "<xx>"},
        {"q": ["a", "b"]},
        {},
    ],
)
def test_json_search_survives_hostile_input(client, small, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    data = response.json()
    assert "<" not in response.content.decode()  # visitor text comes back as \u003c
    assert len(data["query"]) <= 200
    assert len(data["results"]) <= 10


def test_json_search_is_rate_limited_per_ip(client, small, settings):
    settings.WAGTAIL_HELPDESK_KB_SEARCH_RATE_LIMIT = "2/m"
    assert client.get(SEARCH, {"q": "refund"}).status_code == 200
    assert client.get(SEARCH, {"q": "refund"}).status_code == 200
    response = client.get(SEARCH, {"q": "refund"})
    assert response.status_code == 429 and response.json()["error"]


def test_json_search_only_answers_get(client, small):
    assert client.post(SEARCH, {"q": "refund"}).status_code == 405


def test_search_page_lists_hits_and_escapes_the_query(client, small_kb):
    html = client.get(small_kb.url + "search/", {"q": "refund <img src=x onerror=alert(1)>"}).content.decode()
    assert "When will I get my refund?" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_search_page_for_nothing_offers_a_correction_popular_articles_and_the_contact_page(client, small_kb):
    contact = default_site_root().add_child(instance=ContactFormPage(title="Contact us", slug="contact"))
    small_kb.contact_page = contact
    small_kb.save_revision().publish()
    html = client.get(small_kb.url + "search/", {"q": "refnud"}).content.decode()
    assert "No articles match “refnud”." in html
    assert 'Did you mean <a href="/help/search/?q=refund">refund</a>?' in html
    assert 'href="/contact/"' in html
    assert "Popular articles" in html


def test_root_shows_categories_popular_and_recently_updated(client, small_kb):
    html = client.get(small_kb.url).content.decode()
    assert '<a href="/help/returns/">Returns</a>' in html
    assert "Popular articles" in html and "Recently updated" in html


def _many_articles(count):
    articles = [
        {
            "key": f"article-{n}",
            "category": "returns",
            "title": f"Article {n}",
            "summary": f"Summary {n}",
            "tags": [f"tag{n}"],
            "related": [f"article-{(n + 1) % count}"],
            "body": [("paragraph", "Text.")],
        }
        for n in range(count)
    ]
    return kb_import.load(
        default_site_root(),
        title="Help",
        slug="help",
        categories=[{"key": "returns", "title": "Returns"}],
        articles=articles,
    )


@pytest.mark.parametrize("count", [2, 12])
def test_category_and_article_pages_take_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    _many_articles(count)
    category = KBCategoryPage.objects.get()
    client.get(category.url)  # warm the site-root cache, as a running site has it
    with django_assert_max_num_queries(12):
        assert client.get(category.url).status_code == 200
    article = category.get_children().last().specific
    with django_assert_max_num_queries(16):
        assert client.get(article.url).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(KnowledgeBasePage.objects.get().url).status_code == 200


def test_views_are_counted_in_batches_without_touching_the_page(client, small, settings):
    settings.WAGTAIL_HELPDESK_KB_VIEW_BATCH = 3
    article = small["refund-time"]
    revision_before = article.latest_revision_id
    for _ in range(7):
        client.get(article.url)
    counter = ArticleViewCount.objects.get(article_id=article.pk, day=timezone.localdate())
    assert counter.views == 6  # two full batches; the seventh view waits in the cache
    article.refresh_from_db()
    assert article.latest_revision_id == revision_before


def test_the_views_below_a_batch_are_written_once_the_day_is_over(client, small, settings):
    from wagtail_helpdesk.services import kb_activity
    from wagtail_helpdesk.tasks import flush_kb_views

    settings.WAGTAIL_HELPDESK_KB_VIEW_BATCH = 10
    article, rarely_read = small["refund-time"], small["payment-methods"]
    for _ in range(13):
        client.get(article.url)
    for _ in range(4):
        client.get(rarely_read.url)
    today = timezone.localdate()
    assert ArticleViewCount.objects.get(article_id=article.pk, day=today).views == 10
    assert not ArticleViewCount.objects.filter(article_id=rarely_read.pk).exists()

    assert kb_activity.flush_views(today) == 3 + 4  # the rest of both days' counts
    assert ArticleViewCount.objects.get(article_id=article.pk, day=today).views == 13
    assert ArticleViewCount.objects.get(article_id=rarely_read.pk, day=today).views == 4
    assert kb_activity.flush_views(today) == 0  # once per day
    assert flush_kb_views.delay().get() == 0  # the beat task flushes yesterday, which had no views


def test_previews_are_not_counted(small, settings, rf):
    settings.WAGTAIL_HELPDESK_KB_VIEW_BATCH = 1
    article = small["refund-time"]
    request = rf.get(article.url)
    request.session = SessionStore()
    request.user = AnonymousUser()
    assert article.serve_preview(request, article.default_preview_mode).render().status_code == 200
    assert not ArticleViewCount.objects.exists()
