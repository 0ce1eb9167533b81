"""What every API view shares: authentication, throttling, errors, schema, JSON."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.settings import api_settings

from .authentication import ChannelTokenAuthentication
from .errors import exception_handler
from .throttling import HelpdeskRateThrottle


class HelpdeskAPIMixin:
    """Set on the views rather than in ``REST_FRAMEWORK``, so the host's DRF settings for
    other APIs (Wagtail's own included) are left alone and ours cannot be weakened by them.

    Users authenticate with the site's ``DEFAULT_AUTHENTICATION_CLASSES``
    (DRF's default: session and HTTP basic); channel tokens with
    :class:`~wagtail_helpdesk.api.authentication.ChannelTokenAuthentication`.
    """

    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    throttle_classes = [HelpdeskRateThrottle]
    schema = AutoSchema()

    def get_authenticators(self) -> list:
        return [ChannelTokenAuthentication()] + [cls() for cls in api_settings.DEFAULT_AUTHENTICATION_CLASSES]

    def get_exception_handler(self):
        return exception_handler


def api_schema(**kwargs: Any):
    """``extend_schema`` that always extends drf-spectacular's ``AutoSchema``.

    ``extend_schema`` on a method otherwise builds on the site's
    ``REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]``, which a site need not set.
    """

    def decorator(func):
        func.schema = AutoSchema
        return extend_schema(**kwargs)(func)

    return decorator
