"""Encrypting the secrets the helpdesk must be able to read back (mailbox passwords).

A poller has to present the mailbox password to the mail server, so it cannot
be hashed; it is encrypted at rest with Fernet (AES-128-CBC with an
HMAC-SHA256 tag, from ``cryptography``) instead.  The keys come from settings:

* ``WAGTAIL_HELPDESK_SECRET_KEYS``, when set: the first encrypts, every
  one decrypts;
* else ``SECRET_KEY`` followed by ``SECRET_KEY_FALLBACKS``, so rotating
  Django's secret key the documented way (old key moved to the fallbacks)
  keeps every stored value readable.

Each configured secret is stretched to a Fernet key with HKDF-SHA256 and a
fixed salt and info, so a Fernet key is never the secret itself and the same
``SECRET_KEY`` gives unrelated keys for Django's signing and for us.  Knows
nothing about mailboxes.
"""

from __future__ import annotations

import base64
import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .conf import helpdesk_settings
from .exceptions import UndecryptableSecret

#: Fixed HKDF inputs: changing either makes every stored value unreadable.
SALT = b"wagtail_helpdesk.encryption"
INFO = b"wagtail_helpdesk stored secrets v1"


def encrypt(value: str) -> str:
    """A token for ``value``, made with the current (first) key; ``""`` stays ``""``."""
    if not value:
        return ""
    return _fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """The value in ``token``, trying every configured key; ``""`` stays ``""``.

    Raises :class:`~wagtail_helpdesk.exceptions.UndecryptableSecret` when no
    configured key opens it (the key it was made with was removed) or it is no
    token at all.
    """
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as exc:
        raise UndecryptableSecret("no configured key decrypts the stored value") from exc


def rotate(token: str) -> str:
    """``token`` encrypted again with the current key (raises like :func:`decrypt`)."""
    if not token:
        return ""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError) as exc:
        raise UndecryptableSecret("no configured key decrypts the stored value") from exc


def secrets() -> list[str]:
    """The configured secrets, current first."""
    configured = helpdesk_settings.SECRET_KEYS
    if configured:
        return [str(secret) for secret in configured]
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def _fernet() -> MultiFernet:
    keys = tuple(secret for secret in secrets() if secret)
    if not keys:
        raise ImproperlyConfigured("Set SECRET_KEY (or WAGTAIL_HELPDESK_SECRET_KEYS) to store mailbox passwords.")
    return _multi_fernet(keys)


@functools.lru_cache(maxsize=8)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    # Keyed on the secrets themselves, so override_settings and a rotation need no cache reset.
    return MultiFernet([Fernet(_derive(secret)) for secret in keys])


def _derive(secret: str) -> bytes:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=SALT, info=INFO).derive(secret.encode("utf-8"))
    return base64.urlsafe_b64encode(key)
