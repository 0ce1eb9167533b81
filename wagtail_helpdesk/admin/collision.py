"""Collision detection in the ticket view: who else is here, and did the ticket change?

Two JSON endpoints the ticket page calls (``static/wagtail_helpdesk/admin/ticket.js``):

* :class:`PresenceView` (POST, every ~10 s and when the agent types): records
  the agent's presence and answers with the other agents on the ticket and
  whether new messages arrived since the page was loaded;
* :class:`CannedResponseView` (GET): a canned response's text for this ticket,
  to insert into the composer.

Both load the ticket through ``Ticket.objects.visible_to``: another queue's
ticket, a customer or an anonymous user gets a 404 (or the login redirect)
and learns nothing.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from ..models import Ticket
from ..services import canned_responses, presence, workflow
from ..services.presence import Presence
from .permissions import user_is_agent


def presence_sentence(others: list[Presence]) -> str:
    """ "Olena is typing a reply. Piotr is viewing this ticket." (plain text, escaped by whoever shows it)."""
    typing = [p.name for p in others if p.typing]
    viewing = [p.name for p in others if not p.typing]
    parts = []
    if typing:
        parts.append(
            ngettext("%(names)s is typing a reply.", "%(names)s are typing a reply.", len(typing))
            % {"names": ", ".join(typing)}
        )
    if viewing:
        parts.append(
            ngettext("%(names)s is viewing this ticket.", "%(names)s are viewing this ticket.", len(viewing))
            % {"names": ", ".join(viewing)}
        )
    return " ".join(parts)


class AgentTicketView(View):
    """Base: the logged-in agent's visible ticket ``pk``, else 404."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_is_agent(request.user):
            raise Http404
        visible = Ticket.objects.visible_to(request.user).select_related("customer", "queue")
        self.ticket = get_object_or_404(visible, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class PresenceView(AgentTicketView):
    """POST ``typing=1`` while typing; ``since=<message id>`` is the newest message the page shows."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        typing = request.POST.get("typing") == "1"
        presence.touch(self.ticket.pk, request.user, typing=typing)
        others = presence.others(self.ticket.pk, request.user)
        try:
            since = int(request.POST.get("since", ""))
        except ValueError:
            since = None
        last = workflow.last_message_id(self.ticket)
        changed = since is not None and last > since
        return JsonResponse(
            {
                "others": [{"name": p.name, "typing": p.typing} for p in others],
                "message": presence_sentence(others),
                "last_message_id": last,
                "changed": changed,
                "changed_message": _("New messages arrived on this ticket. Reload the page to read them.")
                if changed
                else "",
            }
        )


class CannedResponseView(AgentTicketView):
    """The canned response ``canned_pk`` rendered for this ticket, if it is offered on its queue."""

    http_method_names = ["get"]

    def get(self, request, pk: int, canned_pk: int):
        canned = get_object_or_404(canned_responses.available_for(self.ticket), pk=canned_pk)
        return JsonResponse({"title": canned.title, "text": canned_responses.render(canned, self.ticket, request.user)})
