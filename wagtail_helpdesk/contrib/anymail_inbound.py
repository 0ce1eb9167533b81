"""Inbound mail from an email service provider, through django-anymail's inbound webhooks.

Install the extra (``pip install wagtail-helpdesk[anymail]``), mount anymail's
URLs and point the ESP's inbound route at them (see ``docs/email.rst``).  When
anymail is importable, :func:`connect` (called from ``AppConfig.ready``)
subscribes to its ``inbound`` signal; each message anymail received is handed,
as raw RFC 822 bytes, to the same path as a polled mailbox
(``services.mailboxes.ingest``): the email channel, then bounces or intake.
Without anymail this module does nothing and imports nothing of it.
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)
DISPATCH_UID = "wagtail_helpdesk.anymail_inbound"


def connect() -> bool:
    """Subscribe to ``anymail.signals.inbound``; ``False`` when anymail is not installed."""
    try:
        from anymail.signals import inbound
    except ImportError:
        return False
    inbound.connect(receive_inbound, dispatch_uid=DISPATCH_UID)
    return True


def receive_inbound(sender: Any, event: Any, esp_name: str = "", **kwargs: Any) -> None:
    """Signal receiver: one inbound event → the email channel and intake.

    Never raises: the ESP would retry the webhook forever.  What cannot be
    processed is kept, raw, in quarantine.
    """
    from ..services import mailboxes

    message = getattr(event, "message", None)
    if message is None:
        logger.warning("Inbound %s event %s carried no message", esp_name, getattr(event, "event_id", ""))
        return
    try:
        raw = message.as_bytes()
    except Exception:
        logger.exception("Inbound %s message could not be serialised", esp_name)
        return
    if not mailboxes.ingest(raw):
        logger.info("Inbound %s message kept in quarantine", esp_name)


__all__ = ["connect", "receive_inbound"]
