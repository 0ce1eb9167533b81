"""Knowledge-base fixtures: the fixed corpus loaded under the default site's home page."""

import pytest

from wagtail_helpdesk.models import KBArticlePage
from wagtail_helpdesk.services import kb_import
from wagtail_helpdesk.testing.pages import default_site_root

from . import corpus


@pytest.fixture
def kb_root(db):
    return kb_import.load(
        default_site_root(),
        title="Help centre",
        slug="help",
        categories=corpus.CATEGORIES,
        articles=corpus.ARTICLES,
        intro="Answers to common questions.",
    )


@pytest.fixture
def articles(kb_root):
    """The corpus' articles by key (slug)."""
    return {page.slug: page for page in KBArticlePage.objects.all()}


SMALL_CATEGORIES = [
    {"key": "returns", "title": "Returns", "intro": "Sending things back."},
    {"key": "payments", "title": "Payments", "intro": "Paying for orders."},
]
SMALL_ARTICLES = [
    {
        "key": "return-policy",
        "category": "returns",
        "title": "How to return an item",
        "summary": "Returning a product within 30 days.",
        "tags": ["return"],
        "applies_to": ["Clothing", "Shoes"],
        "related": ["refund-time"],
        "body": [
            ("heading", "Before you start"),
            ("paragraph", "You can return any item within 30 days of delivery."),
            ("steps", ["Print the label", "Pack the item", "Drop it at the post office"]),
            ("callout", {"kind": "warning", "text": "Keep the receipt."}),
            ("code", {"language": "text", "code": "RETURN-123"}),
            ("table", {"header": ["Country", "Cost"], "rows": [["Poland", "free"], ["Abroad", "9.99"]]}),
            ("video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            ("qa", [{"question": "Is return shipping free?", "answer": "Yes, within the country."}]),
        ],
    },
    {
        "key": "refund-time",
        "category": "returns",
        "title": "When will I get my refund?",
        "summary": "How long a refund takes after we receive a return.",
        "tags": ["refund"],
        "body": [("paragraph", "We refund the money within 14 days.")],
    },
    {
        "key": "payment-methods",
        "category": "payments",
        "title": "Payment methods",
        "summary": "Cards, bank transfer, BLIK and PayPal.",
        "tags": ["payment"],
        "body": [("paragraph", "We accept cards, PayPal and BLIK.")],
    },
]


@pytest.fixture
def small_kb(db):
    """Three articles in two categories: fast enough for every test that is not about relevance."""
    return kb_import.load(
        default_site_root(), title="Help", slug="help", categories=SMALL_CATEGORIES, articles=SMALL_ARTICLES
    )


@pytest.fixture
def small(small_kb):
    return {page.slug: page for page in KBArticlePage.objects.all()}
