"""Read-only endpoints for what agents and visitors look things up in: canned responses and the KB.

Thin like the rest of the API: each view parses the query string, asks one
service (``services.canned_responses``, ``services.kb_articles``,
``services.kb``) and shapes the answer with a serializer.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema_view
from rest_framework import generics, mixins, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.models import Locale

from ..models import CannedResponse, KBArticlePage, Ticket
from ..services import canned_responses, kb, kb_articles
from . import serializers
from .base import HelpdeskAPIMixin, api_schema
from .pagination import IdPagination
from .permissions import IsAgent

ERRORS = {400: serializers.ErrorSerializer, 401: serializers.ErrorSerializer, 404: serializers.ErrorSerializer}
#: The largest id a database column holds: anything bigger cannot exist (and overflows SQLite).
MAX_ID = 2**63 - 1
#: Most hits one search request may ask for.
MAX_SEARCH_LIMIT = 20
LOCALE = OpenApiParameter(
    "locale", str, description="Language code of the content (e.g. ``en``, ``pl``); default: the site's language."
)


class ScriptSafeJSONRenderer(JSONRenderer):
    """JSON in which visitor text cannot form markup (``<`` as ``\\u003c``), even if sniffed as HTML.

    The public KB endpoints echo what anonymous visitors type; parsed, the
    JSON is the same.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        raw = super().render(data, accepted_media_type, renderer_context)
        return raw.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


def _fake(view) -> bool:
    """drf-spectacular builds the schema without a real user."""
    return getattr(view, "swagger_fake_view", False)


def _id(value: str) -> int | None:
    """A positive database id from the URL, or ``None`` for anything else (answered with 404)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


def _locale(request: Request) -> Locale | None:
    """``?locale=``: a content locale, ``None`` for the default; unknown codes are refused, not guessed."""
    code = request.query_params.get("locale", "")
    if not code.strip():
        return None
    locale = kb_articles.locale_for(code)
    if locale is None:
        raise ValidationError({"locale": [_("The knowledge base has no content in this language.")]})
    return locale


@extend_schema_view(
    list=api_schema(
        summary="Canned responses",
        parameters=[OpenApiParameter("queue", str, description="Queue slug: only those offered on its tickets.")],
        responses={200: serializers.CannedResponseSerializer(many=True), **ERRORS},
        description="Those usable in the agent's queues: unrestricted ones and those of the agent's queues "
        "(managers: all).",
    ),
    retrieve=api_schema(summary="One canned response", responses={200: serializers.CannedResponseSerializer, **ERRORS}),
)
class CannedResponseViewSet(
    HelpdeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The canned responses managers write in the admin, as the agent's composer offers them."""

    permission_classes = [IsAgent]
    serializer_class = serializers.CannedResponseSerializer
    pagination_class = IdPagination
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        if _fake(self):
            return CannedResponse.objects.none()
        queue = self.request.query_params.get("queue", "")[:100]
        return canned_responses.usable_by(self.request.user, queue_slug=queue)

    def get_object(self) -> CannedResponse:
        canned_id = _id(self.kwargs["pk"])
        canned = self.get_queryset().filter(pk=canned_id).first() if canned_id else None
        if canned is None:
            raise NotFound(_("No canned response with this id."))
        return canned


class RenderCannedResponseView(HelpdeskAPIMixin, generics.GenericAPIView):
    """A canned response's text filled in for one ticket, exactly as the admin's composer inserts it."""

    permission_classes = [IsAgent]
    serializer_class = serializers.RenderedCannedResponseSerializer

    @api_schema(
        summary="A canned response for a ticket",
        parameters=[
            OpenApiParameter("reference", str, OpenApiParameter.PATH, description="The ticket's reference."),
            OpenApiParameter("canned_id", int, OpenApiParameter.PATH, description="The canned response's id."),
        ],
        responses={200: serializers.RenderedCannedResponseSerializer, **ERRORS},
        description="Agents of the ticket only; 404 for tickets they cannot see and for responses "
        "not offered on the ticket's queue.",
    )
    def get(self, request: Request, reference: str, canned_id: str) -> Response:
        ticket = Ticket.objects.visible_to(request.user).filter(reference=reference).first()
        number = _id(canned_id)
        canned = canned_responses.for_ticket(ticket, number) if ticket is not None and number else None
        if canned is None:
            raise NotFound(_("No such canned response for this ticket."))
        text = canned_responses.render(canned, ticket, request.user)
        return Response(self.get_serializer({"id": canned.pk, "title": canned.title, "text": text}).data)


@extend_schema_view(
    list=api_schema(
        summary="Knowledge-base articles",
        parameters=[LOCALE],
        responses={200: serializers.KBArticleSerializer(many=True), **ERRORS},
        description="Live, public articles in one locale. Anyone may read (throttled), like the site's KB pages.",
    ),
    retrieve=api_schema(summary="One article", responses={200: serializers.KBArticleDetailSerializer, **ERRORS}),
)
class KBArticleViewSet(HelpdeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Articles as visitors see them: drafts and pages with a view restriction never appear."""

    permission_classes = [AllowAny]
    renderer_classes = [ScriptSafeJSONRenderer]
    pagination_class = IdPagination
    lookup_value_regex = r"[^/]+"

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.KBArticleDetailSerializer
        return serializers.KBArticleSerializer

    def get_queryset(self):
        if _fake(self):
            return KBArticlePage.objects.none()
        return kb_articles.listing(locale=_locale(self.request))

    def get_object(self) -> KBArticlePage:
        article_id = _id(self.kwargs["pk"])
        article = kb_articles.get(article_id) if article_id else None
        if article is None:
            raise NotFound(_("No published article with this id."))
        return article


class KBSearchView(HelpdeskAPIMixin, generics.GenericAPIView):
    """The knowledge base's search, the same one the site's search page and contact form use."""

    permission_classes = [AllowAny]
    renderer_classes = [ScriptSafeJSONRenderer]
    serializer_class = serializers.KBSearchResultSerializer

    @api_schema(
        summary="Search the knowledge base",
        parameters=[
            OpenApiParameter("q", str, description="Words to look for; cut to 200 characters."),
            LOCALE,
            OpenApiParameter("limit", int, description=f"Most hits (1–{MAX_SEARCH_LIMIT}, default 10)."),
        ],
        responses={200: serializers.KBSearchResultSerializer, **ERRORS},
        description="Best matches first, each with its summary highlighted. An empty query finds nothing.",
    )
    def get(self, request: Request) -> Response:
        locale = _locale(request)
        query = kb.clean_query(request.query_params.get("q", ""))
        try:
            limit = min(max(int(request.query_params.get("limit", 10)), 1), MAX_SEARCH_LIMIT)
        except ValueError:
            raise ValidationError({"limit": [_("Give a whole number.")]}) from None
        hits = kb.search(query, locale=locale, limit=limit)
        return Response(self.get_serializer({"query": query, "results": [hit.as_json() for hit in hits]}).data)
