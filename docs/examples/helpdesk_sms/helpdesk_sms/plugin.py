"""An SMS channel: texts arrive through a gateway's webhook, replies leave through its HTTP API.

The gateway is any service that POSTs incoming texts as JSON
(``{"id": ..., "from": ..., "text": ...}``) and accepts outgoing ones at
``HELPDESK_SMS_GATEWAY_URL``.  This module is the channel example in
``docs/plugins/index.rst`` and runs the channel contract suite in
``tests/plugins/test_docs_example.py``.
"""

from __future__ import annotations

import hmac
import json
import urllib.error
import urllib.request
from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail_helpdesk import hookimpl
from wagtail_helpdesk.exceptions import InvalidInbound, PermanentDeliveryError, RetryableDeliveryError
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.services.channels import get_channel
from wagtail_helpdesk.types import Channel, DeliveryReceipt, InboundMessage, OutboundEnvelope


# [docs:channel]
class SmsChannel(Channel):
    code = "sms"
    label = "SMS"

    def parse(self, payload: dict[str, Any]) -> InboundMessage:
        """``payload``: the JSON the gateway posts for one incoming text."""
        try:
            gateway_id, phone, text = str(payload["id"]), str(payload["from"]), str(payload["text"])
        except (KeyError, TypeError):
            raise InvalidInbound({"payload": "An SMS needs an id, a sender and a text."}) from None
        return InboundMessage(
            channel=self.code,
            # The gateway's id: a webhook it re-sends is recognised as the same message.
            external_id=f"sms:{gateway_id}",
            # No email address: intake finds the customer by this handle instead.
            sender_handle=phone,
            sender_phone=phone,
            subject=" ".join(text.split())[:60],
            body_text=text,
        )

    def send(self, envelope: OutboundEnvelope) -> DeliveryReceipt:
        """Post one text to the gateway; the outbox retries what may work later."""
        body = json.dumps({"to": envelope.recipient, "text": envelope.body_text}).encode()
        request = urllib.request.Request(
            settings.HELPDESK_SMS_GATEWAY_URL, data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return DeliveryReceipt(external_id=str(json.load(response).get("id", "")))
        except urllib.error.HTTPError as exc:
            if 400 <= exc.code < 500 and exc.code != 429:
                # The gateway refused this message (bad number, no credit): retrying cannot help.
                raise PermanentDeliveryError(f"Gateway refused the text: HTTP {exc.code}") from exc
            raise RetryableDeliveryError(f"Gateway unavailable: HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError) as exc:
            raise RetryableDeliveryError(f"Gateway unreachable: {exc}") from exc

    def get_urls(self) -> list[URLPattern]:
        """Mounted at ``helpdesk/channels/sms/``; the URL name is ``wagtail_helpdesk:sms:inbound``."""
        return [path("inbound/", inbound_webhook, name="inbound")]


# [/docs:channel]


# [docs:webhook]
@csrf_exempt
@require_POST
def inbound_webhook(request: HttpRequest) -> JsonResponse:
    """Receive one text from the gateway and hand it to intake, the helpdesk's only way in."""
    # Anyone can POST here: only the gateway knows the shared secret.
    expected = getattr(settings, "HELPDESK_SMS_WEBHOOK_TOKEN", "")
    if not expected or not hmac.compare_digest(request.headers.get("X-Gateway-Token", ""), expected):
        return JsonResponse({"error": "forbidden"}, status=403)
    try:
        payload = json.loads(request.body)
    except ValueError:
        return JsonResponse({"error": "not JSON"}, status=400)
    try:
        result = intake.receive(get_channel("sms").parse(payload))
    except InvalidInbound as exc:
        return JsonResponse({"errors": exc.errors}, status=400)
    return JsonResponse({"ticket": result.ticket.reference, "duplicate": result.duplicate})


# [/docs:webhook]


# [docs:register]
@hookimpl
def helpdesk_register_channels() -> list[Channel]:
    return [SmsChannel()]


# [/docs:register]
