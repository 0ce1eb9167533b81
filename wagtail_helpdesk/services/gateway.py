"""The channel gateway: tokens for external adapters, their inbound messages and callbacks.

An admin issues a :class:`~wagtail_helpdesk.models.ChannelToken` for one
registered channel.  The adapter (a chat widget's backend, a phone system, a
messenger bot) posts messages with it to the API's gateway endpoint; they go
through the channel's ``parse()`` and :func:`~wagtail_helpdesk.services.intake.receive`
like any other channel's.  Agent replies on a gateway channel are POSTed back
to the token's callback URL, signed like webhooks (:func:`deliver_callback`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from ..exceptions import InvalidInbound, PermanentDeliveryError, RetryableDeliveryError
from ..models import ChannelToken
from ..types import Channel, DeliveryReceipt, OutboundEnvelope
from . import intake
from .channels import get_channels
from .http import post_signed

#: Every token starts with this, so a leaked one is easy to recognise (and to scan for).
TOKEN_PREFIX = "hdc"

#: ``last_used_at`` is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    """A new token: the row, and the full token text, which is never shown again."""

    token: ChannelToken
    plaintext: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def gateway_channels() -> dict[str, Channel]:
    """Registered channels that read the gateway's JSON (``gateway = True``, e.g. ``GatewayChannel``).

    Other channels' ``parse()`` expects what their own webhook receives (a form,
    a mail), so no token is issued for them.
    """
    return {code: channel for code, channel in get_channels().items() if getattr(channel, "gateway", False)}


def issue_token(*, channel: str, name: str, callback_url: str = "") -> IssuedToken:
    """Create a token for ``channel`` (a registered gateway channel); only its hash is stored."""
    if channel not in gateway_channels():
        raise InvalidInbound(
            {"channel": _("No channel %(code)r that takes gateway messages is registered.") % {"code": channel}}
        )
    key = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    token = ChannelToken.objects.create(
        channel=channel,
        name=name,
        key=key,
        secret_hash=_hash(secret),
        callback_url=callback_url,
        signing_secret=secrets.token_hex(32),
    )
    return IssuedToken(token=token, plaintext=f"{TOKEN_PREFIX}_{key}_{secret}")


def revoke_token(token: ChannelToken) -> ChannelToken:
    """Stop accepting ``token`` from now on (it cannot be re-enabled: issue a new one)."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        ChannelToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=token.revoked_at)
    return token


def authenticate(plaintext: str) -> ChannelToken | None:
    """The active token ``plaintext`` stands for, or ``None`` (unknown, malformed, revoked)."""
    try:
        prefix, key, secret = plaintext.split("_", 2)
    except ValueError:
        return None
    if prefix != TOKEN_PREFIX or not key or not secret or len(key) > 16:
        return None
    token = ChannelToken.objects.active().filter(key=key).first()
    # Compare hashes even for an unknown key, so timing tells nothing about which keys exist.
    expected = token.secret_hash if token is not None else "0" * 64
    if not hmac.compare_digest(_hash(secret), expected) or token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at < now - LAST_USED_RESOLUTION:
        ChannelToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def receive(token: ChannelToken, payload: dict[str, Any]) -> intake.IntakeResult:
    """Hand one message an adapter posted to its channel's ``parse()`` and to intake.

    The token decides the channel: a payload cannot pose as another channel,
    nor claim a ticket (``ticket_reference``), because the token speaks for
    the adapter, not for the customer.
    """
    channel = gateway_channels().get(token.channel)
    if channel is None:
        raise InvalidInbound({"channel": _("This token's channel is no longer installed.")})
    message = channel.parse(payload)
    if message.channel != token.channel:
        message = replace(message, channel=token.channel)
    if message.ticket_reference:
        message = replace(message, ticket_reference="")
    return intake.receive(message)


def callback_token(channel: str) -> ChannelToken | None:
    """The token whose callback URL receives replies on ``channel``: the most recently used one."""
    return (
        ChannelToken.objects.active()
        .filter(channel=channel)
        .exclude(callback_url="")
        .order_by("-last_used_at", "-pk")
        .first()
    )


def deliver_callback(envelope: OutboundEnvelope) -> DeliveryReceipt:
    """POST one outbound message to the channel's callback URL; for a gateway channel's ``send()``.

    Raises ``RetryableDeliveryError`` for what may work later (the outbox then
    retries with back-off) and ``PermanentDeliveryError`` when the adapter
    refused it or no callback is configured.
    """
    token = callback_token(envelope.channel)
    if token is None:
        raise PermanentDeliveryError(f"No active token of channel {envelope.channel!r} has a callback URL.")
    payload = {
        "outbound_id": envelope.outbound_id,
        "channel": envelope.channel,
        "recipient": envelope.recipient,
        "ticket": envelope.ticket_reference,
        "subject": envelope.subject,
        "body_text": envelope.body_text,
        "body_html": envelope.body_html,
    }
    result = post_signed(
        token.callback_url,
        payload,
        secret=token.signing_secret,
        headers={"X-Helpdesk-Delivery": f"outbound-{envelope.outbound_id}"},
    )
    if result.ok:
        return DeliveryReceipt(external_id=_external_id(result.body))
    if result.retryable:
        raise RetryableDeliveryError(f"Callback failed: {result.error or result.status}")
    raise PermanentDeliveryError(f"Callback refused the message: HTTP {result.status}")


def _external_id(body: bytes) -> str:
    try:
        answer = json.loads(body or b"{}")
    except ValueError:
        return ""
    return str(answer.get("id", ""))[:255] if isinstance(answer, dict) else ""
