"""Throttling on every endpoint, counted in the Django cache.

One class for the whole API: the scope is the view's ``throttle_scope``, or
``read``/``write`` by method; the rate comes from
``WAGTAIL_HELPDESK_API_THROTTLE_RATES``; the caller is a channel token, a
user, or an IP address, in that order.
"""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS
from rest_framework.throttling import SimpleRateThrottle

from ..conf import helpdesk_settings
from ..models import ChannelToken


class HelpdeskRateThrottle(SimpleRateThrottle):
    def __init__(self) -> None:
        # The scope depends on the view and the method, so the rate is read in allow_request.
        self.rate = None

    def get_rate(self) -> str | None:
        return (helpdesk_settings.API_THROTTLE_RATES or {}).get(self.scope)

    def allow_request(self, request, view) -> bool:
        self.scope = getattr(view, "throttle_scope", None) or ("read" if request.method in SAFE_METHODS else "write")
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        if isinstance(request.auth, ChannelToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"ip-{self.get_ident(request)}"
        return f"wagtail_helpdesk:api:throttle:{self.scope}:{ident}"
