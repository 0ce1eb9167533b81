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
