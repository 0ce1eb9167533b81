"""The customer portal's views: thin wrappers around :mod:`wagtail_helpdesk.services.portal`.

Three ways in: "My tickets" for a logged-in customer, a ticket page by
reference for the same, and a ticket page by signed link for guests.  A ticket
the visitor may not see is a 404 whatever the reason, and a bad link is a 404
page that says nothing about any ticket.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .conf import helpdesk_settings
from .exceptions import IllegalTransition, InvalidInbound, NotAllowed, TicketMerged
from .forms import MultipleFileField
from .models import Status
from .services import portal, ratelimit
from .services.permissions import customer_of

PAGE_SIZE = 20


class DescribedErrorsMixin:
    """Tie each field's error text to its input (``aria-describedby``) so screen readers read it."""

    def add_error(self, field, error):
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-describedby"] = f"{self[name].auto_id}_error"
                attrs["aria-invalid"] = "true"


class PortalReplyForm(DescribedErrorsMixin, forms.Form):
    message = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 6}))
    attachments = MultipleFileField(label=_("Attachments"), required=False)
    #: One-time id per rendered form: a re-sent POST adds one message.
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", uuid.uuid4().hex)

    def clean_token(self) -> str:
        try:
            return uuid.UUID(self.cleaned_data["token"]).hex
        except ValueError:
            raise forms.ValidationError(_("The form expired; please submit it again.")) from None


class FreshLinkForm(DescribedErrorsMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"))


@never_cache
@require_http_methods(["GET"])
def my_tickets(request: HttpRequest) -> HttpResponse:
    """A logged-in customer's tickets and those they follow, newest activity first."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    customer = customer_of(request.user)
    page = None
    if customer is not None:
        page = Paginator(portal.tickets_for(customer), PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "wagtail_helpdesk/portal/ticket_list.html", {"page_obj": page})


@never_cache
@require_http_methods(["GET", "POST"])
def ticket_by_reference(request: HttpRequest, reference: str) -> HttpResponse:
    """The ticket page for a logged-in customer who owns or follows the ticket."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    customer = customer_of(request.user)
    ticket = portal.ticket_for_customer(customer, reference)
    if ticket is None:
        raise Http404
    return _ticket_page(request, portal.PortalAccess(ticket=ticket, customer=customer))


@never_cache
@require_http_methods(["GET", "POST"])
def ticket_by_link(request: HttpRequest, token: str) -> HttpResponse:
    """The ticket page for whoever holds a valid signed link (a guest, usually)."""
    access = portal.read_token(token)
    if access is None:
        return TemplateResponse(
            request, "wagtail_helpdesk/portal/link_invalid.html", {"form": FreshLinkForm()}, status=404
        )
    return _ticket_page(request, access)


def _page_url(access: portal.PortalAccess) -> str:
    if access.token:
        return reverse("wagtail_helpdesk:portal_link", kwargs={"token": access.token})
    return reverse("wagtail_helpdesk:portal_ticket", kwargs={"reference": access.ticket.reference})


def _ticket_page(request: HttpRequest, access: portal.PortalAccess) -> HttpResponse:
    if access.ticket.merged_into_id:
        moved = portal.survivor(access)
        if moved is None:
            raise Http404
        return HttpResponseRedirect(_page_url(moved))
    form = PortalReplyForm()
    notice = ""
    if request.method == "POST":
        action = request.POST.get("action", "reply")
        try:
            if action == "solve":
                portal.set_solved(access)
                return HttpResponseRedirect(_page_url(access) + "?done=solved")
            if action == "reopen":
                portal.reopen(access)
                return HttpResponseRedirect(_page_url(access) + "?done=reopened")
            form = PortalReplyForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    portal.reply(
                        access,
                        body_text=form.cleaned_data["message"],
                        files=form.cleaned_data["attachments"],
                        token=form.cleaned_data["token"],
                        request=request,
                    )
                except InvalidInbound as exc:
                    # Intake remembers a rejected submission id; the corrected form needs a new one.
                    form.data = form.data.copy()
                    form.data["token"] = uuid.uuid4().hex
                    for field, message in exc.errors.items():
                        target = {"body_text": "message"}.get(field, field)
                        form.add_error(target if target in form.fields else None, message)
                else:
                    return HttpResponseRedirect(_page_url(access) + "?done=replied")
        except (IllegalTransition, NotAllowed, TicketMerged) as exc:
            notice = str(exc)
    done = {
        "solved": gettext("Thank you, the request is marked as solved."),
        "reopened": gettext("The request is open again."),
        "replied": gettext("Your reply was added."),
    }.get(request.GET.get("done", ""), "")
    ticket = access.ticket
    context = {
        "ticket": ticket,
        "messages_list": portal.conversation(ticket),
        "form": form,
        "notice": notice,
        "done": done,
        "access": access,
        "link_token": access.token,
        "action_url": _page_url(access),
        "can_solve": ticket.status in (Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD),
        "can_reopen": ticket.status in (Status.SOLVED, Status.CLOSED),
        "is_owner": ticket.customer_id == access.customer.pk,
    }
    return TemplateResponse(
        request, "wagtail_helpdesk/portal/ticket.html", context, status=400 if form.errors or notice else 200
    )


@never_cache
@require_http_methods(["GET", "POST"])
def request_link(request: HttpRequest) -> HttpResponse:
    """Ask for fresh links by email.  The answer is the same whether or not the address is known."""
    form = FreshLinkForm(request.POST or None)
    sent = False
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        rate = helpdesk_settings.PORTAL_LINK_RATE_LIMIT
        allowed = ratelimit.hit("portal-link-ip", [ratelimit.client_ip(request)], rate)
        allowed = ratelimit.hit("portal-link-email", [email], rate) and allowed
        if allowed:
            portal.send_fresh_links(email)
        sent = True
    return TemplateResponse(request, "wagtail_helpdesk/portal/request_link.html", {"form": form, "sent": sent})
