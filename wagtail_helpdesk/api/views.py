"""API views: parse input, call one service function, render its result."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.response import Response

from ..admin.permissions import customer_permission_policy
from ..models import Message, Queue, ReplyTemplate, Ticket
from ..services import intake, portal, workflow
from ..services.customers import normalize_email
from . import inbound, serializers
from .base import HelpdeskAPIMixin, api_schema
from .filters import TicketFilterSet
from .pagination import HelpdeskCursorPagination, IdPagination, OldestFirstPagination
from .permissions import IsAgent, IsAgentOrCustomer, api_customer, is_agent

ERRORS = {400: serializers.ErrorSerializer, 401: serializers.ErrorSerializer, 404: serializers.ErrorSerializer}
IDEMPOTENCY = OpenApiParameter(
    "Idempotency-Key",
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="Any unique string: repeating the request with the same key changes nothing.",
)


def _fake(view) -> bool:
    """drf-spectacular builds the schema without a real user."""
    return getattr(view, "swagger_fake_view", False)


@extend_schema_view(
    list=api_schema(summary="List tickets", responses={200: serializers.TicketSerializer(many=True), **ERRORS}),
    retrieve=api_schema(summary="One ticket", responses={200: serializers.TicketSerializer, **ERRORS}),
)
class TicketViewSet(HelpdeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Tickets: agents see their queues' (managers all), customers their own and followed ones."""

    lookup_field = "reference"
    lookup_value_regex = r"[^/]+"
    permission_classes = [IsAgentOrCustomer]
    pagination_class = HelpdeskCursorPagination
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_class = TicketFilterSet
    #: Both orderings are backed by an index (``helpdesk_tkt_activity``, ``helpdesk_tkt_created``).
    ordering_fields = ["last_activity_at", "created_at"]
    ordering = ("-last_activity_at", "-pk")

    def get_queryset(self):
        if _fake(self):
            return Ticket.objects.none()
        customer = api_customer(self.request)
        if customer is not None:
            return portal.tickets_for(customer)
        return (
            Ticket.objects.visible_to(self.request.user)
            .select_related("customer", "queue", "assignee")
            .prefetch_related("tags")
        )

    def get_serializer_class(self):
        if not _fake(self) and api_customer(self.request) is not None:
            return serializers.CustomerTicketSerializer
        return serializers.TicketSerializer

    def _ticket(self) -> Ticket:
        """The ticket in the URL, if the caller may see it; 404 otherwise (existence never leaks)."""
        reference = self.kwargs[self.lookup_field]
        ticket = self.get_queryset().filter(reference=reference).first()
        if ticket is None:
            raise NotFound(_("No ticket with this reference."))
        return ticket

    def get_object(self) -> Ticket:
        ticket = self._ticket()
        self.check_object_permissions(self.request, ticket)
        return ticket

    def _render(self, ticket: Ticket, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().filter(pk=ticket.pk).first() or ticket
        return Response(self.get_serializer(fresh).data, status=code)

    def _require_agent(self) -> None:
        if not is_agent(self.request):
            # A customer may see the ticket, but this change is the helpdesk's to make.
            self.permission_denied(self.request, message=_("Only agents can do this."))

    @api_schema(
        summary="Open a ticket",
        request=serializers.TicketCreateSerializer,
        parameters=[IDEMPOTENCY],
        responses={201: serializers.TicketSerializer, 200: serializers.TicketSerializer, **ERRORS},
        description="Goes through intake like every channel. A repeated Idempotency-Key answers 200 "
        "with the ticket the first request opened.",
    )
    def create(self, request, *args, **kwargs) -> Response:
        data = self._valid(serializers.TicketCreateSerializer)
        customer = api_customer(request)
        if customer is None and not data.get("customer_email"):
            raise ValidationError({"customer_email": [_("Give the customer's email address.")]})
        result = intake.receive(inbound.new_ticket(request, data, customer))
        serializer_class = self.get_serializer_class()
        return Response(
            serializer_class(Ticket.objects.get(pk=result.ticket.pk), context=self.get_serializer_context()).data,
            status=status.HTTP_200_OK if result.duplicate else status.HTTP_201_CREATED,
        )

    def _valid(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @api_schema(summary="Change the status", request=serializers.StatusSerializer, responses=ERRORS)
    @action(detail=True, methods=["post"])
    def status(self, request, reference: str) -> Response:
        """Agents move a ticket along the status flow; customers may mark it solved or reopen it."""
        ticket = self.get_object()
        new_status = self._valid(serializers.StatusSerializer)["status"]
        customer = api_customer(request)
        if customer is not None:
            workflow.set_status(ticket, new_status, customer=customer)
        else:
            workflow.set_status(ticket, new_status, by=request.user)
        return self._render(ticket)

    @api_schema(summary="Change the priority", request=serializers.PrioritySerializer, responses=ERRORS)
    @action(detail=True, methods=["post"])
    def priority(self, request, reference: str) -> Response:
        ticket = self.get_object()
        self._require_agent()
        workflow.set_priority(ticket, self._valid(serializers.PrioritySerializer)["priority"], by=request.user)
        return self._render(ticket)

    @api_schema(summary="Move to another queue", request=serializers.QueueChangeSerializer, responses=ERRORS)
    @action(detail=True, methods=["post"])
    def queue(self, request, reference: str) -> Response:
        """A transfer: the conversation stays, an optional note goes to the new queue."""
        ticket = self.get_object()
        self._require_agent()
        data = self._valid(serializers.QueueChangeSerializer)
        workflow.transfer(ticket, by=request.user, queue=data["queue"], note=data.get("note", ""))
        return self._render(ticket)

    @api_schema(summary="Assign", request=serializers.AssigneeSerializer, responses=ERRORS)
    @action(detail=True, methods=["post"])
    def assignee(self, request, reference: str) -> Response:
        ticket = self.get_object()
        self._require_agent()
        user_id = self._valid(serializers.AssigneeSerializer)["assignee"]
        assignee = None
        if user_id is not None:
            assignee = get_user_model().objects.filter(pk=user_id, is_active=True).first()
            if assignee is None:
                raise ValidationError({"assignee": [_("No active user has this id.")]})
        workflow.assign(ticket, assignee, by=request.user)
        return self._render(ticket)

    @api_schema(summary="Replace the tags", request=serializers.TagsSerializer, responses=ERRORS)
    @action(detail=True, methods=["post"])
    def tags(self, request, reference: str) -> Response:
        ticket = self.get_object()
        self._require_agent()
        workflow.set_tags(ticket, self._valid(serializers.TagsSerializer)["tags"], by=request.user)
        return self._render(ticket)

    @api_schema(
        summary="The conversation",
        responses={200: serializers.MessageSerializer(many=True), **ERRORS},
        description="Oldest first. Customers never see internal notes.",
    )
    @action(detail=True, methods=["get"], pagination_class=OldestFirstPagination, filter_backends=[])
    def messages(self, request, reference: str) -> Response:
        ticket = self.get_object()
        messages = (
            Message.objects.filter(ticket=ticket)
            .select_related("author_user", "author_customer")
            .prefetch_related("attachments")
        )
        if not is_agent(request):
            messages = messages.exclude(kind=Message.Kind.NOTE)
        page = self.paginate_queryset(messages)
        return self.get_paginated_response(
            serializers.MessageSerializer(page, many=True, context=self.get_serializer_context()).data
        )

    @api_schema(
        summary="Reply",
        request={
            "application/json": serializers.ReplySerializer,
            "multipart/form-data": serializers.ReplySerializer,
        },
        parameters=[IDEMPOTENCY],
        responses={201: serializers.MessageSerializer, **ERRORS},
        description="An agent's reply goes to the customer through the outbox; a customer's reply goes "
        "through intake. Attachments (multipart) have the contact form's limits.",
    )
    @messages.mapping.post
    def reply(self, request, reference: str) -> Response:
        ticket = self.get_object()
        data = self._valid(serializers.ReplySerializer)
        customer = api_customer(request)
        if customer is not None:
            if "status" in data:
                raise ValidationError({"status": [_("Only agents can set a status with a reply.")]})
            result = intake.receive(
                inbound.customer_reply(request, ticket, customer, data["body_text"], data.get("attachments", []))
            )
            message = result.message
        else:
            message = workflow.reply(
                ticket,
                by=request.user,
                body_text=data["body_text"],
                files=data.get("attachments", []),
                status=data.get("status"),
            )
        return Response(
            serializers.MessageSerializer(message, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

    @api_schema(
        summary="Add an internal note",
        request=serializers.NoteSerializer,
        responses={201: serializers.MessageSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def notes(self, request, reference: str) -> Response:
        ticket = self.get_object()
        self._require_agent()
        note = workflow.add_note(
            ticket, by=request.user, body_text=self._valid(serializers.NoteSerializer)["body_text"]
        )
        return Response(
            serializers.MessageSerializer(note, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(
    list=api_schema(
        summary="Find customers",
        parameters=[
            OpenApiParameter("email", str, description="Exact address (case-insensitive)."),
            OpenApiParameter("shop_account", str, description="The customer's account number in the shop."),
            OpenApiParameter("phone", str),
        ],
        responses={200: serializers.CustomerSerializer(many=True), **ERRORS},
    ),
    retrieve=api_schema(summary="One customer", responses={200: serializers.CustomerSerializer, **ERRORS}),
)
class CustomerViewSet(HelpdeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Agents look customers up by email or shop identity: those of tickets they can see (the admin's rule)."""

    permission_classes = [IsAgent]
    serializer_class = serializers.CustomerSerializer
    pagination_class = IdPagination
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        if _fake(self):
            return customer_permission_policy.model.objects.none()
        queryset = customer_permission_policy.visible_instances(self.request.user)
        params = self.request.query_params
        if params.get("email"):
            try:
                queryset = queryset.filter(email=normalize_email(params["email"]))
            except Exception:  # not an address: nobody has it
                queryset = queryset.none()
        if params.get("shop_account"):
            queryset = queryset.filter(shop_account=params["shop_account"])
        if params.get("phone"):
            queryset = queryset.filter(phone=params["phone"])
        return queryset

    @api_schema(
        summary="The customer's tickets",
        responses={200: serializers.TicketSerializer(many=True), **ERRORS},
        description="Newest activity first; only tickets the agent may see.",
    )
    @action(detail=True, methods=["get"], pagination_class=HelpdeskCursorPagination)
    def tickets(self, request, pk: str) -> Response:
        customer = self.get_object()
        tickets = (
            Ticket.objects.visible_to(request.user)
            .filter(customer=customer)
            .select_related("customer", "queue", "assignee")
            .prefetch_related("tags")
        )
        page = self.paginate_queryset(tickets)
        return self.get_paginated_response(
            serializers.TicketSerializer(page, many=True, context=self.get_serializer_context()).data
        )


@extend_schema_view(
    list=api_schema(summary="The agent's queues", responses={200: serializers.QueueSerializer(many=True), **ERRORS}),
    retrieve=api_schema(summary="One queue", responses={200: serializers.QueueSerializer, **ERRORS}),
)
class QueueViewSet(HelpdeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsAgent]
    serializer_class = serializers.QueueSerializer
    pagination_class = IdPagination
    lookup_field = "slug"
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        if _fake(self):
            return Queue.objects.none()
        return Queue.objects.for_agent(self.request.user)


@extend_schema_view(
    list=api_schema(
        summary="Reply templates",
        parameters=[OpenApiParameter("event", str), OpenApiParameter("language", str)],
        responses={200: serializers.ReplyTemplateSerializer(many=True), **ERRORS},
    ),
    retrieve=api_schema(summary="One reply template", responses={200: serializers.ReplyTemplateSerializer, **ERRORS}),
)
class ReplyTemplateViewSet(HelpdeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The reply templates managers edit in the admin, read-only."""

    permission_classes = [IsAgent]
    serializer_class = serializers.ReplyTemplateSerializer
    pagination_class = IdPagination
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        queryset = ReplyTemplate.objects.all()
        if _fake(self):
            return queryset.none()
        for name in ("event", "language"):
            if self.request.query_params.get(name):
                queryset = queryset.filter(**{name: self.request.query_params[name]})
        return queryset
