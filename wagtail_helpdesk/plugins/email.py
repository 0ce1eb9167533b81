"""Built-in ``email`` channel: raw RFC 5322 mail in, replies out through Django's mail backend.

Parsing uses the standard library's modern email API (``policy.default``, each header parsed once),
with fallbacks for what real clients send: unknown and mislabelled charsets,
raw 8-bit headers, multiparts without a boundary.  The displayed text has the
quoted conversation and signature trimmed (``services.quotes``); attachments
and inline images over the limits are dropped with a visible note.
"""

from __future__ import annotations

import email
import hashlib
import mimetypes
import re
from email import policy
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

from django.utils.translation import gettext_lazy as _

from .. import hookimpl
from ..conf import helpdesk_settings
from ..exceptions import InvalidInbound
from ..sanitize import html_to_text
from ..services import attachments, loops, quotes
from ..services.mail import send_email
from ..types import Channel, DeliveryReceipt, InboundAttachment, InboundMessage, OutboundEnvelope

_AUTO_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}


class _ParseOncePolicy(policy.EmailPolicy):
    """``policy.default`` that parses each header value once per mail.

    The standard policy builds a new header object on every read, and reading
    one mail reads its Content-Type headers some fifteen times (``get_body``,
    ``get_content_type``, ...): most of the parse time (issue 6).  The header
    objects are immutable, so handing out the same one again changes nothing.
    A new instance (with an empty memo) is made for every mail.
    """

    header_memo: dict | None = None

    def header_fetch_parse(self, name, value):
        memo = self.header_memo
        if memo is None or hasattr(value, "name"):
            return super().header_fetch_parse(name, value)
        key = (name, value)
        header = memo.get(key)
        if header is None:
            header = memo[key] = super().header_fetch_parse(name, value)
        return header


def _policy() -> policy.EmailPolicy:
    return _ParseOncePolicy(header_memo={}, header_factory=policy.default.header_factory)


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
            msg = email.message_from_bytes(bytes(payload), policy=_policy())
            if not msg.keys():
                raise InvalidInbound({"message": _("Not an email message: it has no headers.")})
            return self._parse(msg, bytes(payload))
        except InvalidInbound:
            raise
        except Exception as exc:  # the parser is lenient; this guards pathological input
            raise InvalidInbound({"message": _("Unreadable mail: %(error)s") % {"error": exc}}) from exc

    def _parse(self, msg: EmailMessage, payload: bytes) -> InboundMessage:
        from_name, from_email = parseaddr(_header(msg, "From"))
        sender_name, sender_email = parseaddr(_header(msg, "Reply-To"))
        # Reply-To says where answers go, unless it points back at us (lists, forwarding rules).
        if not sender_email or "@" not in sender_email or loops.is_own_address(sender_email.lower()):
            sender_name, sender_email = from_name, from_email
        sender_name = sender_name or (from_name if sender_email == from_email else "")
        message_id = _raw_header(msg, "Message-ID").strip()
        if not message_id:
            # No Message-ID: derive a stable one so re-delivery is still recognised.
            message_id = "<sha256." + hashlib.sha256(payload).hexdigest() + "@missing>"
        body_text, body_html, files = _bodies(msg)
        body_html = quotes.trim_html(body_html) if body_html else ""
        if not body_text.strip() and body_html:
            body_text = html_to_text(body_html)  # HTML-only mail, already trimmed
        visible, quoted = quotes.trim_text(body_text)
        kept, dropped = _acceptable(files)
        if dropped:
            note = _("Attachments not kept: %(problems)s") % {"problems": " ".join(dropped)}
            visible = f"{visible.rstrip()}\n\n[{note}]".lstrip()
        reply_to = tuple(
            ref
            for header in ("In-Reply-To", "References")
            for ref in _raw_header(msg, header).split()
            if ref.startswith("<")
        )
        bounce = _bounce(msg)
        recipients = getaddresses(
            [_raw_header(msg, name) for name in ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")]
        )
        return InboundMessage(
            channel=self.code,
            external_id=message_id[:255],
            sender_email=sender_email,
            sender_name=sender_name,
            subject=" ".join(_header(msg, "Subject").split()),
            body_text=visible,
            body_html=body_html,
            attachments=tuple(kept),
            reply_to=reply_to,
            metadata={
                "auto_submitted": _is_automatic(msg) or bounce is not None,
                "from": from_email,
                **({"bounce": bounce} if bounce is not None else {}),
                **({"quoted_text": quoted[:QUOTED_KEPT]} if quoted else {}),
                **({"dropped_attachments": dropped} if dropped else {}),
                "to": list(dict.fromkeys(addr for _name, addr in recipients if addr)),
            },
        )

    def send(self, envelope: OutboundEnvelope) -> DeliveryReceipt:
        return send_email(envelope)


#: Characters of the trimmed quote kept in the inbound record's payload (the raw mail has all).
QUOTED_KEPT = 20_000
#: Charset labels clients write that Python does not know, or that mean a superset in practice
#: (WHATWG encoding standard: ISO-8859-1 and ASCII labels are decoded as Windows-1252).
_CHARSET_ALIASES = {
    "ks_c_5601-1987": "cp949",
    "x-mac-ce": "mac_latin2",
    "iso-8859-8-i": "iso-8859-8",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "windows-874": "cp874",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "x-user-defined": "cp1252",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}
_WESTERN = {"cp1252", ""}


def _raw_header(msg: EmailMessage, name: str) -> str:
    """A header's text as it arrived, unfolded, without the policy's parse.

    For headers made of tokens and addresses only (Message-IDs, recipients,
    flags), where the parse would only cost time: the policy builds a
    structured header object for each, the largest part of reading a mail.
    """
    name = name.lower()
    value = next((str(raw) for key, raw in msg.raw_items() if key.lower() == name), "")
    return _eight_bit(" ".join(value.split()))


def _header(msg: EmailMessage, name: str) -> str:
    try:
        value = str(msg.get(name, "") or "")
    except Exception:  # a header the policy cannot decode: keep its raw text
        raw = msg.get_all(name, failobj=[""]) if hasattr(msg, "get_all") else [""]
        value = str(getattr(raw[0], "_parse_tree", None) or raw[0] or "") if raw else ""
    return _eight_bit(value)


def _eight_bit(value: str) -> str:
    if any("\udc80" <= char <= "\udcff" for char in value):
        # Raw 8-bit bytes in a header (RFC 6532 mail, or a client that forgot to encode).
        data = value.encode("utf-8", errors="surrogateescape")
        try:
            value = data.decode("utf-8")
        except UnicodeDecodeError:
            value = data.decode("cp1252", errors="replace")
    return value


def _decoded(part: EmailMessage) -> str:
    """The text of a part: its declared charset, unless the bytes say otherwise."""
    raw = part.get_payload(decode=True) or b""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", errors="surrogateescape")
    declared = str(part.get_content_charset() or "").strip().lower()
    charset = _CHARSET_ALIASES.get(declared, declared)
    if charset in _WESTERN and not raw.isascii():
        # "Western" labels on bytes that are valid UTF-8 were mislabelled by the client.
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return raw.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("cp1252", errors="replace")


def _bodies(msg: EmailMessage) -> tuple[str, str, list[InboundAttachment]]:
    if msg.get_content_maintype() == "multipart" and not msg.is_multipart():
        # A multipart without a usable boundary: the parser kept the whole body as one blob of text.
        return _decoded(msg), "", []
    text_part = msg.get_body(preferencelist=("plain",))
    html_part = msg.get_body(preferencelist=("html",))
    if text_part is None and html_part is None and msg.get_content_maintype() == "text":
        text_part = msg
    body_text = _decoded(text_part) if text_part is not None else ""
    body_html = _decoded(html_part) if html_part is not None else ""
    return body_text, body_html, _files(msg, {id(text_part), id(html_part)})


def _files(msg: EmailMessage, bodies: set[int]) -> list[InboundAttachment]:
    """Every attachment and inline image, at any depth; a forwarded mail stays one ``.eml`` file."""
    found: list[InboundAttachment] = []

    def visit(part: EmailMessage) -> None:
        if id(part) in bodies:
            return
        content_type = part.get_content_type()
        if content_type == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            content = inner.as_bytes() if hasattr(inner, "as_bytes") else b""
            subject = _header(inner, "Subject") if hasattr(inner, "get") else ""
            name = part.get_filename() or f"{(subject or 'forwarded')[:60]}.eml"
            found.append(InboundAttachment(filename=name, content_type=content_type, content=content))
            return
        if part.is_multipart():
            for sub in part.iter_parts():
                visit(sub)
            return
        if part.get_content_disposition() != "attachment" and content_type in ("text/plain", "text/html"):
            return  # an alternative body, not a file
        content = part.get_payload(decode=True)
        if not content:
            return
        name = part.get_filename() or _inline_name(part)
        found.append(
            InboundAttachment(
                filename=name,
                content_type=content_type,
                content=content,
                content_id=str(part.get("Content-ID", "") or "").strip().strip("<>"),
            )
        )

    visit(msg)
    return found


def _inline_name(part: EmailMessage) -> str:
    content_id = str(part.get("Content-ID", "")).strip("<> ").partition("@")[0]
    extension = mimetypes.guess_extension(part.get_content_type()) or ""
    return f"{content_id or 'attachment'}{extension}"


def _acceptable(files: list[InboundAttachment]) -> tuple[list[InboundAttachment], list[str]]:
    """Split the files into those intake will store and a note on each one dropped.

    Mail cannot be sent back for correction the way a form can: a file over
    the limits is left out, with a visible note, and the message is still taken.
    """
    kept: list[InboundAttachment] = []
    dropped: list[str] = []
    for attachment in files:
        try:
            checked = attachments.validate([attachment])
        except InvalidInbound as exc:
            dropped.append(str(exc.errors.get("attachments", exc)))
            continue
        if len(kept) >= helpdesk_settings.MAX_ATTACHMENTS:
            dropped.append(
                _("%(name)s is over the limit of %(count)d files.")
                % {"name": checked[0].filename, "count": helpdesk_settings.MAX_ATTACHMENTS}
            )
            continue
        kept.extend(checked)
    return kept, dropped


def _is_automatic(msg: EmailMessage) -> bool:
    """RFC 3834 and the common vendor headers that mark machine-sent mail."""
    if _raw_header(msg, "Auto-Submitted").lower() not in ("", "no"):
        return True
    if _raw_header(msg, "Precedence").lower() in _AUTO_PRECEDENCE:
        return True
    if _raw_header(msg, "Return-Path").strip() == "<>":
        return True  # the null sender: only machines (DSNs, vacation programs) send with it
    # Mailing lists are bulk mail (RFC 2369/2919 headers), whatever their Precedence says.
    return any(_header(msg, h) for h in ("X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe"))


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
