"""The OpenAPI 3 schema (drf-spectacular), limited to the helpdesk's own endpoints.

drf-spectacular walks the whole URLconf, Wagtail's admin API included, whose
views do not describe themselves and fail ``--fail-on-warn``.  The schema
views here use :data:`SPECTACULAR_SETTINGS` directly (``custom_settings``), so a
site needs no ``SPECTACULAR_SETTINGS`` of its own; a site that runs
``manage.py spectacular`` for the helpdesk can point its settings at them.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.settings import patched_settings
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from .. import __version__
from .base import api_schema
from .throttling import HelpdeskRateThrottle

#: The module prefix of every view this API serves.
API_MODULE = __name__.rsplit(".", 1)[0]


def only_helpdesk(endpoints: list[tuple], **kwargs: Any) -> list[tuple]:
    """drf-spectacular preprocessing hook: keep the endpoints whose view lives in ``wagtail_helpdesk.api``."""
    return [endpoint for endpoint in endpoints if _module(endpoint[3]).startswith(API_MODULE + ".")]


def _module(callback: Any) -> str:
    view = getattr(callback, "cls", None) or getattr(callback, "view_class", None) or callback
    return getattr(view, "__module__", "") or ""


SPECTACULAR_SETTINGS: dict[str, Any] = {
    "TITLE": "wagtail-helpdesk API",
    "DESCRIPTION": "Tickets, messages, customers, queues and templates; the channel gateway. See docs/api.rst.",
    "VERSION": __version__,
    "PREPROCESSING_HOOKS": ["wagtail_helpdesk.api.schema.only_helpdesk"],
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/.*/v[0-9]+",
    "ENUM_NAME_OVERRIDES": {
        "TicketStatusEnum": "wagtail_helpdesk.models.tickets.Status",
        "TicketPriorityEnum": "wagtail_helpdesk.models.tickets.Priority",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}


def generate_schema(urlconf: str | None = None) -> dict:
    """The schema as a dict, exactly as :class:`SchemaView` serves it (without a request)."""
    from drf_spectacular.generators import SchemaGenerator

    with patched_settings(SPECTACULAR_SETTINGS):
        generator = SchemaGenerator(urlconf=urlconf)
        return generator.get_schema(request=None, public=True)


class SchemaView(SpectacularAPIView):
    """``v1/schema/``: the OpenAPI document (YAML, or JSON with ``?format=json``)."""

    custom_settings = SPECTACULAR_SETTINGS
    permission_classes: list = []
    authentication_classes: list = []
    throttle_classes = [HelpdeskRateThrottle]
    schema = AutoSchema()

    @api_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class DocsView(SpectacularSwaggerView):
    """``v1/docs/``: Swagger UI over :class:`SchemaView`, from drf-spectacular-sidecar (no CDN)."""

    custom_settings = SPECTACULAR_SETTINGS
    url_name = "wagtail_helpdesk_api:schema"
    title = SPECTACULAR_SETTINGS["TITLE"]
    permission_classes: list = []
    authentication_classes: list = []
    throttle_classes = [HelpdeskRateThrottle]

    schema = AutoSchema()

    @api_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        with patched_settings(SPECTACULAR_SETTINGS):
            return super().get(request, *args, **kwargs)


class ChannelTokenScheme(OpenApiAuthenticationExtension):
    """Describes channel tokens in the schema (registered by being defined)."""

    target_class = "wagtail_helpdesk.api.authentication.ChannelTokenAuthentication"
    name = "channelToken"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A channel token: hdc_<key>_<secret>."}
