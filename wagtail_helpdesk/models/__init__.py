"""Models, one module per aggregate; this package re-exports them."""

from .agent_notifications import AgentNotification
from .api import DEFAULT_WEBHOOK_EVENTS, ChannelToken, WebhookDelivery, WebhookEndpoint
from .automation import AutomationRule, AutomationRun
from .canned_responses import CannedResponse
from .csat import SatisfactionRating
from .customers import Customer, CustomerIdentity
from .events import EventKind, TicketEvent
from .kb import (
    ArticleOrder,
    KBArticlePage,
    KBArticlePageMixin,
    KBArticleTag,
    KBCategoryPage,
    KBCategoryPageMixin,
    KBRelatedArticle,
    KnowledgeBasePage,
    KnowledgeBasePageMixin,
)
from .kb_activity import ArticleFeedback, ArticleViewCount, DeflectionEvent, DeflectionKind, TicketArticleSuggestion
from .mailboxes import Mailbox
from .messages import Attachment, InboundRecord, Message, attachment_storage
from .outbox import OutboundMessage
from .pages import ContactFormPage, ContactFormPageMixin
from .queues import CustomField, Queue
from .reply_templates import ReplyTemplate
from .routing import AgentProfile, RoutingRule
from .saved_views import SavedView
from .sla import BusinessCalendar, BusinessHours, Holiday, SLANotice, SLAPolicy, SLATarget
from .tickets import ACTIVE_STATUSES, Priority, SLAState, Status, Tag, Ticket, TicketFollower, TicketLink

__all__ = [
    "ACTIVE_STATUSES",
    "DEFAULT_WEBHOOK_EVENTS",
    "AgentNotification",
    "AgentProfile",
    "ArticleFeedback",
    "ArticleOrder",
    "ArticleViewCount",
    "Attachment",
    "AutomationRule",
    "AutomationRun",
    "BusinessCalendar",
    "BusinessHours",
    "CannedResponse",
    "ChannelToken",
    "ContactFormPage",
    "ContactFormPageMixin",
    "CustomField",
    "Customer",
    "CustomerIdentity",
    "DeflectionEvent",
    "DeflectionKind",
    "EventKind",
    "Holiday",
    "InboundRecord",
    "KBArticlePage",
    "KBArticlePageMixin",
    "KBArticleTag",
    "KBCategoryPage",
    "KBCategoryPageMixin",
    "KBRelatedArticle",
    "KnowledgeBasePage",
    "KnowledgeBasePageMixin",
    "Mailbox",
    "Message",
    "OutboundMessage",
    "Priority",
    "Queue",
    "ReplyTemplate",
    "RoutingRule",
    "SLANotice",
    "SLAPolicy",
    "SLAState",
    "SLATarget",
    "SatisfactionRating",
    "SavedView",
    "Status",
    "Tag",
    "Ticket",
    "TicketArticleSuggestion",
    "TicketEvent",
    "TicketFollower",
    "TicketLink",
    "WebhookDelivery",
    "WebhookEndpoint",
    "attachment_storage",
]
