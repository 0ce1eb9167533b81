"""Finding knowledge-base articles: the one place that searches them.

Everything goes through Wagtail search (``Page.objects.search``), so a site
that switches ``WAGTAILSEARCH_BACKENDS`` to PostgreSQL full text,
Elasticsearch or OpenSearch gets the same behaviour with no change here: the
only filters used (``live``, ``locale``, ``path``) are Page ``FilterField``\\ s
every backend indexes, and highlighting and "did you mean" are computed in
Python from the hits, not by backend-specific SQL.

Only live, public articles in the requested locale are ever returned.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from ..conf import helpdesk_settings
from ..models import ArticleOrder, ArticleViewCount, KBArticlePage

if TYPE_CHECKING:
    from django.http import HttpRequest

#: Longest query we pass to the backend; longer input is cut, not rejected.
MAX_QUERY_CHARS = 200
#: Most words of a query sent to the backend.
MAX_TERMS = 32
#: Queries up to this many words are first tried with every word required.
MAX_AND_TERMS = 6
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ArticleHit:
    """One article in a result list, ready for a template or JSON."""

    id: int
    title: str
    url: str
    summary: str
    #: The summary, escaped, with the query's words wrapped in ``<mark>``.
    highlighted_summary: SafeString
    category: str = ""
    #: Absolute URL, for links that leave the site (replies by email).
    full_url: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "highlighted_summary": str(self.highlighted_summary),
            "category": self.category,
            "full_url": self.full_url,
        }


@dataclass
class SearchPage:
    """What the search page shows: hits, or help when there are none."""

    query: str
    hits: list[ArticleHit] = field(default_factory=list)
    #: A corrected query when the words look misspelt ("retrun" -> "return").
    did_you_mean: str = ""
    #: Popular articles, offered when the query is empty or finds nothing.
    popular: list[ArticleHit] = field(default_factory=list)


def clean_query(raw: Any, *, max_chars: int = MAX_QUERY_CHARS) -> str:
    """A query safe to hand to any backend: text only, no control characters, bounded length."""
    text = raw if isinstance(raw, str) else ""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text[: max_chars * 4])
    return " ".join(text.split())[:max_chars]


def articles(*, locale: Locale | None = None, root: Page | None = None, language: str = "") -> QuerySet:
    """Live, public articles in ``locale`` (default: the active one), optionally under ``root``.

    ``language`` (a language code such as a ticket's) picks the locale
    instead, when the site has one for it.

    Builds the same filter as ``PageQuerySet.public()`` but from cached
    locale ids and private paths, so a search costs one query (intake runs
    one per new ticket).
    """
    locale_ids, private_paths = _access()
    queryset = KBArticlePage.objects.live().filter(locale_id=_locale_id(locale, language, locale_ids))
    if private_paths:
        private = Q()
        for path in private_paths:
            private |= Q(path__startswith=path)
        queryset = queryset.exclude(private)
    if root is not None:
        queryset = queryset.descendant_of(root)
    return queryset


def _locale_id(locale: Locale | None, language: str, locale_ids: dict[str, int]) -> int | None:
    if locale is not None:
        return locale.pk
    code = language.split("-")[0].lower()
    locale_id = locale_ids.get(code) if code else None
    return locale_id or _active_locale_id(locale_ids)


_ACCESS_KEY = "wagtail_helpdesk:kb:access"
_LIVE_LOCALES_KEY = "wagtail_helpdesk:kb:live-locales"


def _access() -> tuple[dict[str, int], list[str]]:
    """``({language_code: locale_id}, [paths of pages with a view restriction])``, cached."""
    data = cache.get(_ACCESS_KEY)
    if data is None:
        locale_ids = dict(Locale.objects.values_list("language_code", "pk"))
        private_paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        data = (locale_ids, private_paths)
        cache.set(_ACCESS_KEY, data, timeout=600)
    return data


def invalidate_access_cache(**kwargs: Any) -> None:
    """Signal receiver: a locale, a view restriction or a page's place in the tree changed."""
    cache.delete(_ACCESS_KEY)


def has_live_articles(*, locale: Locale | None = None, language: str = "") -> bool:
    """Could a search in ``locale`` (or ``language``, as in :func:`articles`) find anything at all?

    ``False`` when no article in that locale is live, answered from the cache
    without a query: building a search query costs milliseconds of Python even
    when it can find nothing (a site without articles yet, or mail in a
    language the knowledge base is not written in; issue 6).
    """
    return _locale_id(locale, language, _access()[0]) in live_locale_ids()


def live_locale_ids() -> frozenset[int]:
    """Ids of the locales with at least one live article (public or not), cached."""
    data = cache.get(_LIVE_LOCALES_KEY)
    if data is None:
        data = frozenset(KBArticlePage.objects.live().order_by().values_list("locale_id", flat=True).distinct())
        cache.set(_LIVE_LOCALES_KEY, data, timeout=600)
    return data


def invalidate_live_locales(**kwargs: Any) -> None:
    """Signal receiver: an article was saved, deleted, published or unpublished.

    Forgotten now and once more after commit, so a search running meanwhile
    cannot cache what the database showed it before the change.
    """
    cache.delete(_LIVE_LOCALES_KEY)
    transaction.on_commit(lambda: cache.delete(_LIVE_LOCALES_KEY))


def _active_locale_id(locale_ids: dict[str, int]) -> int | None:
    """What ``Locale.get_active()`` returns, without its query."""
    language = translation.get_language() if getattr(settings, "WAGTAIL_I18N_ENABLED", False) else None
    try:
        code = get_supported_content_language_variant(language or settings.LANGUAGE_CODE)
    except LookupError:
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return locale_ids.get(code) or next(iter(locale_ids.values()), None)


def search(
    query: str,
    *,
    locale: Locale | None = None,
    root: Page | None = None,
    limit: int = 10,
    prefix_fallback: bool = True,
    language: str = "",
    all_words_first: bool = True,
) -> list[ArticleHit]:
    """The best ``limit`` articles for ``query``, ranked by the backend.

    A short query is first run with every word required; when that finds
    nothing, any word may match.  An empty query finds nothing; a query with no full-word match falls back
    to prefix (autocomplete) matching, so "retu" still finds "returns"
    (``prefix_fallback=False`` saves that second query where speed matters more;
    ``all_words_first=False`` skips the every-word attempt).
    """
    query = clean_query(query)
    # Only words reach the backend: no operator or field syntax of any engine.
    terms = " ".join(_words(query)[:MAX_TERMS])
    if not terms:
        return []
    if not has_live_articles(locale=locale, language=language):
        return []
    queryset = articles(locale=locale, root=root, language=language)
    found = []
    if all_words_first and len(terms.split()) <= MAX_AND_TERMS:
        # Articles with every word first: selective, so fast on a big index, and usually the answer.
        found = list(queryset.search(terms, operator="and")[:limit])
    if not found:
        found = list(queryset.search(terms, operator="or")[:limit])
    if not found and prefix_fallback:
        found = list(queryset.autocomplete(terms, operator="or")[:limit])
    return _hits(found, query)


def search_page(query: str, *, locale: Locale | None = None, root: Page | None = None, limit: int = 20) -> SearchPage:
    """Hits for the search page; for an empty or hopeless query, a "did you mean" and popular articles."""
    query = clean_query(query)
    result = SearchPage(query=query, hits=search(query, locale=locale, root=root, limit=limit))
    if query and not result.hits:
        result.did_you_mean = did_you_mean(query, locale=locale, root=root)
    if not result.hits:
        result.popular = popular(locale=locale, root=root, limit=5)
    return result


def suggest_for_text(
    subject: str,
    body: str = "",
    *,
    locale: Locale | None = None,
    root: Page | None = None,
    limit: int = 3,
    prefix_fallback: bool = True,
    language: str = "",
) -> list[ArticleHit]:
    """Articles for what a customer is writing (contact form, new ticket): one search query.

    The subject's words come first and only the first words of the body are
    added, so a long message does not drown the subject.  Each word is sent
    once: PostgreSQL's ranking counts a repeated query word once anyway, and
    every extra word makes the backend's query slower to build.
    """
    words = _words(clean_query(subject)) + _words(clean_query(body, max_chars=2000))[:30]
    words = list(dict.fromkeys(word.casefold() for word in words))
    if not words:
        return []
    query = " ".join(words)[:MAX_QUERY_CHARS]
    return search(query, locale=locale, root=root, limit=limit, prefix_fallback=prefix_fallback, language=language)


def did_you_mean(query: str, *, locale: Locale | None = None, root: Page | None = None) -> str:
    """The query with each unknown word replaced by the closest word of the articles' titles and tags.

    Returns ``""`` when nothing changes.  The vocabulary is cached per locale
    for ten minutes; it costs one query to build.
    """
    vocabulary = _vocabulary(locale=locale, root=root)
    corrected = []
    for word in _words(query):
        lower = word.lower()
        if lower in vocabulary or len(lower) < 3:
            corrected.append(lower)
            continue
        close = difflib.get_close_matches(lower, vocabulary, n=1, cutoff=0.75)
        corrected.append(close[0] if close else lower)
    suggestion = " ".join(corrected)
    return suggestion if suggestion != query.lower() else ""


def popular(
    *, locale: Locale | None = None, root: Page | None = None, limit: int = 5, days: int | None = None
) -> list[ArticleHit]:
    """The most viewed articles of the last ``days`` days (aggregated in SQL from the daily counters)."""
    queryset = with_recent_views(articles(locale=locale, root=root), days=days)
    return _hits(list(queryset.order_by("-recent_views", "title")[:limit]), "")


def recently_updated(*, locale: Locale | None = None, root: Page | None = None, limit: int = 5) -> list[ArticleHit]:
    """The articles published most recently (a new revision counts)."""
    return _hits(list(articles(locale=locale, root=root).order_by("-last_published_at")[:limit]), "")


def with_recent_views(queryset: QuerySet, *, days: int | None = None) -> QuerySet:
    """Annotate ``recent_views``: the sum of the daily view counters over the last ``days`` days."""
    since = timezone.localdate() - timedelta(days=days or helpdesk_settings.KB_POPULAR_DAYS)
    views = (
        ArticleViewCount.objects.filter(article=OuterRef("pk"), day__gte=since)
        .order_by()
        .values("article")
        .annotate(total=Sum("views"))
        .values("total")
    )
    return queryset.annotate(recent_views=Coalesce(Subquery(views, output_field=IntegerField()), Value(0)))


def category_articles(category: Page) -> list[KBArticlePage]:
    """A category's live, public articles in the editor's order (page tree) or most viewed first."""
    queryset = KBArticlePage.objects.child_of(category).live().public()
    if getattr(category, "article_order", ArticleOrder.MANUAL) == ArticleOrder.POPULAR:
        return list(with_recent_views(queryset).order_by("-recent_views", "path"))
    return list(queryset.order_by("path"))


def breadcrumbs(page: Page) -> list[Page]:
    """The page's ancestors below the tree root, outermost first (one query)."""
    return list(page.get_ancestors().filter(depth__gt=1).order_by("depth"))


def article_context(article: KBArticlePage, request: HttpRequest) -> dict[str, Any]:
    """Everything the article template needs beyond the page: a fixed number of queries."""
    from . import kb_seo

    related = list(
        KBArticlePage.objects.live()
        .public()
        .filter(pk__in=article.related_links.values("target_id"), locale_id=article.locale_id)
        .order_by("title")
    )
    return {
        "breadcrumbs": breadcrumbs(article),
        "related_articles": related,
        "translations": list(article.get_translations().live().select_related("locale")),
        "canonical_url": article.get_full_url(request),
        "json_ld": kb_seo.article_json_ld(article, request),
    }


def highlight(text: str, query: str) -> SafeString:
    """``text`` escaped, with words that start with one of the query's words wrapped in ``<mark>``."""
    escaped = escape(text)
    terms = sorted({escape(word) for word in _words(query) if len(word) >= 3}, key=len, reverse=True)
    if not terms:
        return mark_safe(escaped)  # escaped above
    pattern = re.compile(r"\b(" + "|".join(re.escape(term) for term in terms) + r")\w*", re.IGNORECASE | re.UNICODE)
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _hits(pages: list[KBArticlePage], query: str) -> list[ArticleHit]:
    """Turn pages into hits; their categories come from one query for all of them."""
    parent_paths = {page.path[: -page.steplen] for page in pages}
    titles = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title")) if pages else {}
    return [
        ArticleHit(
            id=page.pk,
            title=page.title,
            url=page.get_url() or "",
            summary=page.summary,
            highlighted_summary=highlight(page.summary, query),
            category=titles.get(page.path[: -page.steplen], ""),
            full_url=page.get_full_url() or "",
        )
        for page in pages
    ]


def _vocabulary(*, locale: Locale | None, root: Page | None) -> list[str]:
    locale = locale or Locale.get_active()
    key = f"wagtail_helpdesk:kb:vocabulary:{locale.pk}:{root.pk if root else 0}"
    words = cache.get(key)
    if words is None:
        queryset = articles(locale=locale, root=root)
        seen: set[str] = set()
        for title, tag in queryset.values_list("title", "tagged_items__tag__name"):
            seen.update(word.lower() for word in _words(f"{title} {tag or ''}") if len(word) >= 3)
        words = sorted(seen)
        cache.set(key, words, timeout=600)
    return words
