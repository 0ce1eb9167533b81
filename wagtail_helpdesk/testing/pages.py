"""Wagtail page-tree helpers for tests that run with a flushed database."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Locale, Page, Site


def default_site_root() -> Page:
    """The default site's root page, re-created when a transactional test flushed the tree."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE.split("-")[0])
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=Page(title="Home", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home
