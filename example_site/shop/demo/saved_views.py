"""Demo saved views: what a team shares so its queue is one click away.

Created through ``services.saved_views`` like an agent's "Save view" would.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail_helpdesk.models import ACTIVE_STATUSES, Priority, SavedView
from wagtail_helpdesk.services import saved_views

from .content import QUEUES

User = get_user_model()


def ensure_saved_views(queues: dict) -> None:
    """Per desk, a shared "urgent and open" view; Anna keeps a private "my waiting replies" view."""
    active = [("status", status) for status in ACTIVE_STATUSES]
    for name, slug, _is_default, members in QUEUES:
        owner = User.objects.get(username=members[0])
        team = Group.objects.get(name=f"{name} agents")
        _ensure(
            owner,
            f"{name}: urgent and open",
            urlencode([*active, ("queue", queues[slug].pk), ("priority", Priority.URGENT)]),
            team,
        )
    anna = User.objects.get(username="anna")
    _ensure(anna, "My tickets waiting on the customer", urlencode({"assignee": "me", "status": "pending"}), None)


def _ensure(owner, name: str, querystring: str, team: Group | None) -> None:
    if not SavedView.objects.filter(owner=owner, name=name).exists():
        saved_views.save_view(owner, name=name, querystring=querystring, shared_with=team)
