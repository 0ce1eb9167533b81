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
    root = _child(parent, KnowledgeBasePage, slug)
    if root is None:
        root = parent.add_child(instance=KnowledgeBasePage(title=title, slug=slug, intro=rich(intro)))
    else:
        root.title, root.intro = title, rich(intro)
        root.save_revision().publish()
    by_key: dict[str, KBCategoryPage] = {}
    for data in categories:
        category = _child(root, KBCategoryPage, data["key"])
        if category is None:
            category = root.add_child(
                instance=KBCategoryPage(title=data["title"], slug=data["key"], intro=rich(data.get("intro", "")))
            )
        else:
            category.title, category.intro = data["title"], rich(data.get("intro", ""))
            category.save_revision().publish()
        by_key[data["key"]] = category
    pages: dict[str, KBArticlePage] = {}
    for data in articles:
        category = by_key[data["category"]]
        article = _child(category, KBArticlePage, data["key"]) or KBArticlePage(slug=data["key"])
        article.title = data["title"]
        article.summary = data.get("summary", "")
        article.body = body_from_plain(data.get("body", []))
        article.applies_to = ", ".join(data.get("applies_to", []))[:255]
        if article.pk is None:
            category.add_child(instance=article)
        article.tags.set(list(data.get("tags", [])))
        pages[data["key"]] = article
    for data in articles:
        article = pages[data["key"]]
        article.related_links = [
            KBRelatedArticle(target=pages[key], sort_order=order)
            for order, key in enumerate(data.get("related", []))
            if key in pages
        ]
        article.save_revision().publish()
    return root
