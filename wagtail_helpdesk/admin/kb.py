"""The knowledge base inside the agent's work: article search for the reply composer."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from ..services import kb
from ..services.permissions import is_agent

#: Results offered to the agent per search.
LIMIT = 8


@require_GET
def search_articles(request: HttpRequest) -> JsonResponse:
    """``?q=`` and optionally ``lang=`` (the ticket's language): articles to link in a reply; agents only."""
    if not is_agent(request.user):
        return JsonResponse({"error": _("Only agents can search articles here.")}, status=403)
    locale = Locale.objects.filter(language_code__iexact=request.GET.get("lang", "")[:16]).first()
    hits = kb.search(request.GET.get("q", ""), locale=locale, limit=LIMIT)
    return JsonResponse({"results": [hit.as_json() for hit in hits]})


def admin_urls() -> list:
    """Mounted under the Wagtail admin by ``wagtail_hooks`` (``register_admin_urls``)."""
    return [path("helpdesk/kb/search/", search_articles, name="wagtail_helpdesk_kb_search")]
