"""The knowledge base's customer endpoints: JSON search, feedback votes, deflection events.

Thin wrappers: parse and rate-limit the request, call one service, render.
The HTML search page is a route of the knowledge-base page itself.
"""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from .conf import helpdesk_settings
from .kb_forms import DeflectionForm, FeedbackForm
from .models import KBArticlePage
from .services import kb, kb_activity, ratelimit

#: Most results one JSON request may ask for.
MAX_LIMIT = 10


class _ScriptSafeEncoder(DjangoJSONEncoder):
    """JSON in which visitor text cannot form markup, even if a browser sniffs it as HTML."""

    def encode(self, o):
        return super().encode(o).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@require_GET
def search_json(request: HttpRequest) -> JsonResponse:
    """``?q=`` (and optionally ``text=``, the message being written): matching articles as JSON.

    ``lang=`` picks the locale (a contact page in Polish asks for Polish
    articles); unknown languages fall back to the active one.
    """
    if not ratelimit.hit("kb-search", [ratelimit.client_ip(request)], helpdesk_settings.KB_SEARCH_RATE_LIMIT):
        return JsonResponse({"error": _("Too many searches; please wait a moment.")}, status=429)
    query = kb.clean_query(request.GET.get("q", ""))
    text = request.GET.get("text", "")
    try:
        limit = min(max(int(request.GET.get("limit", 5)), 1), MAX_LIMIT)
    except ValueError:
        limit = 5
    locale = _locale(request.GET.get("lang", ""))
    if text:
        hits = kb.suggest_for_text(query, text, locale=locale, limit=limit)
    else:
        hits = kb.search(query, locale=locale, limit=limit)
    return JsonResponse({"query": query, "results": [hit.as_json() for hit in hits]}, encoder=_ScriptSafeEncoder)


@require_POST
def feedback(request: HttpRequest, article_id: int) -> HttpResponse:
    """A "was this helpful?" vote on a live article; one per visitor (session)."""
    article = get_object_or_404(KBArticlePage.objects.live().public(), pk=article_id)
    form = FeedbackForm(request.POST)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if not form.is_valid():
        if wants_json:
            return JsonResponse({"errors": form.errors}, status=400)
        return HttpResponseRedirect(article.get_url(request) + "?feedback=invalid#kb-feedback")
    if not ratelimit.hit("kb-feedback", [ratelimit.client_ip(request)], helpdesk_settings.KB_FEEDBACK_RATE_LIMIT):
        if wants_json:
            return JsonResponse({"error": _("Too many votes; please wait a while.")}, status=429)
        return HttpResponseRedirect(article.get_url(request) + "?feedback=limited#kb-feedback")
    result = kb_activity.vote(
        article,
        visitor=kb_activity.visitor_key(_session_key(request)),
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
        email=form.cleaned_data["email"],
        name=request.user.get_full_name() if request.user.is_authenticated else "",
        language=article.locale.language_code,
    )
    if wants_json:
        return JsonResponse({"created": result.created, "ticket": result.ticket.reference if result.ticket else None})
    return HttpResponseRedirect(article.get_url(request) + "?feedback=thanks#kb-feedback")


@require_POST
def deflection(request: HttpRequest) -> JsonResponse:
    """Record a deflection event sent by the contact form's script (CSRF-protected form POST)."""
    if not ratelimit.hit("kb-deflection", [ratelimit.client_ip(request)], helpdesk_settings.KB_DEFLECTION_RATE_LIMIT):
        return JsonResponse({"error": _("Too many events.")}, status=429)
    form = DeflectionForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    try:
        kb_activity.record_deflection(
            form.cleaned_data["kind"],
            visitor=kb_activity.visitor_key(_session_key(request)),
            page_id=form.cleaned_data["page"],
            article_id=form.cleaned_data["article"],
        )
    except ValueError as exc:
        return JsonResponse({"errors": {"__all__": [str(exc)]}}, status=400)
    return JsonResponse({"ok": True}, status=201)


def _session_key(request: HttpRequest) -> str:
    """The visitor's session key, creating the session (and its cookie) on the first vote."""
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key or ""


def _locale(language: str) -> Locale | None:
    code = language.strip().lower()[:16]
    if code:
        locale = Locale.objects.filter(language_code__iexact=code).first()
        if locale is not None:
            return locale
    return None
