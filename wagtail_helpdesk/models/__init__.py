"""Models, one module per aggregate; this package re-exports them."""

from .api import DEFAULT_WEBHOOK_EVENTS, ChannelToken, WebhookDelivery, WebhookEndpoint
from .customers import Customer, CustomerIdentity
from .events import EventKind, TicketEvent
from .mailboxes import Mailbox
from .messages import Attachment, InboundRecord, Message, attachment_storage
from .outbox import OutboundMessage
from .pages import ContactFormPage, ContactFormPageMixin
from .queues import CustomField, Queue
from .reply_templates import ReplyTemplate
from .routing import AgentProfile, RoutingRule
from .tickets import ACTIVE_STATUSES, Priority, SLAState, Status, Tag, Ticket, TicketFollower, TicketLink

__all__ = [
    "ACTIVE_STATUSES",
    "DEFAULT_WEBHOOK_EVENTS",
    "AgentProfile",
    "Attachment",
    "ChannelToken",
    "ContactFormPage",
    "ContactFormPageMixin",
    "CustomField",
    "Customer",
    "CustomerIdentity",
    "EventKind",
    "InboundRecord",
    "Mailbox",
    "Message",
    "OutboundMessage",
    "Priority",
    "Queue",
    "ReplyTemplate",
    "RoutingRule",
    "SLAState",
    "Status",
    "Tag",
    "Ticket",
    "TicketEvent",
    "TicketFollower",
    "TicketLink",
    "WebhookDelivery",
    "WebhookEndpoint",
    "attachment_storage",
]
