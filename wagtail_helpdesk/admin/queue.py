"""The queue listing's own parts: the SLA column, message-text search, saved views above the listing.

:class:`QueueIndexView` extends the snippet listing of
:mod:`~wagtail_helpdesk.admin.tickets`; saving and deleting a view are two
POST views that call ``services.saved_views``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import Group
from django.forms import Media
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..exceptions import HelpdeskError
from ..models import SLAState, Ticket
from ..services import saved_views, ticket_filters
from .columns import FastColumn, QueueTable
from .permissions import user_is_agent
from .tickets import TicketIndexView

QUEUE_MEDIA = Media(
    css={"all": ["wagtail_helpdesk/admin/admin.css"]},
    js=["wagtail_helpdesk/admin/queue.js"],
)


def sla_cell(ticket: Ticket) -> str:
    """The deadline, and its state in words as well as colour (for screen readers and colour-blind agents)."""
    state = ticket.sla_state()
    if not state:
        return ""
    due = formats.date_format(timezone.localtime(ticket.sla_due_at), "SHORT_DATETIME_FORMAT")
    return format_html(
        '<span class="helpdesk-sla helpdesk-sla--{}">{} <span class="helpdesk-sla__state">{}</span></span>',
        state.replace("_", "-"),
        due,
        SLAState(state).label,
    )


class SLAColumn(FastColumn):
    """ "SLA due": sortable by the indexed ``sla_due_at``."""

    def __init__(self) -> None:
        super().__init__("sla_due_at", label=gettext_lazy("SLA due"), accessor=sla_cell, sort_key="sla_due_at")


class SaveViewForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=80)
    querystring = forms.CharField(widget=forms.HiddenInput, required=False, max_length=4000)
    shared_with = forms.ModelChoiceField(
        label=gettext_lazy("Share with team"),
        queryset=Group.objects.none(),
        required=False,
        empty_label=gettext_lazy("Only me"),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["shared_with"].queryset = saved_views.shareable_groups(user)


def view_links(request, listing_url: str) -> list[dict[str, Any]]:
    """The saved views of ``request.user`` with counts and URLs.

    Two queries at most, once per request: the listing's tabs and the menu share them.
    """
    found = getattr(request, "_helpdesk_view_links", None)
    if found is None:
        views = saved_views.views_for(request.user)
        counts = saved_views.counts(request.user, views)
        current = saved_views.clean_querystring(request.GET.urlencode())
        found = [
            {
                "view": view,
                "count": counts.get(view.key, 0),
                "url": f"{listing_url}?{view.querystring}" if view.querystring else listing_url,
                "is_current": bool(current) and current == view.querystring,
            }
            for view in views
        ]
        request._helpdesk_view_links = found
    return found


class QueueIndexView(TicketIndexView):
    """The ticket queue: the snippet listing, searching message text too, with saved views above it."""

    template_name = "wagtail_helpdesk/admin/queue_index.html"
    #: Rows written in Python (see ``admin.columns``); no orderable-column variant is needed.
    table_class = QueueTable
    #: Set by the viewset.
    board_url_name: str | None = None
    save_view_url_name: str | None = None
    delete_view_url_name: str | None = None

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(ticket_filters.search_q(self.search_query))

    def get_context_data(self, *args, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        context["media"] += QUEUE_MEDIA
        if self.results_only:
            return context
        querystring = saved_views.clean_querystring(self.request.GET.urlencode())
        context.update(
            queue_views=view_links(self.request, reverse(self.index_url_name)),
            save_view_url=f"{reverse(self.save_view_url_name)}?{querystring}",
            delete_view_url_name=self.delete_view_url_name,
            board_url=f"{reverse(self.board_url_name)}?{querystring}",
        )
        return context


class SavedViewActionView(View):
    """POST-only base: agents only; redirects back to the listing."""

    http_method_names = ["post"]
    index_url_name: str = ""

    def dispatch(self, request, *args, **kwargs):
        if not user_is_agent(request.user):
            messages.error(request, _("Sorry, you do not have permission to access this area."))
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)


class SaveView(SavedViewActionView, WagtailAdminTemplateMixin, TemplateView):
    """GET: the name/team form for the filters in the querystring; POST: save them."""

    http_method_names = ["get", "post"]
    template_name = "wagtail_helpdesk/admin/save_view.html"
    page_title = gettext_lazy("Save view")
    header_icon = "list-ul"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        querystring = saved_views.clean_querystring(self.request.GET.urlencode())
        form = kwargs.get("form") or SaveViewForm(user=self.request.user, initial={"querystring": querystring})
        context.update(form=form, listing_url=reverse(self.index_url_name), querystring=querystring)
        return context

    def post(self, request):
        form = SaveViewForm(request.POST, user=request.user)
        listing_url = reverse(self.index_url_name)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            view = saved_views.save_view(
                request.user,
                name=form.cleaned_data["name"],
                querystring=form.cleaned_data["querystring"],
                shared_with=form.cleaned_data["shared_with"],
            )
        except HelpdeskError as exc:
            form.add_error(None, str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, _("View “%(name)s” saved.") % {"name": view.name})
        return redirect(f"{listing_url}?{view.querystring}" if view.querystring else listing_url)


class DeleteView(SavedViewActionView):
    def post(self, request, pk: int):
        try:
            saved_views.delete_view(request.user, pk)
        except HelpdeskError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Saved view deleted."))
        return redirect(self.index_url_name)


def urlpatterns(viewset) -> list:
    """The saved-view URLs of the ticket viewset (the board adds its own)."""
    index = viewset.get_url_name("list")
    return [
        path("views/save/", SaveView.as_view(index_url_name=index), name="save_view"),
        path("views/<int:pk>/delete/", DeleteView.as_view(index_url_name=index), name="delete_view"),
    ]
