"""The "Saved views" submenu of the Helpdesk menu, with each view's count.

Menu items are built per request (the views and counts are the agent's own);
``services.saved_views.counts`` keeps it to one cached aggregate query.
"""

from __future__ import annotations

from django.forms import Media
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet

from ..models import Ticket
from .permissions import user_is_agent

_REQUEST_CACHE = "_helpdesk_saved_view_items"


class SavedViewsMenuContents(Menu):
    """A menu whose items are the requesting agent's saved views."""

    def __init__(self) -> None:
        super().__init__(items=[])

    @property
    def media(self) -> Media:
        return Media()

    def menu_items_for_request(self, request) -> list[MenuItem]:
        # Asked twice per page (is the submenu shown? then render it): build once.
        items = getattr(request, _REQUEST_CACHE, None)
        if items is None:
            items = self._build(request) if user_is_agent(request.user) else []
            setattr(request, _REQUEST_CACHE, items)
        return items

    @staticmethod
    def _build(request) -> list[MenuItem]:
        from .queue import view_links

        listing = reverse(Ticket.snippet_viewset.get_url_name("list"))
        return [
            MenuItem(
                _("%(name)s (%(count)d)") % {"name": link["view"].name, "count": link["count"]},
                link["url"],
                name=f"helpdesk-view-{link['view'].key}",
                icon_name="list-ul",
                order=number,
            )
            for number, link in enumerate(view_links(request, listing))
        ]


class SavedViewsMenu(ViewSet):
    """An item of ``HelpdeskViewSetGroup``: the group's "Saved views" submenu.

    A viewset without views of its own (the saved-view URLs belong to the
    ticket viewset), because a viewset group registers each of its items.
    """

    name = "helpdesk_saved_views"
    menu_label = gettext_lazy("Saved views")

    def register_menu_item(self) -> None:
        # Shown only inside the Helpdesk group, never in the main menu.
        pass

    def get_menu_item(self, order: int | None = None) -> SubmenuMenuItem:
        return SubmenuMenuItem(
            label=self.menu_label,
            menu=SavedViewsMenuContents(),
            name="helpdesk-saved-views",
            icon_name="list-ul",
            order=order or 1,
        )
