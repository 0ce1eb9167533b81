"""The customer portal: signed ticket links and what a customer may do to a ticket.

A guest has no account, so the acknowledgement and every update carry a link
signed with :class:`~django.core.signing.TimestampSigner` over the ticket id
and the id of the customer it was sent to.  The link proves "this mail reached
that customer"; it expires after ``PORTAL_LINK_MAX_AGE`` seconds and is checked
against the ticket's current owner and followers every time, so removing a
follower also disables their old links.

Replies from the portal go through the ``web`` channel and
:func:`~wagtail_helpdesk.services.intake.receive`, status changes through
:func:`~wagtail_helpdesk.services.workflow.set_status`; this module never writes
messages itself.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.core import signing
from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from ..conf import helpdesk_settings
from ..models import ACTIVE_STATUSES, Attachment, Customer, Message, OutboundMessage, Status, Ticket
from . import intake, outbox, workflow
from .channels import get_channel
from .permissions import customer_can_view

#: A dedicated salt: a value signed anywhere else in the site is never a portal link.
SALT = "wagtail_helpdesk.portal.ticket-link"

#: At most this many tickets are listed in one "fresh links" mail.
LINKS_PER_MAIL = 20


@dataclass(frozen=True)
class PortalAccess:
    """A customer allowed to see one ticket, and the signed token that proved it (if any)."""

    ticket: Ticket
    customer: Customer
    token: str = ""


def make_token(ticket: Ticket, customer: Customer | None = None) -> str:
    """A signed, timestamped token for ``ticket`` as seen by ``customer`` (default: its owner)."""
    customer_id = customer.pk if customer is not None else ticket.customer_id
    return signing.TimestampSigner(salt=SALT).sign_object({"t": ticket.pk, "c": customer_id})


def read_token(token: str) -> PortalAccess | None:
    """The access a token grants, or ``None`` if it is forged, tampered with, expired or revoked.

    The caller cannot tell these cases apart, on purpose: the page shown for a
    bad link must not reveal whether a ticket exists.
    """
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=helpdesk_settings.PORTAL_LINK_MAX_AGE)
        ticket_id, customer_id = int(data["t"]), int(data["c"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    ticket = Ticket.objects.select_related("customer").filter(pk=ticket_id).first()
    customer = Customer.objects.filter(pk=customer_id).first()
    if ticket is None or customer is None or not customer_can_view(customer, ticket):
        return None
    return PortalAccess(ticket=ticket, customer=customer, token=token)


_ROOT_URL_KEY = "wagtail_helpdesk:portal:default-site-root-url"


def _site_root_url() -> str:
    """The default Wagtail site's root URL, cached: every acknowledgement needs it.

    Saving or deleting a Site drops the cached value (see the receivers below);
    the timeout bounds staleness in processes that missed the signal.
    """
    from wagtail.models import Site

    root_url = cache.get(_ROOT_URL_KEY)
    if root_url is None:
        site = Site.objects.filter(is_default_site=True).first()
        root_url = site.root_url if site is not None else ""
        cache.set(_ROOT_URL_KEY, root_url, timeout=300)
    return root_url


@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_delete, sender="wagtailcore.Site")
def _forget_root_url(**kwargs: Any) -> None:
    cache.delete(_ROOT_URL_KEY)


def portal_url(ticket: Ticket, customer: Customer | None = None, request=None) -> str:
    """The absolute signed link to ``ticket`` for ``customer``; ``""`` if the portal URLs are not installed.

    Without a request (mail is rendered in services and tasks) the default
    Wagtail site's root URL is the base.
    """
    if ticket.pk is None:
        return ""
    try:
        path = reverse("wagtail_helpdesk:portal_link", kwargs={"token": make_token(ticket, customer)})
    except NoReverseMatch:
        return ""
    if request is not None:
        return request.build_absolute_uri(path)
    return _site_root_url().rstrip("/") + path


def tickets_for(customer: Customer) -> QuerySet[Ticket]:
    """The customer's own and followed tickets, newest activity first (merged ones hidden)."""
    return (
        Ticket.objects.filter(Q(customer=customer) | Q(followers__customer=customer))
        .filter(merged_into__isnull=True)
        .distinct()
        .only("pk", "reference", "subject", "status", "last_activity_at", "created_at", "customer_id")
        .order_by("-last_activity_at", "-pk")
    )


def ticket_for_customer(customer: Customer | None, reference: str) -> Ticket | None:
    """The ticket with ``reference`` if ``customer`` may see it; ``None`` otherwise (a 404, never a 403)."""
    if customer is None:
        return None
    ticket = Ticket.objects.filter(reference=reference).first()
    if ticket is None or not customer_can_view(customer, ticket):
        return None
    return ticket


def survivor(access: PortalAccess) -> PortalAccess | None:
    """Follow a merged ticket to the ticket it was merged into, if the customer may see that one."""
    ticket = access.ticket
    seen = set()
    while ticket.merged_into_id and ticket.pk not in seen:
        seen.add(ticket.pk)
        ticket = Ticket.objects.select_related("customer").get(pk=ticket.merged_into_id)
    if ticket.pk == access.ticket.pk:
        return access
    if not customer_can_view(access.customer, ticket):
        return None
    token = make_token(ticket, access.customer) if access.token else ""
    return PortalAccess(ticket=ticket, customer=access.customer, token=token)


def conversation(ticket: Ticket) -> list[Message]:
    """The public messages of ``ticket`` in order, with attachments: never internal notes.

    A fixed number of queries whatever the length of the conversation.
    """
    return list(
        Message.objects.filter(ticket=ticket)
        .exclude(kind=Message.Kind.NOTE)
        .select_related("author_customer")
        .only("pk", "kind", "body_text", "created_at", "ticket_id", "author_customer__name", "author_customer__email")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.only("pk", "message_id", "filename", "size"))
        )
        .order_by("created_at", "pk")
    )


def reply(access: PortalAccess, *, body_text: str, files: list[Any] = (), token: str = "", request=None) -> Message:
    """Add the customer's reply to the ticket through the ``web`` channel and intake.

    ``token`` is the form's one-time id, so a re-sent POST adds one message.
    Raises :class:`~wagtail_helpdesk.exceptions.InvalidInbound` for bad input.
    """
    ticket, customer = access.ticket, access.customer
    payload: dict[str, Any] = {
        "token": f"portal-{token or uuid.uuid4().hex}",
        "email": customer.email,
        "name": customer.name,
        "subject": ticket.subject,
        "message": body_text,
        "attachments": list(files),
        "ticket_reference": ticket.reference,
        "language": translation.get_language() or "",
    }
    if request is not None:
        payload["ip"] = request.META.get("REMOTE_ADDR", "")
        payload["user_agent"] = request.META.get("HTTP_USER_AGENT", "")[:300]
    result = intake.receive(get_channel("web").parse(payload))
    return result.message


def set_solved(access: PortalAccess) -> Ticket:
    """The customer marks the ticket solved."""
    return workflow.set_status(access.ticket, Status.SOLVED, customer=access.customer)


def reopen(access: PortalAccess) -> Ticket:
    """The customer reopens a solved or closed ticket."""
    return workflow.set_status(access.ticket, Status.OPEN, customer=access.customer)


def send_fresh_links(email: str) -> int:
    """Mail fresh links for the open tickets of the customer(s) with ``email``; return how many mails.

    The mail goes only to ``email`` itself and lists only tickets its owner
    may see, so asking for someone else's links sends them nothing new and
    tells the asker nothing.  Callers answer the same whatever this returns.
    """
    email = (email or "").strip().lower()
    sent = 0
    if not email:
        return sent
    for customer in Customer.objects.filter(email__iexact=email):
        tickets = list(tickets_for(customer).filter(status__in=ACTIVE_STATUSES)[:LINKS_PER_MAIL])
        if not tickets:
            continue
        links = [{"reference": t.reference, "subject": t.subject, "url": portal_url(t, customer)} for t in tickets]
        context = {"customer": {"name": customer.name or customer.email}, "links": links}
        with translation.override(customer.language or translation.get_language()):
            subject = render_to_string("wagtail_helpdesk/email/portal_links_subject.txt", context).strip()
            body = render_to_string("wagtail_helpdesk/email/portal_links.txt", context)
        outbox.enqueue(
            ticket=tickets[0] if len(tickets) == 1 else None,
            kind=OutboundMessage.Kind.NOTIFICATION,
            channel="email",
            recipient=customer.email,
            subject=" ".join(subject.split()),
            body_text=body,
            headers={"Auto-Submitted": "auto-generated"},
        )
        sent += 1
    return sent


def footer(ticket: Ticket, customer: Customer | None) -> str:
    """The text appended to agent replies mailed to ``customer``: their signed portal link."""
    url = portal_url(ticket, customer)
    if not url:
        return ""
    with translation.override(ticket.language or translation.get_language()):
        return render_to_string("wagtail_helpdesk/email/portal_footer.txt", {"portal_url": url})
