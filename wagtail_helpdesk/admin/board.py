"""The board: the queue as one column per status; dragging a card changes the ticket's status.

Same tickets as the listing (``Ticket.objects.visible_to`` plus the listing's
querystring, read by ``services.ticket_filters``).  Each column shows at most
:data:`CARDS_PER_COLUMN` cards, newest activity first, and its full count:
one query per column plus one aggregate count, whatever the number of tickets.

Moving is a POST to :class:`BoardMoveView`, which calls
``services.workflow.set_status``.  Without JavaScript each card has a small
form; with it, ``board.js`` posts the same form when a card is dropped and
shows the server's error (e.g. a transition the flow does not allow).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..exceptions import HelpdeskError
from ..models import Status, Ticket
from ..services import ticket_filters, workflow
from .filters import status_choices
from .permissions import user_is_agent
from .tickets import agent_name

#: Cards shown per column; the column header gives the full count.
CARDS_PER_COLUMN = 25


class AgentsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not user_is_agent(request.user):
            messages.error(request, _("Sorry, you do not have permission to access this area."))
            return redirect("wagtailadmin_home")
        return super().dispatch(request, *args, **kwargs)


class BoardView(AgentsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET: the columns, filtered like the listing."""

    template_name = "wagtail_helpdesk/admin/board.html"
    page_title = gettext_lazy("Ticket board")
    header_icon = "tasks"
    #: Set by the viewset.
    index_url_name = ""
    move_url_name = ""
    inspect_url_name = ""

    def columns(self) -> list[dict[str, Any]]:
        user = self.request.user
        params = self.request.GET.copy()
        wanted = [s for s in params.getlist("status") if s in Status.values]
        params.pop("status", None)
        tickets = Ticket.objects.visible_to(user).filter(ticket_filters.criteria(params, user=user))
        statuses = [(value, label) for value, label in status_choices() if not wanted or value in wanted]
        totals = tickets.aggregate(**{value: Count("pk", filter=Q(status=value)) for value, _label in statuses})
        cards = tickets.select_related("customer", "assignee")
        return [
            {"status": value, "label": label, "count": count, "cards": _column_cards(cards, value, count)}
            for value, label in statuses
            for count in [totals[value]]
        ]

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        columns = self.columns()
        for column in columns:
            for card in column["cards"]:
                card.assignee_name = agent_name(card)
        querystring = self.request.GET.urlencode()
        listing = reverse(self.index_url_name)
        context.update(
            columns=columns,
            statuses=status_choices(),
            move_url_name=self.move_url_name,
            inspect_url_name=self.inspect_url_name,
            listing_url=f"{listing}?{querystring}" if querystring else listing,
            querystring=querystring,
            cards_per_column=CARDS_PER_COLUMN,
        )
        return context


def _column_cards(cards, status: str, total: int) -> list[Ticket]:
    """The newest-activity cards of one column, read the cheapest way its count allows.

    An empty column costs no query.  A column that shows all its tickets is read
    unordered and sorted here: ordered with a ``LIMIT``, PostgreSQL walks the
    activity index of every visible ticket looking for a few rows of a rare status.
    """
    if not total:
        return []
    column = cards.filter(status=status)
    if total <= CARDS_PER_COLUMN:
        found = sorted(column.order_by(), key=lambda ticket: (ticket.last_activity_at, ticket.pk), reverse=True)
        return found[:CARDS_PER_COLUMN]
    return list(column.order_by("-last_activity_at")[:CARDS_PER_COLUMN])


class BoardMoveView(AgentsOnlyMixin, View):
    """POST ``status``: move one ticket.  JSON for the board's script, a redirect otherwise."""

    http_method_names = ["post"]
    board_url_name = ""

    def post(self, request, pk: int):
        wants_json = "application/json" in request.headers.get("Accept", "")
        ticket = get_object_or_404(Ticket.objects.visible_to(request.user), pk=pk)
        status = request.POST.get("status", "")
        try:
            workflow.set_status(ticket, status, by=request.user)
        except HelpdeskError as exc:
            if wants_json:
                return JsonResponse({"ok": False, "error": str(exc)}, status=400)
            messages.error(request, str(exc))
        else:
            message = _("%(ref)s is now %(status)s.") % {"ref": ticket.reference, "status": ticket.status_label}
            if wants_json:
                return JsonResponse({"ok": True, "message": message, "status": ticket.status})
            messages.success(request, message)
        return redirect(self._back())

    def _back(self) -> str:
        board = reverse(self.board_url_name)
        querystring = self.request.POST.get("next_query", "")[:2000]
        return f"{board}?{querystring}" if querystring else board


def urlpatterns(viewset) -> list:
    """The board's URLs inside the ticket viewset."""

    def board(request, *args, **kwargs):
        return BoardView.as_view(
            index_url_name=viewset.get_url_name("list"),
            move_url_name=viewset.get_url_name("board_move"),
            inspect_url_name=viewset.get_url_name("inspect"),
        )(request, *args, **kwargs)

    move = BoardMoveView.as_view(board_url_name=viewset.get_url_name("board"))
    return [
        path("board/", board, name="board"),
        path("board/move/<int:pk>/", move, name="board_move"),
    ]
