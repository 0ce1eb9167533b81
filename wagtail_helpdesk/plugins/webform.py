"""Built-in ``web`` channel: the contact form page (and the portal) hand their data here.

The customer gets answers by email, so :meth:`WebFormChannel.send` mails.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from .. import hookimpl
from ..exceptions import InvalidInbound
from ..services.mail import send_email
from ..types import Channel, DeliveryReceipt, InboundAttachment, InboundMessage, OutboundEnvelope


class WebFormChannel(Channel):
    code = "web"
    label = _("Web form")

    def parse(self, payload: dict[str, Any]) -> InboundMessage:
        """``payload``: the form's cleaned data; ``token`` is the form's one-time submission id."""
        token = str(payload.get("token") or "")
        if not token:
            raise InvalidInbound({"token": _("The form expired; please submit it again.")})
        files = []
        for upload in payload.get("attachments") or []:
            if isinstance(upload, InboundAttachment):
                files.append(upload)
            else:
                upload.seek(0)
                files.append(
                    InboundAttachment(
                        filename=upload.name,
                        content_type=getattr(upload, "content_type", "") or "application/octet-stream",
                        content=upload.read(),
                    )
                )
        return InboundMessage(
            channel=self.code,
            external_id=f"web:{token}",
            sender_email=payload.get("email", ""),
            sender_name=payload.get("name", ""),
            sender_phone=payload.get("phone", ""),
            subject=payload.get("subject", ""),
            body_text=payload.get("message", ""),
            attachments=tuple(files),
            queue=payload.get("queue", ""),
            shop_reference=payload.get("order_number", ""),
            category=payload.get("category", ""),
            custom_fields={"product": payload["product"]} if payload.get("product") else {},
            ticket_reference=payload.get("ticket_reference", ""),
            language=payload.get("language", ""),
            metadata={k: payload[k] for k in ("ip", "user_agent", "page") if payload.get(k)},
        )

    def send(self, envelope: OutboundEnvelope) -> DeliveryReceipt:
        return send_email(envelope)


@hookimpl
def helpdesk_register_channels() -> list[Channel]:
    return [WebFormChannel()]
