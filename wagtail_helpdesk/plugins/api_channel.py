"""Built-in ``api`` channel: messages that external adapters post to the API's gateway.

:class:`GatewayChannel` reads the gateway's JSON (the fields of an
:class:`~wagtail_helpdesk.types.InboundMessage`); a plugin that ships its own
adapter (a chat widget, see docs/api.rst) subclasses it with its own ``code``.

Replies: a customer the channel knows by a handle (a chat session, a phone
number) is answered through the callback URL of the channel's token, signed
like webhooks; a customer known only by an email address is answered by mail,
as tickets opened through the REST API itself are.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import hookimpl
from ..exceptions import InvalidInbound
from ..services.gateway import deliver_callback
from ..services.mail import send_email
from ..types import Channel, DeliveryReceipt, InboundAttachment, InboundMessage, OutboundEnvelope

_TEXT_FIELDS = (
    "sender_email",
    "sender_name",
    "sender_phone",
    "sender_handle",
    "subject",
    "body_text",
    "body_html",
    "queue",
    "shop_reference",
    "language",
)


class GatewayChannel(Channel):
    code = "api"
    label = gettext_lazy("API")
    #: Tokens can be issued for this channel: its ``parse()`` reads the gateway's JSON.
    gateway = True

    def parse(self, payload: Any) -> InboundMessage:
        """``payload``: a JSON object with ``external_id``, a sender and a body (see docs/api.rst)."""
        if not isinstance(payload, dict):
            raise InvalidInbound({"payload": _("Send a JSON object.")})
        errors: dict[str, str] = {}
        external_id = payload.get("external_id")
        if not isinstance(external_id, str | int) or isinstance(external_id, bool) or not str(external_id).strip():
            errors["external_id"] = _("Give the message's id in your system.")
        values: dict[str, str] = {}
        for name in _TEXT_FIELDS:
            value = payload.get(name, "")
            if not isinstance(value, str):
                errors[name] = _("Must be a string.")
            else:
                values[name] = value
        reply_to = payload.get("reply_to", [])
        if not isinstance(reply_to, list) or not all(isinstance(item, str) for item in reply_to):
            errors["reply_to"] = _("Must be a list of strings.")
        metadata = payload.get("metadata", {})
        if not isinstance(metadata, dict):
            errors["metadata"] = _("Must be an object.")
        files = self._attachments(payload.get("attachments", []), errors)
        if not errors and not (values.get("sender_email") or values.get("sender_handle")):
            errors["sender_email"] = _("Give the sender's email address or their handle in this channel.")
        if errors:
            raise InvalidInbound(errors)
        return InboundMessage(
            channel=self.code,
            external_id=f"{self.code}:{str(external_id).strip()[:240]}",
            attachments=files,
            reply_to=tuple(reply_to[:20]),
            metadata=dict(metadata),
            **values,
        )

    @staticmethod
    def _attachments(items: Any, errors: dict[str, str]) -> tuple[InboundAttachment, ...]:
        if not isinstance(items, list):
            errors["attachments"] = _("Must be a list.")
            return ()
        files = []
        for item in items:
            try:
                files.append(
                    InboundAttachment(
                        filename=str(item["filename"]),
                        content_type=str(item.get("content_type", "")),
                        content=base64.b64decode(item["content_base64"], validate=True),
                    )
                )
            except (KeyError, TypeError, AttributeError, ValueError, binascii.Error):
                errors["attachments"] = _("Each attachment needs a filename and base64 content.")
                return ()
        return tuple(files)

    def send(self, envelope: OutboundEnvelope) -> DeliveryReceipt:
        if "@" in envelope.recipient:
            return send_email(envelope)
        return deliver_callback(envelope)


@hookimpl
def helpdesk_register_channels() -> list[Channel]:
    return [GatewayChannel()]
