"""Plain data that crosses the hook boundary.

These are what plugin authors build and receive.  No ORM imports here: a
channel adapter can construct an :class:`InboundMessage` without touching the
database.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.urls import URLPattern, URLResolver


@dataclass(frozen=True)
class InboundAttachment:
    """A file that came with an inbound message."""

    filename: str
    content_type: str
    content: bytes
    #: The MIME ``Content-ID`` without its angle brackets (inline images in
    #: mail, referenced from the HTML as ``cid:<content_id>``), or ``""``.
    content_id: str = ""


@dataclass(frozen=True)
class InboundMessage:
    """A message from a customer, normalised by its channel adapter.

    ``external_id`` identifies the message within its channel (a Message-ID, a
    chat event id, a form submission token); intake stores each
    ``(channel, external_id)`` once, so re-delivery is harmless.

    ``reply_to`` carries what the channel knows about the conversation this
    message continues: ticket references, Message-IDs, a signed portal token.
    The match hooks read it; a reference alone is never proof of identity.
    """

    channel: str
    external_id: str
    sender_email: str = ""
    sender_name: str = ""
    sender_phone: str = ""
    #: The customer's id in that channel (chat handle, phone number); stored as
    #: a channel identity of the customer.
    sender_handle: str = ""
    subject: str = ""
    body_text: str = ""
    body_html: str = ""
    attachments: tuple[InboundAttachment, ...] = ()
    reply_to: tuple[str, ...] = ()
    #: Ticket the sender is already authorised for (the portal, a signed link).
    #: Channels set it only after checking the sender's right to that ticket.
    ticket_reference: str = ""
    #: Queue slug the channel asks for (a contact page configured for a desk).
    queue: str = ""
    #: The shop identity the customer gave: account, order or contract number.
    shop_reference: str = ""
    #: The category the customer chose (a contact form's "What is it about?").
    #: A classifier's category, when one gives any, wins.
    category: str = ""
    #: Values the customer gave for custom fields (e.g. ``{"product": "Kettle K2"}``);
    #: validated against the ticket queue's field definitions, invalid ones dropped.
    custom_fields: dict[str, Any] = field(default_factory=dict)
    language: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Everything but attachment bytes, for the raw inbound record."""
        data = dataclasses.asdict(self)
        data["attachments"] = [
            {"filename": a.filename, "content_type": a.content_type, "size": len(a.content), "content_id": a.content_id}
            for a in self.attachments
        ]
        data["reply_to"] = list(self.reply_to)
        return data


@dataclass
class Classification:
    """What a ``helpdesk_classify_message`` implementation learned about a message.

    Every field is optional; intake merges all results (see the hook's docstring).
    """

    priority: int | None = None
    tags: list[str] = field(default_factory=list)
    queue: str | None = None
    category: str | None = None
    custom_fields: dict[str, Any] = field(default_factory=dict)
    #: Ids of knowledge-base articles that may answer the message, best first;
    #: intake stores them for the agent's ticket view (all results are merged).
    articles: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Reason:
    """One part of a routing reason, translated into the reader's language when it is shown.

    ``message`` is an English message id marked with ``gettext_noop`` (so
    ``makemessages`` finds it), with ``%(name)s`` placeholders that ``params``
    fill after translation; ``params`` values must be JSON-serialisable (they
    are stored in the ticket's ``routed`` event).  ``str(reason)`` gives the
    text in the active language.
    """

    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return render_message(self.message, self.params)


def render_message(message: str, params: dict[str, Any] | None = None) -> str:
    """``gettext(message) % params`` in the active language, never raising.

    Without ``params`` the message is only translated, so a plain-text reason
    holding a ``%`` comes out as it is.  A translation whose placeholders do not
    match falls back to the English message, and that to the message as given.
    """
    from django.utils.translation import gettext

    translated = gettext(message) if message else ""
    if not params:
        return translated
    for text in (translated, message):
        try:
            return text % params
        except (KeyError, ValueError, TypeError):
            continue
    return message


@dataclass
class RoutingDecision:
    """Where a new ticket goes, and why (the reason is recorded in its events).

    The reason is translated when it is shown, in the reader's language: give
    ``reason`` as a message marked with ``gettext_noop`` and its placeholders'
    values in ``reason_params``, e.g. ``reason=gettext_noop("VIP customer of
    %(shop)s"), reason_params={"shop": "Kettles"}``.  A plain string still
    works (it is shown as it is, or translated if the catalogue has it).
    ``more_reasons`` holds further parts, shown after ``reason`` joined with
    ``"; "``; a wrapper router changes the parts with :meth:`reasons` and
    :meth:`set_reasons`.
    """

    #: Slug of the queue; ignored when ``queue_id`` is given.
    queue: str | None = None
    queue_id: int | None = None
    #: Primary key of the user to assign, or None to leave it in the queue.
    assignee_id: int | None = None
    #: Why, for the ticket's history: a ``gettext_noop`` message, or plain text.
    reason: str = ""
    #: Values of the ``%(name)s`` placeholders in ``reason`` (JSON-serialisable).
    reason_params: dict[str, Any] = field(default_factory=dict)
    #: Further parts of the reason, in order, each translated on its own.
    more_reasons: list[Reason] = field(default_factory=list)
    #: Priority to set (a ``Priority`` value), or None to keep the classified one.
    priority: int | None = None
    #: Tag names to add to the ticket, besides the classifiers' tags.
    tags: list[str] = field(default_factory=list)

    def reasons(self) -> list[Reason]:
        """Every part of the reason, ``reason`` first; empty when none was given."""
        first = [Reason(self.reason, dict(self.reason_params))] if self.reason else []
        return [*first, *self.more_reasons]

    def set_reasons(self, reasons: list[Reason]) -> None:
        """Replace the whole reason: the first part becomes ``reason``, the rest ``more_reasons``."""
        first, *rest = reasons or [Reason("")]
        self.reason, self.reason_params, self.more_reasons = first.message, dict(first.params), list(rest)


@dataclass
class AutoReply:
    """A message to send to the customer, chosen by ``helpdesk_choose_auto_reply``."""

    subject: str
    body_text: str
    body_html: str = ""
    template: str = ""


@dataclass(frozen=True)
class OutboundEnvelope:
    """What a channel's ``send()`` receives: one message to deliver."""

    outbound_id: int
    channel: str
    recipient: str
    subject: str
    body_text: str
    body_html: str = ""
    ticket_reference: str = ""
    #: Message-IDs (or the channel's equivalent) this message answers.
    in_reply_to: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    attachments: tuple[InboundAttachment, ...] = ()


@dataclass(frozen=True)
class DeliveryReceipt:
    """A successful delivery: the id the remote side gave the message, if any."""

    external_id: str = ""


@dataclass
class ContextPanel:
    """A panel shown beside a ticket in the agent view.

    Give either ``template_name`` + ``context`` (preferred) or pre-escaped
    ``html``.  Panels are sorted by ``order``, then title.
    """

    title: str
    template_name: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    html: str = ""
    order: int = 100


@dataclass(frozen=True)
class TicketEventPayload:
    """Passed to ``helpdesk_ticket_event`` after the change is committed.

    ``kind`` is one of :class:`wagtail_helpdesk.models.EventKind` (``created``,
    ``message``, ``reply``, ``note``, ``status``, ``assigned``, ``claimed``,
    ``transferred``, ``merged``, ``routed``, ``priority`` ...).  ``data`` holds
    the event's details as stored in the audit trail, e.g. ``{"from": "new",
    "to": "open"}`` for a status change.
    """

    event_id: int
    kind: str
    ticket_id: int
    ticket_reference: str
    actor_user_id: int | None
    actor_customer_id: int | None
    data: dict[str, Any]


class Channel:
    """Base class for channel adapters returned by ``helpdesk_register_channels``.

    A channel turns what it receives into :class:`InboundMessage` objects and
    hands them to ``wagtail_helpdesk.services.intake.receive()``; it delivers
    outbound messages in :meth:`send`, which the outbox task calls with retries.
    """

    #: Short unique code stored on tickets and messages, e.g. ``"email"``.
    code: str = ""
    #: Human-readable name shown to agents.
    label: str = ""

    def parse(self, payload: Any) -> InboundMessage:
        """Normalise one raw payload of this channel into an InboundMessage.

        Raise :class:`wagtail_helpdesk.exceptions.InvalidInbound` for a payload
        that cannot be understood.
        """
        raise NotImplementedError

    def send(self, envelope: OutboundEnvelope) -> DeliveryReceipt:
        """Deliver one message; raise ``RetryableDeliveryError`` to be retried later
        or ``PermanentDeliveryError`` when retrying cannot help."""
        raise NotImplementedError

    def get_urls(self) -> list[URLPattern | URLResolver]:
        """URL patterns for inbound webhooks, mounted under the helpdesk's URLs."""
        return []

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.code!r}>"
