"""Ticket references: formatting new ones and finding them in text."""

from __future__ import annotations

import re
from functools import lru_cache

from ..conf import helpdesk_settings


def format_reference(number: int) -> str:
    """The reference of the ticket with id ``number``, e.g. ``HD-000123``."""
    return helpdesk_settings.REFERENCE_FORMAT.format(prefix=helpdesk_settings.REFERENCE_PREFIX, number=number)


@lru_cache(maxsize=8)
def _pattern(prefix: str, fmt: str) -> re.Pattern[str]:
    parts = re.split(r"(\{prefix\}|\{number[^}]*\})", fmt)
    regex = "".join(
        re.escape(prefix) if part == "{prefix}" else r"\d+" if part.startswith("{number") else re.escape(part)
        for part in parts
    )
    return re.compile(rf"(?<![\w-])({regex})(?![\w-])", re.IGNORECASE)


def find_references(text: str) -> list[str]:
    """Every ticket reference in ``text`` in order of appearance, upper-cased, without repeats."""
    pattern = _pattern(helpdesk_settings.REFERENCE_PREFIX, helpdesk_settings.REFERENCE_FORMAT)
    return list(dict.fromkeys(match.upper() for match in pattern.findall(text or "")))
