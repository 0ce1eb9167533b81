"""``POST v1/gateway/messages/``: external adapters deliver messages with a channel token."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample
from rest_framework import status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from ..services import gateway
from . import serializers
from .base import HelpdeskAPIMixin, api_schema
from .permissions import IsChannelToken


class GatewayMessageView(HelpdeskAPIMixin, APIView):
    """One inbound message from an adapter; the token decides its channel."""

    permission_classes = [IsChannelToken]
    parser_classes = [JSONParser]
    throttle_scope = "gateway"

    @api_schema(
        summary="Deliver an inbound message",
        request=serializers.GatewayMessageSerializer,
        responses={
            201: serializers.GatewayResultSerializer,
            200: serializers.GatewayResultSerializer,
            400: serializers.ErrorSerializer,
            401: serializers.ErrorSerializer,
            403: serializers.ErrorSerializer,
        },
        description="201 when the message opened a ticket, 200 when it joined one or was a re-delivery "
        "of the same external_id (which changes nothing).",
        examples=[
            OpenApiExample(
                "Chat message",
                value={
                    "external_id": "evt-1842",
                    "sender_handle": "visitor-77",
                    "sender_email": "anna@mail.example",
                    "sender_name": "Anna",
                    "body_text": "Is the kettle in stock?",
                },
                request_only=True,
            )
        ],
    )
    def post(self, request) -> Response:
        result = gateway.receive(request.auth, request.data)
        body = {
            "ticket": serializers.GatewayTicketSerializer(result.ticket).data,
            "message_id": result.message.pk,
            "created": result.created,
            "duplicate": result.duplicate,
        }
        return Response(body, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)
