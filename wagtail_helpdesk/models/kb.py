"""Knowledge-base pages: a root (index and search), categories and articles.

Each page type is an abstract mixin plus a concrete page, like the contact
form page, so a site on Wagtail 8's swappable base page builds its own
concrete classes.  Drafts, revisions, scheduling, moderation and previews are
Wagtail's own; nothing here re-implements them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import ArticleBodyBlock

PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


class KnowledgeBasePageMixin(RoutablePageMixin, models.Model):
    """The knowledge base's home: categories, popular and recently updated articles, search.

    ``search/`` (``?q=``) renders the search results page; the JSON endpoint
    for scripts lives in the helpdesk's URLconf (``kb_views``).
    """

    intro = RichTextField(_("intro"), blank=True)
    contact_page = models.ForeignKey(
        PAGE_MODEL,
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Offered to customers whose search finds nothing."),
    )

    content_panels = [FieldPanel("intro"), PageChooserPanel("contact_page")]
    search_template = "wagtail_helpdesk/kb/search_page.html"

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..services import kb

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = self.get_children().live().public().specific().order_by("path")
        context["popular"] = kb.popular(root=self, limit=5)
        context["recent"] = kb.recently_updated(root=self, limit=5)
        return context

    @path("search/")
    def search_route(self, request: HttpRequest) -> HttpResponse:
        """The search page: the query's hits, or popular articles and a "did you mean"."""
        from ..services import kb

        context = self.get_context(request)
        context["query"] = kb.clean_query(request.GET.get("q", ""))
        context["results"] = kb.search_page(context["query"], root=self, limit=20)
        return TemplateResponse(request, self.search_template, context)


class KnowledgeBasePage(KnowledgeBasePageMixin, Page):  # noqa: DJ008  Page defines __str__
    """The root of a knowledge base; editors put categories under it."""

    content_panels = Page.content_panels + KnowledgeBasePageMixin.content_panels
    subpage_types = ["wagtail_helpdesk.KBCategoryPage"]
    #: Page sets a default template on every concrete class, so it is named here, not on the mixin.
    template = "wagtail_helpdesk/kb/index_page.html"

    class Meta:
        verbose_name = _("knowledge base")
        verbose_name_plural = _("knowledge bases")


class ArticleOrder(models.TextChoices):
    MANUAL = "manual", _("The order in the page tree")
    POPULAR = "popular", _("Most viewed first")


class KBCategoryPageMixin(models.Model):
    """A group of articles (shipping, returns...), in the editor's order or by popularity."""

    intro = RichTextField(_("intro"), blank=True)
    article_order = models.CharField(
        _("order of articles"), max_length=10, choices=ArticleOrder.choices, default=ArticleOrder.MANUAL
    )

    content_panels = [FieldPanel("intro"), FieldPanel("article_order")]
    search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..services import kb

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = kb.category_articles(self)
        context["breadcrumbs"] = kb.breadcrumbs(self)
        return context


class KBCategoryPage(KBCategoryPageMixin, Page):  # noqa: DJ008  Page defines __str__
    content_panels = Page.content_panels + KBCategoryPageMixin.content_panels
    search_fields = Page.search_fields + KBCategoryPageMixin.search_fields
    parent_page_types = ["wagtail_helpdesk.KnowledgeBasePage"]
    subpage_types = ["wagtail_helpdesk.KBArticlePage"]
    #: Page sets a default template on every concrete class, so it is named here, not on the mixin.
    template = "wagtail_helpdesk/kb/category_page.html"

    class Meta:
        verbose_name = _("knowledge-base category")
        verbose_name_plural = _("knowledge-base categories")


class KBArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_helpdesk.KBArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")


class KBArticlePageMixin(models.Model):
    """One help article: a summary for result lists, a block body, tags and related articles."""

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences shown in search results and suggestions.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    applies_to = models.CharField(
        _("applies to"),
        max_length=255,
        blank=True,
        help_text=_("Products or product categories this article is about, separated by commas."),
    )

    content_panels = [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("tags"), FieldPanel("applies_to")], heading=_("Classification")),
        InlinePanel("related_links", label=_("Related articles")),
    ]
    search_fields = [
        # Replaces Page's unboosted title (later duplicates win in the index definition).
        index.SearchField("title", boost=5),
        index.SearchField("summary", boost=3),
        index.SearchField("body"),
        index.SearchField("applies_to", boost=2),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.AutocompleteField("summary"),
    ]

    class Meta:
        abstract = True

    def applies_to_list(self) -> list[str]:
        return [item.strip() for item in self.applies_to.split(",") if item.strip()]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..kb_forms import FeedbackForm
        from ..services import kb, kb_activity

        context = super().get_context(request, *args, **kwargs)
        context.update(kb.article_context(self, request))
        session = getattr(request, "session", None)
        session_key = session.session_key if session is not None else None
        context["has_voted"] = bool(session_key) and kb_activity.has_voted(self, kb_activity.visitor_key(session_key))
        context["feedback_form"] = FeedbackForm()
        context["feedback_state"] = request.GET.get("feedback", "")
        return context

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from ..services import kb_activity

        # Previews render through serve_preview(), so only real visits are counted here.
        response = super().serve(request, *args, **kwargs)
        kb_activity.record_view(self)
        return response

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        """Articles change often and are what customers search for: say so to crawlers."""
        urls = super().get_sitemap_urls(request)
        for entry in urls:
            entry["changefreq"] = "weekly"
            entry["priority"] = 0.8
        return urls


class KBArticlePage(KBArticlePageMixin, Page):  # noqa: DJ008  Page defines __str__
    tags = ClusterTaggableManager(through=KBArticleTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + KBArticlePageMixin.content_panels
    search_fields = Page.search_fields + KBArticlePageMixin.search_fields
    parent_page_types = ["wagtail_helpdesk.KBCategoryPage"]
    subpage_types: list[str] = []
    #: Page sets a default template on every concrete class, so it is named here, not on the mixin.
    template = "wagtail_helpdesk/kb/article_page.html"

    class Meta:
        verbose_name = _("knowledge-base article")
        verbose_name_plural = _("knowledge-base articles")


class KBRelatedArticle(Orderable):
    """An editor-picked "see also" link from one article to another."""

    article = ParentalKey(KBArticlePage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(PAGE_MODEL, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target", page_type="wagtail_helpdesk.KBArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
