"""The one-click satisfaction page: thin, around :mod:`wagtail_helpdesk.services.csat`.

GET records the clicked score at once (that is the "one click"); the page
then offers an optional comment, POSTed back to the same link.  A bad or
expired link is a 404 that names no ticket.
"""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .exceptions import InvalidInbound
from .services import csat

TEMPLATE = "wagtail_helpdesk/csat/rate.html"


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Anything you would like to tell us? (optional)"),
        required=False,
        max_length=csat.MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest, token: str, score: int) -> HttpResponse:
    ticket = csat.read_token(token)
    if ticket is None:
        return TemplateResponse(request, "wagtail_helpdesk/csat/invalid.html", status=404)
    form = CommentForm(request.POST or None)
    comment = None
    if request.method == "POST":
        if not form.is_valid():
            return TemplateResponse(request, TEMPLATE, _context(ticket, score, form), status=400)
        comment = form.cleaned_data["comment"]
    try:
        rating = csat.rate(ticket, score, comment)
    except InvalidInbound as exc:
        if not form.is_bound:  # a GET: bind an empty comment so errors can be attached
            form = CommentForm({"comment": ""})
            form.is_valid()
        for field, message in exc.errors.items():
            form.add_error(None if field == "score" else field, message)
        return TemplateResponse(request, TEMPLATE, _context(ticket, score, form), status=400)
    context = _context(ticket, rating.score, CommentForm(initial={"comment": rating.comment}))
    context["saved_comment"] = request.method == "POST"
    return TemplateResponse(request, TEMPLATE, context)


def _context(ticket, score, form) -> dict:
    return {"reference": ticket.reference, "score": score, "form": form, "scores": list(csat.SCORES)}
