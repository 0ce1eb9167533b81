"""Channel-token authentication for the gateway: ``Authorization: Bearer hdc_<key>_<secret>``."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from ..models import ChannelToken
from ..services import gateway


class ChannelTokenAuthentication(authentication.BaseAuthentication):
    """Authenticates an external adapter by its channel token.

    The request stays anonymous (``request.user``); ``request.auth`` is the
    :class:`~wagtail_helpdesk.models.ChannelToken`.  A token therefore passes
    no user permission: it opens the gateway and nothing else.  Any other
    ``Authorization`` header is left to the site's other authentication classes.
    """

    keyword = "Bearer"

    def authenticate(self, request) -> tuple[AnonymousUser, ChannelToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        scheme, _sep, credentials = header.partition(" ")
        if scheme.lower() != self.keyword.lower() or not credentials.startswith(gateway.TOKEN_PREFIX + "_"):
            return None
        token = gateway.authenticate(credentials.strip())
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked channel token."))
        return AnonymousUser(), token

    def authenticate_header(self, request) -> str:
        return self.keyword
