"""Reading knowledge-base articles one by one or page by page (the REST API's KB endpoints).

Finding articles by words stays in :mod:`~wagtail_helpdesk.services.kb`;
this module lists and fetches them.  It builds on ``kb.articles()``, so the
same rule holds everywhere: only live, public articles, in one locale per list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.utils.safestring import SafeString
from wagtail.models import Locale, Page

from ..models import KBArticlePage
from . import kb

if TYPE_CHECKING:
    from django.http import HttpRequest


def locale_for(code: str) -> Locale | None:
    """The content locale with this language code (``"pl"``, ``"en"``), or ``None`` when the site has none."""
    code = code.strip()[:16]
    if not code:
        return None
    return Locale.objects.filter(language_code__iexact=code).first()


def _with_category(queryset: QuerySet) -> QuerySet:
    """Annotate ``category_title``, the parent page's title, in the same query (no query per article)."""
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - KBArticlePage.steplen)
    parent = Page.objects.filter(path=parent_path).values("title")[:1]
    return queryset.annotate(category_title=Subquery(parent))


def listing(*, locale: Locale | None = None) -> QuerySet:
    """Live, public articles in ``locale`` (default: the active one), with what a list shows, in fixed queries."""
    queryset = kb.articles(locale=locale).select_related("locale").prefetch_related("tagged_items__tag")
    return _with_category(queryset)


def get(article_id: int) -> KBArticlePage | None:
    """One live, public article in any locale, or ``None`` (drafts, private and unknown ids alike)."""
    queryset = KBArticlePage.objects.live().public().filter(pk=article_id)
    return _with_category(queryset.select_related("locale").prefetch_related("tagged_items__tag")).first()


def tag_names(article: KBArticlePage) -> list[str]:
    """The article's tags, sorted, from the prefetched rows of ``listing``/``get``."""
    return sorted(item.tag.name for item in article.tagged_items.all())


def related_ids(article: KBArticlePage) -> list[int]:
    """The editor-picked related articles that a visitor can open: live, public, same locale, by title."""
    return list(
        KBArticlePage.objects.live()
        .public()
        .filter(pk__in=article.related_links.values("target_id"), locale_id=article.locale_id)
        .order_by("title")
        .values_list("pk", flat=True)
    )


def body_html(article: KBArticlePage, request: HttpRequest | None = None) -> SafeString:
    """The body as the article page shows it: each block rendered by its own template."""
    context: dict[str, Any] = {"request": request, "page": article}
    return article.body.render_as_block(context=context)
