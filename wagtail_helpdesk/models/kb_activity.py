"""What customers do with the knowledge base: views, votes, deflection, and suggestions to agents.

Written on hot paths (page views, typing into the contact form), so these are
small append-or-increment rows; nothing here touches a page row.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


class ArticleViewCount(models.Model):
    """Views of one article on one day, incremented in batches with ``F()`` (see ``services.kb.record_view``)."""

    article = models.ForeignKey(PAGE_MODEL, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("article view count")
        verbose_name_plural = _("article view counts")
        constraints = [models.UniqueConstraint(fields=["article", "day"], name="helpdesk_kbview_article_day")]
        # Popularity sums the recent days of every article.
        indexes = [models.Index(fields=["day", "article"], name="helpdesk_kbview_day")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.day}: {self.views}"


class ArticleFeedback(models.Model):
    """One visitor's "was this helpful?" vote on one article (the unique constraint is the de-duplication)."""

    article = models.ForeignKey(PAGE_MODEL, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")
    #: A hash of the visitor's session key: one vote per visitor, nothing that identifies them.
    voter = models.CharField(_("voter"), max_length=64)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    email = models.EmailField(_("email"), blank=True)
    ticket = models.ForeignKey(
        "wagtail_helpdesk.Ticket",
        verbose_name=_("ticket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("article feedback")
        verbose_name_plural = _("article feedback")
        constraints = [models.UniqueConstraint(fields=["article", "voter"], name="helpdesk_kbfeedback_one_vote")]
        indexes = [models.Index(fields=["article", "helpful"], name="helpdesk_kbfeedback_votes")]

    def __str__(self) -> str:
        return f"{self.article_id}: {'yes' if self.helpful else 'no'}"


class DeflectionKind(models.TextChoices):
    SUGGESTIONS_SHOWN = "suggestions_shown", _("Suggestions shown")
    ARTICLE_OPENED = "article_opened", _("Article opened")
    LEFT_WITHOUT_SUBMITTING = "left_without_submitting", _("Left without submitting")


class DeflectionEvent(models.Model):
    """Something a customer did with the article suggestions on a contact form (feeds the reports)."""

    kind = models.CharField(_("kind"), max_length=32, choices=DeflectionKind.choices)
    page = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("contact page"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    article = models.ForeignKey(
        PAGE_MODEL, verbose_name=_("article"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: A hash of the visitor's session key, to follow one visit without storing who it was.
    visitor = models.CharField(_("visitor"), max_length=64)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("deflection event")
        verbose_name_plural = _("deflection events")
        indexes = [
            models.Index(fields=["kind", "created_at"], name="helpdesk_deflection_kind"),
            models.Index(fields=["page", "created_at"], name="helpdesk_deflection_page"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M}"


class TicketArticleSuggestion(models.Model):
    """An article the knowledge base found for a new ticket, shown to the agent (best first)."""

    ticket = models.ForeignKey(
        "wagtail_helpdesk.Ticket",
        verbose_name=_("ticket"),
        on_delete=models.CASCADE,
        related_name="article_suggestions",
    )
    article = models.ForeignKey(PAGE_MODEL, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"), default=0)

    class Meta:
        verbose_name = _("suggested article")
        verbose_name_plural = _("suggested articles")
        ordering = ["ticket", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["ticket", "article"], name="helpdesk_suggestion_once"),
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id} -> {self.article_id}"
