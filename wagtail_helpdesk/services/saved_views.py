"""Saved views of the ticket queue: the built-in ones, the ones agents save, and their counts.

A view is a name and a querystring of the queue listing.  Counting every view
of an agent costs one aggregate query (one conditional ``Count`` per view over
the tickets the agent may see); the menu shows the counts on every admin page,
so they are cached.  Counts younger than :data:`COUNT_TIMEOUT` seconds are
shown as they are; older ones (up to :data:`STALE_TIMEOUT`) are still shown
while a task counts again for the next page, so an agent's page waits for the
count only when none is cached (the first page after ten idle minutes).
"""

from __future__ import annotations

import hashlib
import logging
import operator
import time
from dataclasses import dataclass
from functools import reduce
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..exceptions import NotAllowed
from ..models import ACTIVE_STATUSES, SavedView, SLAState, Status, Ticket
from ..sanitize import clean_text
from .ticket_filters import ASSIGNEE_ME, ASSIGNEE_NOBODY, FILTER_KEYS, criteria

logger = logging.getLogger(__name__)

#: Seconds a user's view counts are shown without counting again.
COUNT_TIMEOUT = 30

#: Seconds older counts are still shown while a task counts again; beyond that a page counts itself.
STALE_TIMEOUT = 600

#: Most views one agent may own; a guard against scripted floods.
MAX_VIEWS_PER_USER = 50

#: The listing keys kept in a saved querystring besides the filters.
PRESENTATION_KEYS = ("ordering", "per_page")


@dataclass(frozen=True)
class QueueView:
    """One link above the queue: a built-in (``key`` like ``"mine"``) or a saved view (``"saved-<id>"``)."""

    key: str
    name: str
    querystring: str
    #: The saved view's row; ``None`` for built-ins.
    saved: SavedView | None = None

    @property
    def is_builtin(self) -> bool:
        return self.saved is None


def _active(**extra: str | list[str]) -> str:
    return urlencode({"status": list(ACTIVE_STATUSES), **extra}, doseq=True)


#: The views every agent has, in display order.
BUILTIN_VIEWS = (
    QueueView("mine", gettext_lazy("My open tickets"), _active(assignee=ASSIGNEE_ME)),
    QueueView("unassigned", gettext_lazy("Unassigned"), _active(assignee=ASSIGNEE_NOBODY)),
    QueueView("new", gettext_lazy("New"), urlencode({"status": Status.NEW})),
    QueueView("overdue", gettext_lazy("Overdue"), _active(sla=SLAState.BREACHED)),
    QueueView("waiting", gettext_lazy("Waiting on customer"), urlencode({"status": Status.PENDING})),
)


#: Bumped whenever any view is saved or deleted, so every agent's cached list is re-read.
VIEWS_VERSION_KEY = "wagtail_helpdesk:saved_views:version"


def views_for(user) -> list[QueueView]:
    """The built-ins, then the user's own and their teams' saved views, by name.

    The list is on every admin page (the menu), so it is cached like the counts;
    saving or deleting a view, anyone's, makes every list be read again.
    """
    version = cache.get_or_set(VIEWS_VERSION_KEY, 1, timeout=None)
    key = f"wagtail_helpdesk:saved_views:{user.pk}:{version}"
    saved = cache.get(key)
    if saved is None:
        saved = list(SavedView.objects.for_user(user).select_related("shared_with"))
        cache.set(key, saved, COUNT_TIMEOUT)
    return [*BUILTIN_VIEWS, *(QueueView(f"saved-{view.pk}", view.name, view.querystring, view) for view in saved)]


def views_changed(**kwargs) -> None:
    """Forget every agent's cached list of views (also a receiver: someone joined or left a team)."""
    try:
        cache.incr(VIEWS_VERSION_KEY)
    except ValueError:  # not set (or evicted): any new value differs from the cached lists' keys
        cache.set(VIEWS_VERSION_KEY, 2, timeout=None)


def counts(user, views: list[QueueView]) -> dict[str, int]:
    """How many tickets each view shows ``user``: from the cache, counted again in a task once stale.

    Only a user with no counts cached (or none younger than :data:`STALE_TIMEOUT`)
    waits for the count.  Stale counts queue :func:`recount` at most once per
    :data:`COUNT_TIMEOUT`; with tasks run eagerly that recount happens in the
    request itself, as before.
    """
    key = _counts_key(user, views)
    entry = cache.get(key)
    if entry is None:
        return _count_and_store(user, views, key)
    found, counted_at = entry
    if time.time() - counted_at >= COUNT_TIMEOUT and cache.add(f"{key}:recounting", True, COUNT_TIMEOUT):
        _queue_recount(user.pk)
    return found


def recount(user_id: int) -> dict[str, int]:
    """Count a user's views now and cache the result (the task behind stale counts).

    A user deactivated since the page queued the task is not counted.
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return {}
    views = views_for(user)
    return _count_and_store(user, views, _counts_key(user, views))


def _queue_recount(user_id: int) -> None:
    from ..tasks import recount_saved_views

    try:
        recount_saved_views.delay(user_id)
    except Exception:  # the broker is down: the counts stay as they are until a page counts itself
        logger.exception("Could not queue a recount of the saved views of user %s", user_id)


def _counts_key(user, views: list[QueueView]) -> str:
    signature = hashlib.sha256("\n".join(f"{v.key}?{v.querystring}" for v in views).encode()).hexdigest()[:16]
    return f"wagtail_helpdesk:view_counts:{user.pk}:{signature}"


def _count_and_store(user, views: list[QueueView], key: str) -> dict[str, int]:
    """One aggregate query for all of ``views``.

    Only rows some view can count are read (the ``OR`` of the views' conditions):
    with the built-in views that is the active tickets, which PostgreSQL finds
    through the status index instead of reading every ticket.  The listing's own
    total is the paginator's separate ``COUNT``: folded into this aggregate as a
    subquery it would make PostgreSQL read every visible ticket again.
    """
    params = [QueryDict(view.querystring) for view in views]
    conditions = [criteria(view_params, user=user) for view_params in params]
    wanted = reduce(operator.or_, conditions, Q()) if all(conditions) else Q()
    if statuses := _statuses_of_all(params):
        # Implied by every view's own condition, so no count changes; as a condition of its own it lets
        # PostgreSQL combine the status index with the visibility bitmap instead of reading every visible ticket.
        wanted &= Q(status__in=statuses)
    aggregates = {f"v{number}": Count("pk", filter=condition) for number, condition in enumerate(conditions)}
    row = Ticket.objects.visible_to(user).filter(wanted).aggregate(**aggregates) if aggregates else {}
    found = {view.key: row.get(f"v{number}", 0) for number, view in enumerate(views)}
    cache.set(key, (found, time.time()), STALE_TIMEOUT)
    return found


def _statuses_of_all(params: list[QueryDict]) -> list[str]:
    """The statuses some view counts, if every view names its statuses; else nothing (no common bound)."""
    found: set[str] = set()
    for view_params in params:
        statuses = {status for status in view_params.getlist("status") if status in Status.values}
        if not statuses:
            return []
        found |= statuses
    return sorted(found)


def clean_querystring(querystring: str) -> str:
    """Keep only the filters and presentation keys of a listing querystring, in a stable order."""
    params = QueryDict(querystring.lstrip("?")[:4000])
    kept = [(key, value) for key in (*FILTER_KEYS, *PRESENTATION_KEYS) for value in params.getlist(key) if value]
    return urlencode(kept)[:2000]


def shareable_groups(user):
    """The teams ``user`` may share a view with: their own groups (every group for superusers)."""
    return Group.objects.all() if user.is_superuser else user.groups.all()


def save_view(user, *, name: str, querystring: str, shared_with: Group | None = None) -> SavedView:
    """Save the listing's current filters under ``name``, private or shared with one of the user's groups."""
    name = clean_text(name).strip()[:80]
    if not name:
        raise NotAllowed(_("Give the view a name."))
    if shared_with is not None and not shareable_groups(user).filter(pk=shared_with.pk).exists():
        raise NotAllowed(_("You can only share a view with a team you belong to."))
    with transaction.atomic():
        if SavedView.objects.filter(owner=user).count() >= MAX_VIEWS_PER_USER:
            raise NotAllowed(_("You have too many saved views; delete one first."))
        view = SavedView.objects.create(
            owner=user, name=name, querystring=clean_querystring(querystring), shared_with=shared_with
        )
        views_changed()
        transaction.on_commit(views_changed)  # again after commit: a reader may have cached the old list meanwhile
        return view


def delete_view(user, view_id: int) -> None:
    """Delete one of the user's own views; a team's view is deleted only by its owner."""
    deleted, _rows = SavedView.objects.filter(pk=view_id, owner=user).delete()
    if not deleted:
        raise NotAllowed(_("You can only delete your own saved views."))
    views_changed()
