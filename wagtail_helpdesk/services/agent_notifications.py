"""Telling agents what needs them: a row they see in the admin, and a mail through the outbox.

:func:`notify_for_event` turns one committed ticket event into notifications
(the built-in ``agent_notifier`` plugin calls it from ``helpdesk_ticket_event``):

=================  ===========================================================
event              who is told
=================  ===========================================================
``created``        the agents of the ticket's queue, while nobody owns it
``message``        the ticket's assignee (a customer replied)
``assigned``       the new assignee
``routed``         the assignee routing chose
``transferred``    the new assignee; else the new queue's agents
``note``           every agent ``@mentioned`` by username who may see the ticket
``sla_warning``    the user ids in the event's ``data["notify"]``
``sla_breached``   the user ids in the event's ``data["notify"]``
=================  ===========================================================

Nobody is told about their own action, and an event notifies an agent at most
once.  Mail goes only to agents who have not turned it off
(``AgentProfile.email_notifications``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet, prefetch_related_objects
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_admin_base_url, get_user_display_name

from ..models import AgentNotification, AgentProfile, EventKind, Message, OutboundMessage, Ticket
from ..types import TicketEventPayload
from . import config_cache, outbox

#: Seconds the unread count behind the menu badge is cached.
UNREAD_CACHE_SECONDS = 30

_MENTION = re.compile(r"(?<![\w@.])@([\w.@+-]+)")
Kind = AgentNotification.Kind
_UNKNOWN = object()


def notify_for_event(event: TicketEventPayload) -> list[AgentNotification]:
    """Create the notifications (and queue the mails) that ``event`` calls for."""
    ticket = Ticket.objects.select_related("customer", "queue", "assignee").filter(pk=event.ticket_id).first()
    if ticket is None:
        return []
    kind, user_ids = _recipients(event, ticket)
    if kind is None:
        return []
    user_ids = {uid for uid in user_ids if isinstance(uid, int) and uid != event.actor_user_id}
    if not user_ids:
        return []
    users = _with_preferences(get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk"))
    users = users.exclude(Exists(AgentNotification.objects.filter(event_id=event.event_id, user=OuterRef("pk"))))
    users = list(users)
    if kind in (Kind.MENTION, Kind.SLA_WARNING, Kind.SLA_BREACHED):
        # Those ids come from text or from another component: only agents who may see the ticket.
        users = [user for user in users if Ticket.objects.visible_to(user).filter(pk=ticket.pk).exists()]
    return _store(users, ticket, kind, event)


def might_notify(event: TicketEventPayload) -> bool:
    """Could ``event`` notify anyone?  Answered from the payload and the cached configuration, before any query.

    ``False`` means :func:`notify_for_event` would certainly notify nobody (a
    status change, a reply, routing that chose no one ...), so the plugin does
    not queue the task: most events of a busy helpdesk are of that kind.
    ``True`` may still end in nobody (a new ticket in a queue without agents).
    """
    data = event.data or {}
    if event.kind == EventKind.CREATED:
        # Told to the queue's agents: a helpdesk whose queues have no agent groups has nobody to tell.
        return bool(config_cache.snapshot().staffed_queue_ids)
    if event.kind in (EventKind.MESSAGE, EventKind.TRANSFERRED, EventKind.NOTE):
        return True
    if event.kind == EventKind.ASSIGNED:
        return bool(data.get("to"))
    if event.kind == EventKind.ROUTED:
        return bool(data.get("assignee"))
    if event.kind in (EventKind.SLA_WARNING, EventKind.SLA_BREACHED):
        return bool(data.get("notify"))
    return False


def _recipients(event: TicketEventPayload, ticket: Ticket) -> tuple[str | None, set]:
    data = event.data or {}
    if event.kind == EventKind.CREATED:
        return (Kind.NEW_TICKET, set(_queue_agents(ticket.queue_id))) if ticket.assignee_id is None else (None, set())
    if event.kind == EventKind.MESSAGE:
        return Kind.CUSTOMER_REPLY, {ticket.assignee_id} if ticket.assignee_id else set()
    if event.kind == EventKind.ASSIGNED:
        return Kind.ASSIGNED, {data.get("to")}
    if event.kind == EventKind.ROUTED:
        return Kind.ASSIGNED, {data.get("assignee")}
    if event.kind == EventKind.TRANSFERRED:
        to_assignee = data.get("to_assignee")
        if to_assignee and to_assignee != data.get("from_assignee"):
            return Kind.ASSIGNED, {to_assignee}
        if not to_assignee and data.get("to_queue") and data.get("to_queue") != data.get("from_queue"):
            return Kind.NEW_TICKET, set(_queue_agents(data["to_queue"]))
        return None, set()
    if event.kind == EventKind.NOTE:
        note = Message.objects.filter(pk=data.get("message"), ticket=ticket).values_list("body_text", flat=True).first()
        return Kind.MENTION, set(_mentioned(note or ""))
    if event.kind in (EventKind.SLA_WARNING, EventKind.SLA_BREACHED):
        notify_ids = data.get("notify") or []
        return (Kind(event.kind), set(notify_ids)) if isinstance(notify_ids, list) else (None, set())
    return None, set()


def _queue_agents(queue_id: int | None) -> QuerySet:
    if not queue_id:
        return get_user_model().objects.none()
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__helpdesk_queues=queue_id)
        .distinct()
        .values_list("pk", flat=True)
    )


def mentioned_usernames(text: str) -> list[str]:
    """``@username`` mentions in ``text``, without trailing punctuation."""
    return [name.rstrip(".") for name in _MENTION.findall(text or "") if name.rstrip(".")]


def _mentioned(text: str) -> Iterable[int]:
    names = mentioned_usernames(text)
    if not names:
        return []
    return get_user_model().objects.filter(username__in=names).values_list("pk", flat=True)


def notify(users: Iterable, ticket: Ticket, kind: str, *, event: TicketEventPayload | None = None) -> list:
    """Store one notification per user and queue a mail for those who want mail."""
    users = list(users)
    if event is not None:
        already = set(
            AgentNotification.objects.filter(event_id=event.event_id, user__in=users).values_list("user_id", flat=True)
        )
        users = [user for user in users if user.pk not in already]
    # Reads the preferences of users not fetched with them (a query per relation, none when they were).
    prefetch_related_objects(users, *_preference_relations())
    return _store(users, ticket, kind, event)


def _preference_relations() -> list[str]:
    """The user's relations :func:`_store` reads: mail on or off, and the admin language."""
    relations = ["helpdesk_profile"]
    if apps.is_installed("wagtail.users"):
        relations.append("wagtail_userprofile")
    return relations


def _with_preferences(users: QuerySet) -> QuerySet:
    return users.select_related(*_preference_relations())


def _store(users: list, ticket: Ticket, kind: str, event: TicketEventPayload | None) -> list[AgentNotification]:
    """The notification rows and mails for ``users``, whose preferences are loaded: two inserts in all."""
    if not users:
        return []
    actor = _actor(event)
    url = ticket_admin_url(ticket)
    rows, mails = [], []
    for user in users:
        with translation.override(_language(user)):
            text = Truncator(describe(kind, ticket, event, actor=actor)).chars(400)
            rows.append(
                AgentNotification(
                    user=user, ticket=ticket, kind=kind, text=text, event_id=event.event_id if event else None
                )
            )
            if _wants_mail(user) and user.email:
                mails.append(_mail(user, ticket, text, url))
    with transaction.atomic():
        created = AgentNotification.objects.bulk_create(rows)
        outbox.enqueue_many(mails)
    cache.delete_many([_count_key(user.pk) for user in users])
    return created


def describe(kind: str, ticket: Ticket, event: TicketEventPayload | None, *, actor=_UNKNOWN) -> str:
    """The notification's sentence, in the active language; plain text.

    ``actor`` is the user who acted (``None`` for nobody), when the caller has
    already read it for several recipients.
    """
    values = {
        "ref": ticket.reference or "",
        "subject": ticket.subject,
        "queue": str(ticket.queue or ""),
        "customer": str(ticket.customer),
        "actor": _actor_name(event, _actor(event) if actor is _UNKNOWN else actor),
    }
    if kind == Kind.NEW_TICKET:
        return _("New ticket %(ref)s in %(queue)s: %(subject)s") % values
    if kind == Kind.CUSTOMER_REPLY:
        return _("%(customer)s replied on %(ref)s: %(subject)s") % values
    if kind == Kind.ASSIGNED:
        return _("%(actor)s gave you %(ref)s: %(subject)s") % values
    if kind == Kind.MENTION:
        note = ""
        if event is not None:
            note = Message.objects.filter(pk=event.data.get("message")).values_list("body_text", flat=True).first()
        return _("%(actor)s mentioned you on %(ref)s: %(note)s") % {**values, "note": Truncator(note or "").chars(200)}
    if kind == Kind.SLA_WARNING:
        return _("SLA deadline of %(ref)s is at risk: %(subject)s") % values
    if kind == Kind.SLA_BREACHED:
        return _("SLA deadline of %(ref)s was breached: %(subject)s") % values
    return values["subject"]


def _actor(event: TicketEventPayload | None):
    """The user who acted, or ``None``."""
    if event is None or not event.actor_user_id:
        return None
    return get_user_model().objects.filter(pk=event.actor_user_id).first()


def _actor_name(event: TicketEventPayload | None, user) -> str:
    if user is not None:
        return get_user_display_name(user)
    return _("Routing") if event is not None and event.kind == EventKind.ROUTED else _("The helpdesk")


def _language(user) -> str:
    """The agent's admin language (Wagtail's account setting), read from the preloaded profile."""
    if not apps.is_installed("wagtail.users"):
        return settings.LANGUAGE_CODE
    from wagtail.users.models import UserProfile

    try:
        profile = user.wagtail_userprofile
    except ObjectDoesNotExist:  # no profile yet: Wagtail's defaults, as an empty profile gives them
        profile = UserProfile(user=user)
    return profile.get_preferred_language() or settings.LANGUAGE_CODE


def _wants_mail(user) -> bool:
    try:
        return user.helpdesk_profile.email_notifications
    except ObjectDoesNotExist:  # no profile: mail is on
        return True


def ticket_admin_url(ticket: Ticket) -> str:
    """The ticket view's absolute URL, for mail; ``""`` when the admin is not mounted."""
    try:
        path = reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket.pk,))
    except NoReverseMatch:
        return ""
    return (get_admin_base_url() or "").rstrip("/") + path


def _mail(user, ticket: Ticket, text: str, url: str) -> OutboundMessage:
    lines = [text, ""]
    if url:
        lines += [_("Open the ticket: %(url)s") % {"url": url}, ""]
    lines.append(_("You can turn these emails off on the Notifications page of the helpdesk admin."))
    return outbox.build(
        ticket=ticket,
        kind=OutboundMessage.Kind.AGENT_NOTIFICATION,
        channel="email",
        recipient=user.email,
        subject=f"[{ticket.reference}] {text}",
        body_text="\n".join(lines),
        headers={"Auto-Submitted": "auto-generated"},
    )


def _count_key(user_id: int) -> str:
    return f"wagtail_helpdesk:unread_notifications:{user_id}"


def unread(user) -> QuerySet:
    """The user's unread notifications, newest first."""
    return AgentNotification.objects.filter(user=user, read_at__isnull=True)


def unread_count(user) -> int:
    """How many notifications ``user`` has not read; cached for :data:`UNREAD_CACHE_SECONDS`."""
    if not user.is_authenticated:
        return 0
    key = _count_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = unread(user).count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def mark_read(user, *, ticket: Ticket | None = None, ids: Iterable[int] | None = None) -> int:
    """Mark ``user``'s notifications read: all of them, one ticket's, or the given ids (others' are untouched).

    Nothing to write when the (cached) unread count is zero: opening a ticket,
    which calls this every time, then costs no statement.  The count is dropped
    whenever a notification is created, so a zero is never stale.
    """
    if cache.get(_count_key(user.pk)) == 0:
        return 0
    rows = unread(user)
    if ticket is not None:
        rows = rows.filter(ticket=ticket)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    changed = rows.update(read_at=timezone.now())
    if changed:
        cache.delete(_count_key(user.pk))
    return changed


def wants_email(user) -> bool:
    """Does ``user`` get their notifications by email too?  (No profile: yes.)"""
    return not AgentProfile.objects.filter(user=user, email_notifications=False).exists()


def set_email(user, enabled: bool) -> None:
    """The agent's own choice: notifications by email as well, or only in the admin."""
    AgentProfile.objects.update_or_create(user=user, defaults={"email_notifications": enabled})
