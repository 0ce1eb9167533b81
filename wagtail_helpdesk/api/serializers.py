"""Serializers validate and shape; they never write.  Views hand validated data to services."""

from __future__ import annotations

from typing import Any

from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..conf import helpdesk_settings
from ..models import (
    Attachment,
    CannedResponse,
    Customer,
    KBArticlePage,
    Message,
    Priority,
    Queue,
    ReplyTemplate,
    SLAState,
    Status,
    Ticket,
)
from ..services import kb_articles
from ..services.attachments import safe_filename
from ..types import InboundAttachment


def user_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class AgentRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class CustomerRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    #: Plain strings, not ``format: email``: a customer known only by a chat handle has none.
    email = serializers.CharField()


class TicketSerializer(serializers.ModelSerializer):
    """A ticket as agents see it."""

    status_label = serializers.CharField(read_only=True)
    queue = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    assignee = serializers.SerializerMethodField()
    customer = serializers.SerializerMethodField()
    tags = serializers.SerializerMethodField()
    sla_state = serializers.SerializerMethodField()

    class Meta:
        model = Ticket
        fields = [
            "reference",
            "subject",
            "status",
            "status_label",
            "priority",
            "channel",
            "queue",
            "assignee",
            "customer",
            "tags",
            "category",
            "shop_reference",
            "language",
            "custom_fields",
            "sla_state",
            "sla_due_at",
            "first_response_due",
            "resolution_due",
            "first_responded_at",
            "resolved_at",
            "closed_at",
            "created_at",
            "updated_at",
            "last_activity_at",
        ]
        read_only_fields = fields

    @extend_schema_field(AgentRefSerializer(allow_null=True))
    def get_assignee(self, ticket: Ticket) -> dict | None:
        if ticket.assignee_id is None:
            return None
        return {"id": ticket.assignee_id, "name": user_name(ticket.assignee)}

    @extend_schema_field(CustomerRefSerializer)
    def get_customer(self, ticket: Ticket) -> dict:
        customer = ticket.customer
        return {"id": customer.pk, "name": customer.name, "email": customer.email}

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tags(self, ticket: Ticket) -> list[str]:
        return [tag.name for tag in ticket.tags.all()]

    @extend_schema_field(serializers.ChoiceField(choices=[("", ""), *SLAState.choices]))
    def get_sla_state(self, ticket: Ticket) -> str:
        return str(ticket.sla_state())


class CustomerTicketSerializer(serializers.ModelSerializer):
    """A ticket as its customer sees it: no queue, assignee, tags or SLA."""

    status_label = serializers.CharField(read_only=True)

    class Meta:
        model = Ticket
        fields = ["reference", "subject", "status", "status_label", "created_at", "last_activity_at"]
        read_only_fields = fields


class AttachmentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "filename", "content_type", "size", "url"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, attachment: Attachment) -> str:
        """The permission-checked download view (``wagtail_helpdesk:attachment``), if the site mounts it."""
        try:
            path = reverse("wagtail_helpdesk:attachment", kwargs={"pk": attachment.pk})
        except NoReverseMatch:
            return ""
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class AuthorSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=[("customer", "customer"), ("agent", "agent"), ("system", "system")])
    name = serializers.CharField()


class MessageSerializer(serializers.ModelSerializer):
    author = serializers.SerializerMethodField()
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = Message
        fields = ["id", "kind", "channel", "author", "subject", "body_text", "body_html", "created_at", "attachments"]
        read_only_fields = fields

    @extend_schema_field(AuthorSerializer)
    def get_author(self, message: Message) -> dict:
        if message.author_customer_id:
            customer = message.author_customer
            return {"type": "customer", "name": customer.name or customer.email}
        if message.author_user_id:
            return {"type": "agent", "name": user_name(message.author_user)}
        return {"type": "system", "name": ""}


class CustomerSerializer(serializers.ModelSerializer):
    email = serializers.CharField(read_only=True, help_text=_("Empty for a customer known only by a handle."))

    class Meta:
        model = Customer
        fields = ["id", "name", "email", "phone", "shop_account", "language", "created_at"]
        read_only_fields = fields


class QueueSerializer(serializers.ModelSerializer):
    email = serializers.CharField(read_only=True)

    class Meta:
        model = Queue
        fields = ["id", "name", "slug", "email", "is_default"]
        read_only_fields = fields


class ReplyTemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReplyTemplate
        fields = ["id", "name", "event", "language", "subject", "body", "is_active"]
        read_only_fields = fields


# -------------------------------------------------------------------------
# Input
# -------------------------------------------------------------------------


class UploadsField(serializers.ListField):
    """Uploaded files, turned into :class:`InboundAttachment` for the services' own checks.

    Type and content are checked by ``services.attachments.validate`` (the
    same limits as the contact form) when the service stores them; count and
    size are checked here too, so an oversized file is never read into memory.
    """

    child = serializers.FileField(allow_empty_file=False)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_empty", True)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> list[InboundAttachment]:
        files = super().to_internal_value(data)
        if len(files) > helpdesk_settings.MAX_ATTACHMENTS:
            raise serializers.ValidationError(
                _("At most %(count)d files can be attached.") % {"count": helpdesk_settings.MAX_ATTACHMENTS}
            )
        checked = []
        for upload in files:
            if upload.size > helpdesk_settings.MAX_ATTACHMENT_BYTES:
                # Refused before reading it into memory, in services.attachments.validate's words.
                raise serializers.ValidationError(
                    _("%(name)s is larger than %(limit)s.")
                    % {
                        "name": safe_filename(upload.name or ""),
                        "limit": filesizeformat(helpdesk_settings.MAX_ATTACHMENT_BYTES),
                    }
                )
            checked.append(
                InboundAttachment(
                    filename=upload.name or "",
                    content_type=getattr(upload, "content_type", "") or "application/octet-stream",
                    content=upload.read(),
                )
            )
        return checked


class TicketCreateSerializer(serializers.Serializer):
    """A new ticket; an agent names the customer, a customer writes as themselves."""

    customer_email = serializers.EmailField(required=False, allow_blank=True, max_length=254)
    customer_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    customer_phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    subject = serializers.CharField(max_length=255)
    body_text = serializers.CharField(max_length=200_000)
    queue = serializers.SlugField(required=False, allow_blank=True, max_length=100)
    shop_reference = serializers.CharField(required=False, allow_blank=True, max_length=100)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16)
    attachments = UploadsField()

    def validate_queue(self, value: str) -> str:
        if value and not Queue.objects.filter(slug=value).exists():
            raise serializers.ValidationError(_("No queue has this slug."))
        return value


class StatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)


class PrioritySerializer(serializers.Serializer):
    priority = serializers.ChoiceField(choices=Priority.choices)


class QueueChangeSerializer(serializers.Serializer):
    queue = serializers.SlugRelatedField(slug_field="slug", queryset=Queue.objects.all())
    note = serializers.CharField(required=False, allow_blank=True, max_length=10_000)


class AssigneeSerializer(serializers.Serializer):
    assignee = serializers.IntegerField(allow_null=True, min_value=1, help_text=_("User id, or null for nobody."))


class TagsSerializer(serializers.Serializer):
    tags = serializers.ListField(child=serializers.CharField(max_length=50), max_length=50, allow_empty=True)


class ReplySerializer(serializers.Serializer):
    body_text = serializers.CharField(max_length=200_000)
    status = serializers.ChoiceField(choices=Status.choices, required=False, help_text=_("Agents only."))
    attachments = UploadsField()


class NoteSerializer(serializers.Serializer):
    body_text = serializers.CharField(max_length=200_000)


class GatewayAttachmentSerializer(serializers.Serializer):
    filename = serializers.CharField(max_length=255)
    content_type = serializers.CharField(max_length=100, required=False)
    content_base64 = serializers.CharField()


class GatewayMessageSerializer(serializers.Serializer):
    """What the built-in ``api`` channel reads (other gateway channels may read more); for the schema."""

    external_id = serializers.CharField(max_length=240)
    sender_email = serializers.EmailField(required=False)
    sender_name = serializers.CharField(required=False)
    sender_phone = serializers.CharField(required=False)
    sender_handle = serializers.CharField(required=False, help_text=_("The customer's id in your system."))
    subject = serializers.CharField(required=False)
    body_text = serializers.CharField(required=False)
    body_html = serializers.CharField(required=False)
    queue = serializers.CharField(required=False)
    shop_reference = serializers.CharField(required=False)
    language = serializers.CharField(required=False)
    reply_to = serializers.ListField(child=serializers.CharField(), required=False)
    metadata = serializers.DictField(required=False)
    attachments = GatewayAttachmentSerializer(many=True, required=False)


class GatewayTicketSerializer(serializers.ModelSerializer):
    """What an adapter learns about the ticket: enough to show the customer, nothing internal."""

    status_label = serializers.CharField(read_only=True)

    class Meta:
        model = Ticket
        fields = ["reference", "subject", "status", "status_label", "created_at"]
        read_only_fields = fields


class GatewayResultSerializer(serializers.Serializer):
    ticket = GatewayTicketSerializer()
    message_id = serializers.IntegerField()
    created = serializers.BooleanField()
    duplicate = serializers.BooleanField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class CannedResponseSerializer(serializers.ModelSerializer):
    #: The queue it is restricted to (slug), ``null`` when every queue may use it.
    queue = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = CannedResponse
        fields = ["id", "title", "body", "queue", "updated_at"]
        read_only_fields = fields


class RenderedCannedResponseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    #: Plain text with the ticket's values filled in; put it into a text field, never into HTML.
    text = serializers.CharField()


class KBArticleSerializer(serializers.ModelSerializer):
    """An article in a list: enough to show a link and decide whether to open it."""

    url = serializers.SerializerMethodField()
    locale = serializers.CharField(source="locale.language_code", read_only=True)
    tags = serializers.SerializerMethodField()
    category = serializers.CharField(source="category_title", read_only=True, default="")
    updated = serializers.DateTimeField(source="last_published_at", read_only=True)

    class Meta:
        model = KBArticlePage
        fields = ["id", "title", "summary", "url", "locale", "tags", "category", "updated"]
        read_only_fields = fields

    def get_url(self, article: KBArticlePage) -> str:
        return article.get_full_url(self.context.get("request")) or ""

    def get_tags(self, article: KBArticlePage) -> list[str]:
        return kb_articles.tag_names(article)


class KBArticleDetailSerializer(KBArticleSerializer):
    """One article with its body as the site renders it (HTML from the article's blocks)."""

    body_html = serializers.SerializerMethodField()
    related = serializers.SerializerMethodField(help_text=_("Ids of related articles."))

    class Meta(KBArticleSerializer.Meta):
        fields = [*KBArticleSerializer.Meta.fields, "body_html", "related"]
        read_only_fields = fields

    def get_body_html(self, article: KBArticlePage) -> str:
        return str(kb_articles.body_html(article, self.context.get("request")))

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_related(self, article: KBArticlePage) -> list[int]:
        return kb_articles.related_ids(article)


class KBSearchHitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()
    full_url = serializers.CharField()
    summary = serializers.CharField()
    #: The summary, HTML-escaped, with the query's words in ``<mark>``.
    highlighted_summary = serializers.CharField()
    category = serializers.CharField()


class KBSearchResultSerializer(serializers.Serializer):
    query = serializers.CharField(help_text=_("The query as searched (cleaned and shortened)."))
    results = KBSearchHitSerializer(many=True)
