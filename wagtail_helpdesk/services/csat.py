"""Customer satisfaction: signed one-click rating links and storing the rating.

A link carries the ticket id signed with its own salt (a portal link is never
a rating link and vice versa) and a timestamp; it expires with
``WAGTAIL_HELPDESK_PORTAL_LINK_MAX_AGE`` like portal links.  Clicking another
score, or clicking twice, updates the one rating of the ticket.
"""

from __future__ import annotations

from django.core import signing
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from ..conf import helpdesk_settings
from ..exceptions import InvalidInbound
from ..models import SatisfactionRating, Ticket
from ..sanitize import clean_text

SALT = "wagtail_helpdesk.csat.rating-link"
SCORES = range(1, 6)
MAX_COMMENT = 2000


def make_token(ticket: Ticket) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object({"t": ticket.pk})


def read_token(token: str) -> Ticket | None:
    """The ticket a rating token is for, or ``None`` if forged, tampered with or expired."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=helpdesk_settings.PORTAL_LINK_MAX_AGE)
        ticket_id = int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return Ticket.objects.filter(pk=ticket_id, merged_into__isnull=True).first()


def links(ticket: Ticket) -> dict[str, str]:
    """``{"url_1": ..., "url_5": ...}``: absolute one-click links for the survey template."""
    from .portal import _site_root_url  # the portal imports workflow, which imports the plugins

    if ticket.pk is None:
        return {}
    token = make_token(ticket)
    try:
        paths = {f"url_{s}": reverse("wagtail_helpdesk:csat_rate", args=[token, s]) for s in SCORES}
    except NoReverseMatch:
        return {}
    root = _site_root_url().rstrip("/")
    return {name: root + path for name, path in paths.items()}


def rate(ticket: Ticket, score, comment: str | None = None) -> SatisfactionRating:
    """Store (or change) the ticket's rating; ``comment=None`` keeps the comment already given.

    Raises :class:`InvalidInbound` for a score outside 1-5 or an overlong comment.
    """
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    errors = {}
    if score not in SCORES:
        errors["score"] = _("Choose a score from 1 to 5.")
    if comment is not None:
        comment = clean_text(comment).strip()
        if len(comment) > MAX_COMMENT:
            errors["comment"] = _("The comment is too long (at most %(limit)d characters).") % {"limit": MAX_COMMENT}
    if errors:
        raise InvalidInbound(errors)
    defaults: dict = {"score": score}
    if comment is not None:
        defaults["comment"] = comment
    with transaction.atomic():
        rating, _created = SatisfactionRating.objects.update_or_create(ticket=ticket, defaults=defaults)
    return rating
