"""Canned responses and the knowledge base over the API: who sees what, and hostile input.

The roles are those of the permission matrix (``conftest.Cast``); the KB is the
small three-article corpus of ``tests/kb``, loaded under the default site.
"""

from __future__ import annotations

import pytest
from django.test import override_settings
from rest_framework.test import APIClient
from wagtail.models import Locale, PageViewRestriction

from wagtail_helpdesk.models import CannedResponse, KBArticlePage
from wagtail_helpdesk.services import canned_responses, kb_import
from wagtail_helpdesk.testing.pages import default_site_root

from ..kb.conftest import SMALL_ARTICLES, SMALL_CATEGORIES
from .conftest import API

pytestmark = pytest.mark.django_db

BAD_IDS = ["abc", "0", "-1", "1.5", "99999999999999999999999", "%3Cscript%3E", "1e3"]


@pytest.fixture
def canned(cast):
    """One response for every queue, one for Returns (T's queue), one for Repairs."""
    return {
        "everywhere": CannedResponse.objects.create(title="Thanks", body="Thank you, {{ customer.name }}."),
        "returns": CannedResponse.objects.create(
            title="Return label",
            body="Dear {{ customer.name }}, about {{ ticket.reference }}: {{ agent.name }}",
            queue=cast.queue,
        ),
        "repairs": CannedResponse.objects.create(title="Repair", body="Repair", queue=cast.other_queue),
    }


def _titles(response) -> list[str]:
    assert response.status_code == 200, response.content[:300]
    return sorted(item["title"] for item in response.json()["results"])


# -- canned responses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "query", "expected"),
    [
        ("agent", "", ["Return label", "Thanks"]),
        ("other_agent", "", ["Repair", "Thanks"]),
        ("manager", "", ["Repair", "Return label", "Thanks"]),
        ("agent", "?queue=returns", ["Return label", "Thanks"]),
        # A queue the agent does not work adds nothing of its own.
        ("agent", "?queue=repairs", ["Thanks"]),
        ("manager", "?queue=repairs", ["Repair", "Thanks"]),
        ("agent", "?queue=no-such-queue", ["Thanks"]),
        ("agent", "?queue=" + "x" * 5000, ["Thanks"]),
        ("agent", "?queue=%3Cscript%3E", ["Thanks"]),
    ],
)
def test_agents_list_the_canned_responses_of_their_queues(canned, as_role, role, query, expected):
    assert _titles(as_role(role).get(f"{API}/canned-responses/{query}")) == expected


def test_one_canned_response_has_its_fields(canned, as_role):
    data = as_role("agent").get(f"{API}/canned-responses/{canned['returns'].pk}/").json()
    assert data["title"] == "Return label" and data["queue"] == "returns" and "{{ customer.name }}" in data["body"]
    assert as_role("agent").get(f"{API}/canned-responses/{canned['everywhere'].pk}/").json()["queue"] is None


@pytest.mark.parametrize("bad", BAD_IDS)
def test_bad_canned_response_ids_are_a_json_404(canned, as_role, bad):
    response = as_role("manager").get(f"{API}/canned-responses/{bad}/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_another_queues_canned_response_is_a_404_for_an_agent(canned, as_role):
    assert as_role("agent").get(f"{API}/canned-responses/{canned['repairs'].pk}/").status_code == 404


def test_render_fills_in_the_ticket_like_the_admin_composer(cast, canned, as_role):
    response = as_role("agent").get(
        f"{API}/tickets/{cast.ticket.reference}/canned-responses/{canned['returns'].pk}/render/"
    )
    assert response.status_code == 200
    text = response.json()["text"]
    assert text == canned_responses.render(canned["returns"], cast.ticket, cast.agent)
    assert text.startswith(f"Dear Anna, about {cast.ticket.reference}: ")


def test_render_refuses_a_response_not_offered_on_the_tickets_queue(cast, canned, as_role):
    """Even a manager: the Repairs response is not offered on a Returns ticket (the composer's rule)."""
    url = f"{API}/tickets/{cast.ticket.reference}/canned-responses/{canned['repairs'].pk}/render/"
    assert as_role("manager").get(url).status_code == 404


@pytest.mark.parametrize("bad", BAD_IDS)
def test_render_with_bad_ids_or_unknown_tickets_is_a_404(cast, canned, as_role, bad):
    client = as_role("agent")
    assert client.get(f"{API}/tickets/{cast.ticket.reference}/canned-responses/{bad}/render/").status_code == 404
    assert client.get(f"{API}/tickets/{bad}/canned-responses/{canned['everywhere'].pk}/render/").status_code == 404


def test_render_of_another_queues_ticket_is_a_404(cast, canned, as_role):
    url = f"{API}/tickets/{cast.other_ticket.reference}/canned-responses/{canned['everywhere'].pk}/render/"
    assert as_role("agent").get(url).status_code == 404


def test_render_keeps_hostile_ticket_values_as_plain_text_and_runs_no_template_code(cast, as_role):
    cast.ticket.subject = "<script>alert(1)</script>"
    cast.ticket.save()
    canned = CannedResponse.objects.create(
        title="Sneaky",
        body="{{ ticket.subject }} {% load static %}{{ ticket.customer.user.password }}{{ settings.SECRET_KEY }}",
    )
    response = as_role("agent").get(f"{API}/tickets/{cast.ticket.reference}/canned-responses/{canned.pk}/render/")
    assert response["Content-Type"] == "application/json"
    text = response.json()["text"]
    assert text.startswith("<script>alert(1)</script> {% load static %}")  # plain text, for a textarea
    assert cast.customer_user.password not in text and "pbkdf2" not in text


# -- knowledge base ------------------------------------------------------------------------------


@pytest.fixture
def small():
    kb_import.load(default_site_root(), title="Help", slug="help", categories=SMALL_CATEGORIES, articles=SMALL_ARTICLES)
    return {page.slug: page for page in KBArticlePage.objects.all()}


def test_anonymous_visitors_list_live_public_articles(small):
    response = APIClient().get(f"{API}/kb/articles/")
    assert _titles(response) == ["How to return an item", "Payment methods", "When will I get my refund?"]
    item = next(r for r in response.json()["results"] if r["title"] == "How to return an item")
    assert item["category"] == "Returns" and item["tags"] == ["return"] and item["locale"] == "en"
    assert item["url"].startswith("http") and item["url"].endswith("/help/returns/return-policy/")
    assert item["updated"] and "body_html" not in item


def test_one_article_has_its_body_rendered_and_related_ids(small):
    article = small["return-policy"]
    data = APIClient().get(f"{API}/kb/articles/{article.pk}/").json()
    assert data["title"] == article.title and data["summary"] == article.summary
    assert "Before you start" in data["body_html"] and "Print the label" in data["body_html"]
    assert "<table" in data["body_html"]
    assert data["related"] == [small["refund-time"].pk]


def test_drafts_and_private_articles_are_never_returned(small):
    draft = small["payment-methods"]
    draft.unpublish()
    private = small["refund-time"]
    PageViewRestriction.objects.create(page=private.get_parent(), restriction_type="password", password="secret")
    client = APIClient()
    assert _titles(client.get(f"{API}/kb/articles/")) == []  # refund's category is private, with return-policy
    PageViewRestriction.objects.all().delete()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    assert _titles(client.get(f"{API}/kb/articles/")) == ["How to return an item"]
    for page in (draft, private):
        assert client.get(f"{API}/kb/articles/{page.pk}/").status_code == 404
    assert client.get(f"{API}/kb/search/", {"q": "refund"}).json()["results"] == []
    # The related article is private now: it is not offered either.
    assert client.get(f"{API}/kb/articles/{small['return-policy'].pk}/").json()["related"] == []


@pytest.mark.parametrize("bad", BAD_IDS)
def test_bad_article_ids_are_a_json_404(small, bad):
    response = APIClient().get(f"{API}/kb/articles/{bad}/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_a_page_that_is_not_an_article_is_a_404(small):
    category = small["return-policy"].get_parent()
    assert APIClient().get(f"{API}/kb/articles/{category.pk}/").status_code == 404


def test_search_highlights_the_summary(small):
    data = APIClient().get(f"{API}/kb/search/", {"q": "refund"}).json()
    assert data["query"] == "refund"
    hit = data["results"][0]
    assert hit["id"] == small["refund-time"].pk
    assert "<mark>refund</mark>" in hit["highlighted_summary"]


def test_script_in_the_query_is_escaped_everywhere(small):
    response = APIClient().get(f"{API}/kb/search/", {"q": '<script>alert("x")</script> return'})
    assert response.status_code == 200
    assert b"<" not in response.content and b">" not in response.content  # no markup, even if sniffed
    data = response.json()
    assert data["query"].startswith("<script>")  # the same text once parsed
    assert data["results"]
    for hit in data["results"]:
        assert "<script" not in hit["highlighted_summary"] and "<mark>" in hit["highlighted_summary"]


@pytest.mark.parametrize(
    "query", ["x" * 100_000, "refund " * 5000, "\u202e\u200brefund", "' OR 1=1 --", "title:refund"]
)
def test_huge_or_odd_queries_are_cut_and_answered(small, query):
    response = APIClient().get(f"{API}/kb/search/", {"q": query})
    assert response.status_code == 200
    assert len(response.json()["query"]) <= 200


@pytest.mark.parametrize(("params", "field"), [({"q": "a\x00b"}, "query"), ({"limit": "many"}, "limit")])
def test_malformed_search_parameters_are_refused_with_a_reason(small, params, field):
    response = APIClient().get(f"{API}/kb/search/", params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("path", ["/kb/articles/", "/kb/search/?q=refund"])
@pytest.mark.parametrize("code", ["xx", "<b>pl</b>", "x" * 500])
def test_an_unknown_locale_is_refused_not_guessed(small, path, code):
    sep = "&" if "?" in path else "?"
    response = APIClient().get(f"{API}{path}{sep}locale={code}")
    assert response.status_code == 400
    assert "locale" in response.json()["errors"]
    assert "<b>" not in response.content.decode()


@override_settings(WAGTAIL_I18N_ENABLED=True, WAGTAIL_CONTENT_LANGUAGES=[("en", "English"), ("pl", "Polski")])
def test_articles_of_another_locale_are_listed_and_searched_only_in_that_locale(small):
    locale = Locale.objects.create(language_code="pl")
    root = small["refund-time"].get_parent().get_parent()
    root.copy_for_translation(locale, copy_parents=True)
    small["refund-time"].get_parent().copy_for_translation(locale)
    polish = small["refund-time"].copy_for_translation(locale)
    polish.title = "Kiedy otrzymam zwrot pieniędzy?"
    polish.summary = "Ile trwa zwrot pieniędzy."
    polish.slug = "zwrot"
    polish.save_revision().publish()
    client = APIClient()
    assert _titles(client.get(f"{API}/kb/articles/?locale=pl")) == ["Kiedy otrzymam zwrot pieniędzy?"]
    assert "Kiedy otrzymam zwrot pieniędzy?" not in _titles(client.get(f"{API}/kb/articles/?locale=en"))
    assert [h["title"] for h in client.get(f"{API}/kb/search/?q=zwrot&locale=pl").json()["results"]] == [polish.title]
    assert client.get(f"{API}/kb/search/?q=zwrot&locale=en").json()["results"] == []
    assert client.get(f"{API}/kb/articles/{polish.pk}/").json()["locale"] == "pl"


def test_anonymous_kb_reading_is_throttled(small, settings):
    settings.WAGTAIL_HELPDESK_API_THROTTLE_RATES = {"read": "3/minute"}
    client = APIClient()
    statuses = [client.get(f"{API}/kb/search/?q=refund").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
