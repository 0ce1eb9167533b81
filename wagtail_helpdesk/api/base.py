"""What every API view shares: authentication, throttling, errors, schema, JSON."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound, ValidationError
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

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        # PostgreSQL cannot store or even compare text with NUL characters (it raises, a 500):
        # refuse them at the door, in the URL, the query string and the body alike.
        if any("\x00" in str(value) for value in kwargs.values()):
            raise NotFound()
        if any("\x00" in key or "\x00" in value for key, value in request.query_params.items()):
            raise ValidationError({"query": [_("NUL characters are not allowed.")]})
        if request.method not in ("GET", "HEAD", "OPTIONS") and _has_nul(request.data):
            raise ValidationError({"body": [_("NUL characters are not allowed.")]})


def _has_nul(value: Any, depth: int = 0) -> bool:
    if depth > 20:
        return False
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k, depth + 1) or _has_nul(v, depth + 1) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v, depth + 1) for v in value)
    if hasattr(value, "getlist"):  # a QueryDict from a form post
        return any(_has_nul(v, depth + 1) for key in value for v in value.getlist(key) if isinstance(v, str))
    return False


def api_schema(**kwargs: Any):
    """``extend_schema`` that always extends drf-spectacular's ``AutoSchema``.

    ``extend_schema`` on a method otherwise builds on the site's
    ``REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]``, which a site need not set.
    """

    def decorator(func):
        func.schema = AutoSchema
        return extend_schema(**kwargs)(func)

    return decorator
