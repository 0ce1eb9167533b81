"""Knowledge-base content from plain data: what imports, the demo site and the tests load.

The plain format (one dict per category and per article) is documented in
``docs/kb.rst``; bodies are lists of ``(block_type, value)`` pairs using the
block names of :mod:`wagtail_helpdesk.blocks`.  Loading is idempotent: pages
are found again by slug under their parent and updated, not duplicated.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page

from ..blocks import table_value
from ..models import KBArticlePage, KBCategoryPage, KBRelatedArticle, KnowledgeBasePage


def rich(value: Any) -> str:
    """Rich-text HTML from plain data: HTML is kept, plain text becomes escaped paragraphs."""
    text = str(value or "").strip()
    if text.startswith("<"):
        return text
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def body_from_plain(blocks: Iterable[tuple[str, Any]]) -> list[dict[str, Any]]:
    """StreamField data (``[{"type", "value", "id"}]``) from ``(block_type, value)`` pairs.

    Unknown block types raise ``ValueError``: silently dropping an editor's
    content would be worse.  An ``image`` without an image id is skipped (plain
    data cannot carry the file).
    """
    stream = []
    for block_type, value in blocks:
        if block_type == "paragraph":
            converted: Any = rich(value)
        elif block_type in ("heading", "video"):
            converted = str(value)
        elif block_type == "steps":
            converted = [rich(step) for step in value]
        elif block_type == "callout":
            converted = {"kind": value.get("kind", "info"), "text": rich(value.get("text", ""))}
        elif block_type == "code":
            converted = {"language": value.get("language", ""), "code": value.get("code", "")}
        elif block_type == "table":
            converted = table_value(value.get("header", []), value.get("rows", []))
        elif block_type == "qa":
            converted = [
                {"question": item["question"], "answer": rich(item["answer"])}
                if isinstance(item, dict)
                else {"question": item[0], "answer": rich(item[1])}
                for item in value
            ]
        elif block_type == "image":
            if not isinstance(value, dict) or not value.get("image"):
                continue
            converted = {"image": value["image"], "caption": value.get("caption", "")}
        else:
            raise ValueError(f"Unknown knowledge-base block type {block_type!r}")
        stream.append({"type": block_type, "value": converted, "id": str(uuid.uuid4())})
    return stream


def _child(parent: Page, model: type[Page], slug: str) -> Page | None:
    return model.objects.child_of(parent).filter(slug=slug).first()


def _save(page: Page, parent: Page) -> Page:
    """Publish a page: a new one is created live (one write), an existing one gets a revision.

    Creating without a revision keeps a big import fast; the first edit in
    the admin starts the page's history as usual.
    """
    if page.pk is None:
        now = timezone.now()
        page.live = True
        page.first_published_at = page.last_published_at = now
        return parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def load(
    parent: Page,
    *,
    title: str,
    slug: str,
    categories: Sequence[dict[str, Any]],
    articles: Sequence[dict[str, Any]],
    intro: str = "",
) -> KnowledgeBasePage:
    """Create or update a knowledge base under ``parent`` from plain categories and articles.

    ``categories``: dicts with ``key``, ``title``, ``intro``.  ``articles``:
    dicts with ``key``, ``category``, ``title``, ``summary``, ``tags``,
    ``applies_to``, ``related`` (keys) and ``body``.  Keys become slugs.
    Returns the knowledge-base root; every page is published.
    """
    root = _child(parent, KnowledgeBasePage, slug) or KnowledgeBasePage(slug=slug)
    root.title, root.intro = title, rich(intro)
    root = _save(root, parent)
    by_key: dict[str, KBCategoryPage] = {}
    for data in categories:
        category = _child(root, KBCategoryPage, data["key"]) or KBCategoryPage(slug=data["key"])
        category.title, category.intro = data["title"], rich(data.get("intro", ""))
        by_key[data["key"]] = _save(category, root)
    pages: dict[str, KBArticlePage] = {}
    for data in articles:
        category = by_key[data["category"]]
        article = _child(category, KBArticlePage, data["key"]) or KBArticlePage(slug=data["key"])
        article.title = data["title"]
        article.summary = data.get("summary", "")
        article.body = body_from_plain(data.get("body", []))
        article.applies_to = ", ".join(data.get("applies_to", []))[:255]
        article.tags.set(list(data.get("tags", [])))
        pages[data["key"]] = _save(article, category)
    for data in articles:  # related links once every target exists
        if data.get("related"):
            article = pages[data["key"]]
            article.related_links = _related(data, pages)
            article.save_revision().publish()
    return root


def _related(data: dict[str, Any], pages: dict[str, KBArticlePage]) -> list[KBRelatedArticle]:
    return [
        KBRelatedArticle(target=pages[key], sort_order=order)
        for order, key in enumerate(data.get("related", []))
        if key in pages
    ]
