"""Mail loops and noise: who never gets an automatic acknowledgement, and how many a sender gets.

Two automatic systems that answer each other send mail forever.  Machine mail
(auto-replies, bounces) is flagged by the email channel; what is decided here
needs the site's configuration: our own addresses, and a per-sender limit that
stops a flood (a misconfigured script, a loop through an address we do not
know is ours) from turning into a flood of acknowledgements.
"""

from __future__ import annotations

from email.utils import parseaddr

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from ..conf import helpdesk_settings
from . import ratelimit

OWN_ADDRESSES_KEY = "wagtail_helpdesk:own-addresses:1"
#: The cached list expires by itself too, which bounds staleness where the cache is per process.
OWN_ADDRESSES_TIMEOUT = 60


def own_addresses() -> frozenset[str]:
    """Every address the helpdesk sends from or receives at, lower-cased."""
    found = cache.get(OWN_ADDRESSES_KEY)
    if found is None:
        found = _load_own_addresses()
        cache.set(OWN_ADDRESSES_KEY, found, OWN_ADDRESSES_TIMEOUT)
    return found


def _load_own_addresses() -> frozenset[str]:
    from ..models import Mailbox, Queue

    addresses = [helpdesk_settings.FROM_EMAIL, settings.DEFAULT_FROM_EMAIL, getattr(settings, "SERVER_EMAIL", "")]
    addresses += Queue.objects.exclude(email="").values_list("email", flat=True)
    for email, username in Mailbox.objects.values_list("email", "username"):
        addresses += [email, username if "@" in username else ""]
    return frozenset(_bare(address) for address in addresses if address and _bare(address))


def _bare(address: str) -> str:
    return parseaddr(address)[1].lower()


def invalidate_own_addresses(**kwargs) -> None:
    """Signal receiver (queues, mailboxes): forget the list now and again after commit."""
    cache.delete(OWN_ADDRESSES_KEY)
    transaction.on_commit(lambda: cache.delete(OWN_ADDRESSES_KEY))


def is_own_address(*addresses: str) -> bool:
    """Whether any of ``addresses`` is one of ours."""
    ours = own_addresses()
    return any(address and address.lower() in ours for address in addresses)


def acknowledgement_allowed(sender: str) -> bool:
    """Count one acknowledgement to ``sender``; ``False`` once the sender had their share this period.

    The count lives in Django's cache (shared between workers when the cache is
    Redis or Memcached); ``ACKNOWLEDGEMENT_RATE_LIMIT = None`` turns the limit off.
    """
    return ratelimit.hit("acknowledgement", [sender], helpdesk_settings.ACKNOWLEDGEMENT_RATE_LIMIT)


__all__ = ["acknowledgement_allowed", "invalidate_own_addresses", "is_own_address", "own_addresses"]
