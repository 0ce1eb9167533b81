"""System checks for our configuration; nothing here raises at import time."""

from __future__ import annotations

import importlib
import os

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.urls import NoReverseMatch, reverse

from .conf import helpdesk_settings


@register()
def check_configuration(app_configs=None, **kwargs):
    errors = []
    if helpdesk_settings.SANITIZER not in ("bleach", "nh3"):
        errors.append(
            Error(
                "WAGTAIL_HELPDESK_SANITIZER must be 'bleach' or 'nh3'.",
                id="wagtail_helpdesk.E001",
            )
        )
    elif helpdesk_settings.SANITIZER == "nh3":
        try:
            importlib.import_module("nh3")
        except ImportError:
            errors.append(
                Error(
                    "WAGTAIL_HELPDESK_SANITIZER is 'nh3' but nh3 is not installed.",
                    hint="pip install wagtail-helpdesk[nh3]",
                    id="wagtail_helpdesk.E002",
                )
            )
    for module_path in helpdesk_settings.PLUGINS:
        try:
            importlib.import_module(module_path)
        except ImportError as exc:
            errors.append(Error(f"Plugin module {module_path!r} cannot be imported: {exc}", id="wagtail_helpdesk.E003"))
    if not errors:
        from .services.channels import duplicate_codes

        for code in duplicate_codes():
            errors.append(
                Warning(
                    f"More than one plugin registers the channel {code!r}; the most recently registered one is used.",
                    id="wagtail_helpdesk.W001",
                )
            )
    try:
        reverse("wagtail_helpdesk:attachment", args=[1])
    except NoReverseMatch:
        errors.append(
            Error(
                "wagtail_helpdesk.urls is not included in the URLconf; attachment links cannot be built.",
                hint='Add path("helpdesk/", include("wagtail_helpdesk.urls")) to your urlpatterns.',
                id="wagtail_helpdesk.E005",
            )
        )
    keys = helpdesk_settings.SECRET_KEYS
    if keys is not None and (isinstance(keys, str) or not isinstance(keys, (list, tuple)) or not keys or not all(keys)):
        errors.append(
            Error(
                "WAGTAIL_HELPDESK_SECRET_KEYS must be a non-empty list of non-empty strings, current key first.",
                hint="Leave it unset to use SECRET_KEY and SECRET_KEY_FALLBACKS.",
                id="wagtail_helpdesk.E006",
            )
        )
    root = helpdesk_settings.PRIVATE_MEDIA_ROOT
    media_root = getattr(settings, "MEDIA_ROOT", "")
    if not helpdesk_settings.ATTACHMENT_STORAGE and root and media_root:
        root, media_root = os.path.abspath(root), os.path.abspath(media_root)
        if root == media_root or root.startswith(media_root.rstrip("/") + "/"):
            errors.append(
                Error(
                    "WAGTAIL_HELPDESK_PRIVATE_MEDIA_ROOT is inside MEDIA_ROOT, so attachments would be public.",
                    id="wagtail_helpdesk.E004",
                )
            )
    return errors
