"""A chat-widget channel on the helpdesk's API gateway (the worked example of docs/api.rst).

The widget's backend posts each visitor message, in the widget's own format,
to ``POST /api/helpdesk/v1/gateway/messages/`` with a channel token issued for
the ``chat`` channel.  This plugin only translates that format; intake,
de-duplication, routing and the signed callback with agent replies are the
helpdesk's.
"""

from __future__ import annotations

from typing import Any

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.plugins.api_channel import GatewayChannel
from wagtail_helpdesk.types import Channel, InboundMessage


# [docs:channel]
class ChatChannel(GatewayChannel):
    """``{"event_id": ..., "visitor": {"id", "email", "name"}, "text": ..., "ticket": "HD-..."}``"""

    code = "chat"
    label = "Chat widget"

    def parse(self, payload: Any) -> InboundMessage:
        try:
            visitor = payload["visitor"]
            fields = {
                "external_id": str(payload["event_id"]),
                "sender_handle": str(visitor["id"]),
                "sender_email": str(visitor.get("email") or ""),
                "sender_name": str(visitor.get("name") or ""),
                "body_text": str(payload["text"]),
                # The widget remembers the reference the gateway answered with: the
                # next message of the conversation joins that ticket.
                "reply_to": [str(payload["ticket"])] if payload.get("ticket") else [],
            }
        except (KeyError, TypeError, AttributeError):
            raise InvalidInbound({"payload": "A chat event needs an event_id, a visitor id and a text."}) from None
        return super().parse(fields)

    # send() is GatewayChannel's: replies go to the token's callback URL, signed.


# [/docs:channel]


@hookimpl
def helpdesk_register_channels() -> list[Channel]:
    return [ChatChannel()]
