"""Sending one outbound envelope as an email; shared by channels that answer by mail."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.utils.html import linebreaks, urlize

from ..conf import helpdesk_settings
from ..exceptions import PermanentDeliveryError, RetryableDeliveryError
from ..types import DeliveryReceipt, OutboundEnvelope


def from_address() -> str:
    return helpdesk_settings.FROM_EMAIL or settings.DEFAULT_FROM_EMAIL


def html_version(text: str) -> str:
    """A simple HTML part for a text-only message: paragraphs and clickable links, everything escaped."""
    body = linebreaks(urlize(text, autoescape=True))
    return f'<!DOCTYPE html><html><body style="font-family: sans-serif">{body}</body></html>'


def send_email(envelope: OutboundEnvelope) -> DeliveryReceipt:
    """Send ``envelope`` with Django's configured mail backend.

    The Message-ID is generated here and returned, so replies to it can be
    threaded back to the ticket.  Connection problems are retryable; an
    address the server refuses outright is not.
    """
    if not envelope.recipient or "@" not in envelope.recipient:
        raise PermanentDeliveryError(f"Not an email address: {envelope.recipient!r}")
    sender = from_address()
    domain = sender.rsplit("@", 1)[-1].strip(">") if "@" in sender else None
    message_id = make_msgid(idstring=f"hd{envelope.outbound_id}", domain=domain)
    headers = {"Message-ID": message_id, "Auto-Submitted": "auto-replied", **envelope.headers}
    if envelope.headers.get("Auto-Submitted") == "no":
        headers.pop("Auto-Submitted")
    else:
        # Exchange and Outlook honour this instead of RFC 3834: no out-of-office answers to our robots.
        headers.setdefault("X-Auto-Response-Suppress", "All")
    if envelope.in_reply_to:
        headers["In-Reply-To"] = envelope.in_reply_to[-1]
        headers["References"] = " ".join(envelope.in_reply_to)
    if envelope.ticket_reference:
        headers["X-Helpdesk-Ticket"] = envelope.ticket_reference
    email = EmailMultiAlternatives(
        subject=envelope.subject,
        body=envelope.body_text,
        from_email=sender,
        to=[envelope.recipient],
        headers=headers,
    )
    email.attach_alternative(envelope.body_html or html_version(envelope.body_text), "text/html")
    for attachment in envelope.attachments:
        email.attach(attachment.filename, attachment.content, attachment.content_type)
    try:
        email.send()
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _msg in exc.recipients.values()]
        if codes and all(500 <= code < 600 for code in codes):
            raise PermanentDeliveryError(f"Recipient refused: {exc.recipients}") from exc
        raise RetryableDeliveryError(str(exc)) from exc
    except (TimeoutError, smtplib.SMTPException, OSError) as exc:
        raise RetryableDeliveryError(f"{type(exc).__name__}: {exc}") from exc
    return DeliveryReceipt(external_id=message_id)
