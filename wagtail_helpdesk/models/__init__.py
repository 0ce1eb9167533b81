"""Models, one module per aggregate; this package re-exports them."""

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
from .tickets import ACTIVE_STATUSES, Priority, SLAState, Status, Tag, Ticket, TicketFollower, TicketLink

__all__ = [
    "ACTIVE_STATUSES",
    "AgentProfile",
    "ArticleFeedback",
    "ArticleOrder",
    "ArticleViewCount",
    "Attachment",
    "ContactFormPage",
    "ContactFormPageMixin",
    "CustomField",
    "Customer",
    "CustomerIdentity",
    "DeflectionEvent",
    "DeflectionKind",
    "EventKind",
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
    "SLAState",
    "Status",
    "Tag",
    "Ticket",
    "TicketArticleSuggestion",
    "TicketEvent",
    "TicketFollower",
    "TicketLink",
    "attachment_storage",
]
