"""Built-in ``email`` channel: raw RFC 5322 mail in, replies out through Django's mail backend.

Parsing uses the standard library's modern email API (``policy.default``).
Mailbox polling, quote trimming and bounce handling build on this adapter.
"""

from __future__ import annotations

import email
import hashlib
import re
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from django.utils.translation import gettext_lazy as _

from .. import hookimpl
from ..exceptions import InvalidInbound
from ..sanitize import html_to_text
from ..services.mail import send_email
from ..types import Channel, DeliveryReceipt, InboundAttachment, InboundMessage, OutboundEnvelope

_AUTO_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
#: Local parts of the senders of non-delivery reports.
_BOUNCE_SENDERS = {"mailer-daemon", "postmaster"}
_MESSAGE_ID_LINE = re.compile(r"^message-id:\s*(<[^>\s]+>)", re.IGNORECASE | re.MULTILINE)


class EmailChannel(Channel):
    code = "email"
    label = _("Email")

    def parse(self, payload: bytes) -> InboundMessage:
        """``payload``: the raw message bytes as received from the mail server."""
        if not isinstance(payload, (bytes, bytearray)) or not payload.strip():
            raise InvalidInbound({"message": _("Empty or non-binary mail payload.")})
        try:
            msg = email.message_from_bytes(bytes(payload), policy=policy.default)
        except Exception as exc:  # the parser is lenient; this guards pathological input
            raise InvalidInbound({"message": _("Unreadable mail: %(error)s") % {"error": exc}}) from exc
        sender_name, sender_email = parseaddr(_header(msg, "Reply-To") or _header(msg, "From"))
        if not sender_email:
            sender_name, sender_email = parseaddr(_header(msg, "From"))
        message_id = _header(msg, "Message-ID").strip()
        if not message_id:
            # No Message-ID: derive a stable one so re-delivery is still recognised.
            message_id = "<sha256." + hashlib.sha256(bytes(payload)).hexdigest() + "@missing>"
        body_text, body_html, files = _bodies(msg)
        reply_to = tuple(
            ref
            for header in ("In-Reply-To", "References")
            for ref in _header(msg, header).split()
            if ref.startswith("<")
        )
        bounce = _bounce(msg)
        return InboundMessage(
            channel=self.code,
            external_id=message_id[:255],
            sender_email=sender_email,
            sender_name=sender_name,
            subject=_header(msg, "Subject"),
            body_text=body_text,
            body_html=body_html,
            attachments=tuple(files),
            reply_to=reply_to,
            metadata={
                "auto_submitted": _is_automatic(msg) or bounce is not None,
                "from": parseaddr(_header(msg, "From"))[1],
                **({"bounce": bounce} if bounce is not None else {}),
                "to": [addr for _name, addr in getaddresses([_header(msg, "To"), _header(msg, "Cc")]) if addr],
            },
        )

    def send(self, envelope: OutboundEnvelope) -> DeliveryReceipt:
        return send_email(envelope)


def _header(msg: EmailMessage, name: str) -> str:
    try:
        value = msg.get(name, "")
    except Exception:  # a header the policy cannot decode: keep its raw text
        value = msg.get_all(name, [""])[0] if hasattr(msg, "get_all") else ""
    return str(value or "")


def _decoded(part: EmailMessage) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError, AssertionError):
        raw = part.get_payload(decode=True) or b""
        return raw.decode("utf-8", errors="replace")


def _bodies(msg: EmailMessage) -> tuple[str, str, list[InboundAttachment]]:
    text_part = msg.get_body(preferencelist=("plain",))
    html_part = msg.get_body(preferencelist=("html",))
    body_text = _decoded(text_part) if text_part is not None else ""
    body_html = _decoded(html_part) if html_part is not None else ""
    if not body_text and body_html:
        body_text = html_to_text(body_html)
    files = []
    for part in msg.iter_attachments():
        content = part.get_payload(decode=True)
        if content is None:
            continue
        files.append(
            InboundAttachment(
                filename=part.get_filename() or "attachment", content_type=part.get_content_type(), content=content
            )
        )
    return body_text, body_html, files


def _is_automatic(msg: EmailMessage) -> bool:
    """RFC 3834 and the common vendor headers that mark machine-sent mail."""
    if _header(msg, "Auto-Submitted").lower() not in ("", "no"):
        return True
    if _header(msg, "Precedence").lower() in _AUTO_PRECEDENCE:
        return True
    return any(_header(msg, h) for h in ("X-Autoreply", "X-Autorespond"))


def _bounce(msg: EmailMessage) -> dict | None:
    """A non-delivery report: the Message-IDs of the mail it returns, and why it failed.

    Recognised by its structure (RFC 3464 ``multipart/report;
    report-type=delivery-status``) or, for the many servers that send plain
    text, by its sender (MAILER-DAEMON, postmaster).
    """
    is_dsn = msg.get_content_type() == "multipart/report" and (
        str(msg.get_param("report-type", "")).lower() == "delivery-status"
    )
    local_part = parseaddr(_header(msg, "From"))[1].partition("@")[0].lower()
    if not is_dsn and local_part not in _BOUNCE_SENDERS:
        return None
    message_ids: list[str] = []
    reasons: list[str] = []
    recipients: list[str] = []
    for part in msg.walk():
        if part is msg and msg.is_multipart():
            continue
        content_type = part.get_content_type()
        if content_type == "message/delivery-status":
            for block in part.get_payload() or []:
                status = str(block.get("Status", "")).strip()
                if not status:
                    continue
                diagnostic = " ".join(str(block.get("Diagnostic-Code", "")).split())
                reasons.append(f"{status} {diagnostic}".strip())
                recipient = str(block.get("Final-Recipient", "") or block.get("Original-Recipient", ""))
                recipients.append(recipient.rpartition(";")[2].strip())
        elif content_type == "message/rfc822":
            returned = part.get_payload()
            returned = returned[0] if isinstance(returned, list) and returned else returned
            if hasattr(returned, "get"):
                message_ids.append(str(returned.get("Message-ID", "")).strip())
        elif content_type in ("text/rfc822-headers", "text/plain") and not part.get_filename():
            message_ids += _MESSAGE_ID_LINE.findall(_decoded(part))
    return {
        "message_ids": list(dict.fromkeys(mid for mid in message_ids if mid)),
        "reason": "; ".join(reasons) or _header(msg, "Subject"),
        "recipients": [r for r in recipients if r],
    }


@hookimpl
def helpdesk_register_channels() -> list[Channel]:
    return [EmailChannel()]
