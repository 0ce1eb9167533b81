"""Page types: where editors may create them, what the body renders, SEO data and the sitemap."""

import json
import re

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from wagtail_helpdesk.models import ArticleOrder, ContactFormPage, KBArticlePage, KBCategoryPage, KnowledgeBasePage
from wagtail_helpdesk.services import kb_activity, kb_import
from wagtail_helpdesk.testing.pages import default_site_root

from .conftest import SMALL_ARTICLES, SMALL_CATEGORIES

pytestmark = pytest.mark.django_db


class TestPageRules(WagtailPageTestCase):
    def test_a_knowledge_base_goes_anywhere_and_holds_only_categories(self):
        self.assertCanCreateAt(Page, KnowledgeBasePage)
        self.assertAllowedSubpageTypes(KnowledgeBasePage, {KBCategoryPage})

    def test_categories_live_in_a_knowledge_base_and_hold_articles(self):
        self.assertAllowedParentPageTypes(KBCategoryPage, {KnowledgeBasePage})
        self.assertAllowedSubpageTypes(KBCategoryPage, {KBArticlePage})
        self.assertCanNotCreateAt(Page, KBCategoryPage)

    def test_articles_live_in_categories_and_have_no_children(self):
        self.assertAllowedParentPageTypes(KBArticlePage, {KBCategoryPage})
        self.assertAllowedSubpageTypes(KBArticlePage, set())
        self.assertCanNotCreateAt(KnowledgeBasePage, KBArticlePage)
        self.assertCanNotCreateAt(KBArticlePage, ContactFormPage)

    def test_an_editor_creates_an_article_with_blocks_in_the_admin(self):
        self.login()
        home = default_site_root()
        root = home.add_child(instance=KnowledgeBasePage(title="Help", slug="help"))
        category = root.add_child(instance=KBCategoryPage(title="Returns", slug="returns"))
        self.assertCanCreate(
            category,
            KBArticlePage,
            nested_form_data(
                {
                    "title": "Returning shoes",
                    "slug": "returning-shoes",
                    "summary": "How to send shoes back.",
                    "applies_to": "Shoes",
                    "tags": "return, shoes",
                    "body": streamfield(
                        [
                            ("heading", "Steps"),
                            ("paragraph", rich_text("<p>Pack them in the box.</p>")),
                            ("callout", {"kind": "tip", "text": rich_text("<p>Keep the box.</p>")}),
                        ]
                    ),
                    "related_links": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
                }
            ),
        )
        article = KBArticlePage.objects.get(slug="returning-shoes")
        assert [block.block_type for block in article.body] == ["heading", "paragraph", "callout"]
        assert sorted(article.tags.names()) == ["return", "shoes"]


def test_every_block_type_renders(client, small):
    html = client.get(small["return-policy"].url).content.decode()
    assert '<h2 class="kb-heading">Before you start</h2>' in html
    assert '<ol class="kb-steps">' in html and "Pack the item" in html
    assert "kb-callout--warning" in html and "Keep the receipt." in html
    assert '<code class="language-text">RETURN-123</code>' in html
    assert '<th scope="col">Country</th>' in html and "<td>9.99</td>" in html
    assert "<summary>Is return shipping free?</summary>" in html
    assert "Applies to: Clothing, Shoes" in html


def test_article_has_breadcrumbs_related_articles_and_a_canonical_url(client, small):
    html = client.get(small["return-policy"].url).content.decode()
    assert '<a href="/help/">Help</a>' in html and '<a href="/help/returns/">Returns</a>' in html
    assert '<a href="/help/returns/refund-time/">When will I get my refund?</a>' in html
    assert '<link rel="canonical" href="http://localhost/help/returns/return-policy/">' in html


def _json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_article_json_ld_describes_the_article_and_its_questions(client, small):
    data = _json_ld(client.get(small["return-policy"].url).content.decode())
    article, faq = data["@graph"]
    assert article["@type"] == "Article" and article["headline"] == "How to return an item"
    assert article["url"] == "http://localhost/help/returns/return-policy/"
    assert faq["@type"] == "FAQPage"
    assert faq["mainEntity"][0]["name"] == "Is return shipping free?"
    assert faq["mainEntity"][0]["acceptedAnswer"]["text"] == "Yes, within the country."


def test_article_without_questions_has_no_faq_page(client, small):
    data = _json_ld(client.get(small["refund-time"].url).content.decode())
    assert [item["@type"] for item in data["@graph"]] == ["Article"]


def test_json_ld_cannot_be_closed_by_an_editors_title(client, small):
    article = small["refund-time"]
    article.title = "Refund </script><script>alert(1)</script>"
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(html)["@graph"][0]["headline"] == article.title


def test_articles_are_in_the_sitemap_and_private_ones_are_not(client, small):
    from wagtail.contrib.sitemaps.sitemap_generator import Sitemap

    PageViewRestriction.objects.create(page=small["payment-methods"], restriction_type="login")
    urls = [entry["location"] for entry in Sitemap().items() for entry in entry.get_sitemap_urls()]
    assert "http://localhost/help/returns/return-policy/" in urls
    assert "http://localhost/help/payments/payment-methods/" not in urls
    entry = small["return-policy"].get_sitemap_urls()[0]
    assert entry["changefreq"] == "weekly"


def test_loading_the_same_content_twice_updates_instead_of_duplicating(small):
    kb_import.load(default_site_root(), title="Help", slug="help", categories=SMALL_CATEGORIES, articles=SMALL_ARTICLES)
    assert KBArticlePage.objects.count() == len(SMALL_ARTICLES)
    assert KnowledgeBasePage.objects.count() == 1
    assert [link.target_id for link in small["return-policy"].related_links.all()] == [small["refund-time"].pk]


def test_unknown_block_types_are_refused_not_dropped():
    with pytest.raises(ValueError, match="carousel"):
        kb_import.body_from_plain([("carousel", [])])


def test_category_lists_articles_in_editor_order_or_by_popularity(client, small):
    category = KBCategoryPage.objects.get(slug="returns")
    html = client.get(category.url).content.decode()
    assert html.index("How to return an item") < html.index("When will I get my refund?")
    kb_activity.add_views(small["refund-time"].pk, timezone.localdate(), 5)
    category.article_order = ArticleOrder.POPULAR
    category.save_revision().publish()
    html = client.get(category.url).content.decode()
    assert html.index("When will I get my refund?") < html.index("How to return an item")
