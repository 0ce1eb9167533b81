"""One JSON shape for every error: ``{"detail": ..., "code": ..., "errors": {field: [messages]}}``.

Domain errors from the services (``wagtail_helpdesk.exceptions``) carry
translated messages; here they only get a status code.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..exceptions import AlreadyClaimed, HelpdeskError, IllegalTransition, InvalidInbound, NotAllowed, TicketMerged

#: Domain error → (HTTP status, code).
DOMAIN_STATUS: dict[type[HelpdeskError], tuple[int, str]] = {
    InvalidInbound: (status.HTTP_400_BAD_REQUEST, "invalid"),
    IllegalTransition: (status.HTTP_400_BAD_REQUEST, "illegal_transition"),
    NotAllowed: (status.HTTP_400_BAD_REQUEST, "not_allowed"),
    AlreadyClaimed: (status.HTTP_409_CONFLICT, "already_claimed"),
    TicketMerged: (status.HTTP_409_CONFLICT, "ticket_merged"),
}


def _as_lists(errors: Any) -> dict[str, list[str]]:
    if isinstance(errors, dict):
        return {str(k): [str(m) for m in (v if isinstance(v, list) else [v])] for k, v in errors.items()}
    if isinstance(errors, list):
        return {"non_field_errors": [str(m) for m in errors]}
    return {"non_field_errors": [str(errors)]}


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's handler, with domain errors mapped and one body shape for all."""
    if isinstance(exc, HelpdeskError):
        code_status, code = next(
            (value for cls, value in DOMAIN_STATUS.items() if isinstance(exc, cls)),
            (status.HTTP_400_BAD_REQUEST, "error"),
        )
        errors = _as_lists(exc.errors) if isinstance(exc, InvalidInbound) else {}
        detail = _("The request was rejected.") if isinstance(exc, InvalidInbound) else str(exc)
        return Response({"detail": detail, "code": code, "errors": errors}, status=code_status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.messages)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": _("The request was rejected."), "code": "invalid", "errors": _as_lists(exc.detail)}
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        response.data = {
            "detail": str(exc.detail) if not isinstance(exc.detail, dict | list) else _("Error."),
            "code": codes if isinstance(codes, str) else "error",
            "errors": {},
        }
    return response
