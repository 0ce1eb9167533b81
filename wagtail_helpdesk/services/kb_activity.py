"""What visitors do with the knowledge base: views, votes, deflection events, and suggestions for agents.

Views are counted in the cache and written to the daily counter in batches
(``KB_VIEW_BATCH``), with an ``UPDATE ... SET views = views + n``: a page view
never writes to, or locks, the page row.  What is left below a batch when the
day is over is written by :func:`flush_views` (the ``flush_kb_views`` beat
task), so an article read a few times a day is counted too.  Votes are one row per visitor and
article; the unique constraint, not a read-then-write, keeps them unique.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from ..conf import helpdesk_settings
from ..exceptions import InvalidInbound
from ..models import (
    ArticleFeedback,
    ArticleViewCount,
    DeflectionEvent,
    DeflectionKind,
    KBArticlePage,
    Ticket,
)
from . import intake
from .channels import get_channel

logger = logging.getLogger(__name__)

MAX_COMMENT_CHARS = 2000


def visitor_key(session_key: str) -> str:
    """A stable, non-reversible id for a visitor's session (what votes and deflection events store)."""
    return salted_hmac("wagtail_helpdesk.kb.visitor", session_key or "", algorithm="sha256").hexdigest()[:64]


# -------------------------------------------------------------------------
# Views
# -------------------------------------------------------------------------


def record_view(article: KBArticlePage) -> None:
    """Count one view of ``article`` today.

    The count is kept in the cache and added to the day's counter row every
    ``KB_VIEW_BATCH`` views.  ``cache.incr`` is atomic on Redis and memcached,
    so exactly one request sees each multiple of the batch and writes it.  With
    a batch above 1, the views below a batch wait in the cache until
    :func:`flush_views` writes them after the day; they are lost only if the
    cache is cleared first.
    """
    batch = _batch()
    day = timezone.localdate()
    key = _views_key(article.pk, day)
    cache.add(key, 0, timeout=2 * 86400)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=2 * 86400)
        count = 1
    if count % batch == 0:
        add_views(article.pk, day, batch)


def _batch() -> int:
    return max(int(helpdesk_settings.KB_VIEW_BATCH), 1)


def _views_key(article_id: int, day) -> str:
    return f"wagtail_helpdesk:kb:views:{article_id}:{day.isoformat()}"


def flush_views(day=None, *, chunk: int = 1000) -> int:
    """Write the views of ``day`` (default: yesterday) still below a batch in the cache; returns how many.

    Meant for a day that is over, when no request counts on its cache keys any
    more; each day is flushed once (a cache flag), and the keys are deleted.
    """
    day = day or timezone.localdate() - timedelta(days=1)
    if not cache.add(f"wagtail_helpdesk:kb:views-flushed:{day.isoformat()}", 1, timeout=3 * 86400):
        return 0
    batch = _batch()
    written = 0
    article_ids = list(KBArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(article_ids), chunk):
        keys = {_views_key(pk, day): pk for pk in article_ids[start : start + chunk]}
        counts = cache.get_many(list(keys))
        for key, count in counts.items():
            rest = int(count) % batch  # every full batch was written when it filled
            if rest:
                add_views(keys[key], day, rest)
                written += rest
        cache.delete_many(list(counts))
    return written


def add_views(article_id: int, day, views: int) -> None:
    """Add ``views`` to the article's counter for ``day``, creating the row once."""
    updated = ArticleViewCount.objects.filter(article_id=article_id, day=day).update(views=F("views") + views)
    if updated:
        return
    try:
        with transaction.atomic():
            ArticleViewCount.objects.create(article_id=article_id, day=day, views=views)
    except IntegrityError:  # another request created today's row first
        ArticleViewCount.objects.filter(article_id=article_id, day=day).update(views=F("views") + views)


# -------------------------------------------------------------------------
# Feedback
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class VoteResult:
    """The outcome of a vote: stored or already there, and the ticket it opened, if any."""

    feedback: ArticleFeedback
    created: bool
    ticket: Ticket | None = None


def vote(
    article: KBArticlePage,
    *,
    visitor: str,
    helpful: bool,
    comment: str = "",
    email: str = "",
    name: str = "",
    language: str = "",
) -> VoteResult:
    """Record one visitor's "was this helpful?" vote; a second vote from the same visitor changes nothing.

    A "no" with a comment and an email address opens a ticket through intake
    (channel ``kb-feedback``), so somebody answers the customer; the feedback
    row links to it.  ``visitor`` is :func:`visitor_key` of the session.
    """
    comment = comment.strip()[:MAX_COMMENT_CHARS]
    email = email.strip()
    try:
        with transaction.atomic():
            feedback = ArticleFeedback.objects.create(
                article=article, voter=visitor, helpful=helpful, comment=comment, email=email
            )
    except IntegrityError:
        return VoteResult(feedback=ArticleFeedback.objects.get(article=article, voter=visitor), created=False)
    ticket = None
    if not helpful and comment and email:
        payload = {
            "feedback_id": feedback.pk,
            "article_id": article.pk,
            "article_title": article.title,
            "article_url": article.get_full_url() or "",
            "comment": comment,
            "email": email,
            "name": name,
            "language": language,
        }
        try:
            ticket = intake.receive(get_channel("kb-feedback").parse(payload)).ticket
        except InvalidInbound as exc:
            # The vote stays; the comment is kept on it for editors even when no ticket could be opened.
            logger.info("Feedback %s did not open a ticket: %s", feedback.pk, exc.errors)
        else:
            ArticleFeedback.objects.filter(pk=feedback.pk).update(ticket=ticket)
            feedback.ticket = ticket
    return VoteResult(feedback=feedback, created=True, ticket=ticket)


def has_voted(article: KBArticlePage, visitor: str) -> bool:
    return ArticleFeedback.objects.filter(article=article, voter=visitor).exists()


def vote_counts(article_ids: list[int]) -> dict[int, tuple[int, int]]:
    """``{article_id: (helpful, not_helpful)}`` in one aggregate query."""
    rows = (
        ArticleFeedback.objects.filter(article_id__in=article_ids)
        .values("article_id")
        .annotate(yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False)))
    )
    return {row["article_id"]: (row["yes"], row["no"]) for row in rows}


# -------------------------------------------------------------------------
# Deflection (contact form suggestions)
# -------------------------------------------------------------------------


def record_deflection(
    kind: str, *, visitor: str, page_id: int | None, article_id: int | None = None
) -> DeflectionEvent:
    """Store one deflection event; ``kind`` must be a :class:`DeflectionKind` and the ids must exist.

    The contact page must be a live page; the article, when given, a live
    article.  Anything else raises ``ValueError`` with a translated message.
    """
    from wagtail.models import Page

    if kind not in DeflectionKind.values:
        raise ValueError(_("Unknown event."))
    if page_id is None or not Page.objects.live().filter(pk=page_id).exists():
        raise ValueError(_("Unknown page."))
    if article_id is not None and not KBArticlePage.objects.live().filter(pk=article_id).exists():
        raise ValueError(_("Unknown article."))
    if kind != DeflectionKind.SUGGESTIONS_SHOWN and article_id is None:
        raise ValueError(_("This event needs an article."))
    return DeflectionEvent.objects.create(kind=kind, page_id=page_id, article_id=article_id, visitor=visitor)
