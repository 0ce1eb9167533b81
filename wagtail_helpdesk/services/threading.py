"""Threading: which ticket a message continues, and who may continue it.

The match plugins (``plugins/reply_address.py``, ``plugins/reference_matcher.py``,
``plugins/cross_channel.py``) gather evidence; the rules they share live here:

* the per-ticket reply address ``support+<token>@domain`` set as Reply-To on
  our mail.  The token is an HMAC of the ticket's id under ``SECRET_KEY``, so it
  cannot be guessed from a reference and needs no column;
* evidence is never proof of identity: only the ticket's customer or one of its
  followers continues its public conversation.  Anybody else opens a new ticket
  or waits in quarantine (``WAGTAIL_HELPDESK_UNKNOWN_SENDER_REPLY``);
* subjects are compared without "Re:"/"Fwd:" prefixes and references.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from datetime import timedelta
from email.utils import parseaddr

from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from ..conf import helpdesk_settings
from ..exceptions import HoldMessage
from ..models import ACTIVE_STATUSES, Customer, Ticket
from .mail import from_address
from .permissions import customer_can_view

_SALT = "wagtail_helpdesk.reply-address"
#: ``<ticket id>-<16 hex digits of HMAC>``: lower case, because some MTAs fold local parts.
_TOKEN = re.compile(r"\+(\d{1,12})-([0-9a-f]{16})@", re.IGNORECASE)
#: Reply and forward prefixes of the common clients, in the languages we ship.
_PREFIX = re.compile(
    r"^\s*((re|fw|fwd|aw|wg|sv|vs|odp|pd|ynt|tr|antw|ats|persiųsti|в[іi]дп|пересл)\s*(\[\d+\])?\s*:\s*)+",
    re.IGNORECASE,
)
_BRACKETED = re.compile(r"\[[^\]]*\]")
#: How alike two normalised subjects must be to count as the same matter (difflib ratio).
SIMILAR_SUBJECT = 0.8


def reply_token(ticket: Ticket) -> str:
    """The unguessable part of the ticket's reply address."""
    digest = salted_hmac(_SALT, str(ticket.pk), algorithm="sha256").hexdigest()[:16]
    return f"{ticket.pk}-{digest}"


def reply_address(ticket: Ticket) -> str:
    """``support+<token>@domain`` on the ticket's queue address (else the sender address)."""
    base = parseaddr((ticket.queue.email if ticket.queue_id and ticket.queue else "") or from_address())[1]
    local, at, domain = base.partition("@")
    if not at:
        return ""
    return f"{local.partition('+')[0]}+{reply_token(ticket)}@{domain}"


def ticket_for_addresses(addresses: Iterable[str]) -> Ticket | None:
    """The ticket whose reply address is among ``addresses`` (To, Cc, Delivered-To), if the token is genuine."""
    for address in addresses:
        match = _TOKEN.search(address or "")
        if not match:
            continue
        ticket_id = int(match.group(1))
        expected = reply_token(Ticket(pk=ticket_id))
        if constant_time_compare(expected, f"{ticket_id}-{match.group(2).lower()}"):
            ticket = Ticket.objects.filter(pk=ticket_id).first()
            if ticket is not None:
                return ticket
    return None


def entitled(customer: Customer, tickets: Iterable[Ticket]) -> Ticket | None:
    """The first of ``tickets`` the sender may continue; otherwise apply the unknown-sender policy.

    With ``UNKNOWN_SENDER_REPLY = "hold"`` a message that points at a ticket
    its sender has no right to raises :class:`HoldMessage`, and intake keeps it
    in quarantine; with ``"new_ticket"`` (the default) ``None`` is returned and
    the message opens a ticket of its own.
    """
    found = list(tickets)
    for ticket in found:
        if customer_can_view(customer, ticket):
            return ticket
    if found and helpdesk_settings.UNKNOWN_SENDER_REPLY == "hold":
        raise HoldMessage(
            _("%(sender)s is neither the customer nor a follower of ticket %(ticket)s.")
            % {"sender": customer.email or customer, "ticket": found[0].reference},
            ticket=found[0],
        )
    return None


def normalized_subject(subject: str) -> str:
    """``"Re: Fwd: [HD-000012] My order"`` → ``"my order"``."""
    subject = _BRACKETED.sub(" ", subject or "")
    previous = None
    while previous != subject:
        previous, subject = subject, _PREFIX.sub("", subject)
    return " ".join(subject.lower().split())


def similar_subjects(a: str, b: str) -> bool:
    a, b = normalized_subject(a), normalized_subject(b)
    if not a or not b:
        return False
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR_SUBJECT


def open_ticket_on_another_channel(customer: Customer, channel: str, subject: str) -> Ticket | None:
    """The customer's open ticket from another channel, active within the window, about the same subject."""
    window = helpdesk_settings.CROSS_CHANNEL_WINDOW
    if window is None or not customer.pk or not normalized_subject(subject):
        return None
    since = timezone.now() - timedelta(seconds=window)
    candidates = (
        Ticket.objects.filter(customer=customer, status__in=ACTIVE_STATUSES, last_activity_at__gte=since)
        .exclude(channel=channel)
        .filter(merged_into__isnull=True)
        .order_by("-last_activity_at")[:20]
    )
    return next((ticket for ticket in candidates if similar_subjects(ticket.subject, subject)), None)


__all__ = [
    "entitled",
    "normalized_subject",
    "open_ticket_on_another_channel",
    "reply_address",
    "reply_token",
    "similar_subjects",
    "ticket_for_addresses",
]
