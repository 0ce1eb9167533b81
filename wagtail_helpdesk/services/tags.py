"""Tags by name: the one place tags are made, for intake and for agents' edits alike."""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Tag
from . import filter_choices


def named(names: Iterable[str]) -> list[Tag]:
    """The tags called ``names``, the missing ones created: one query when all exist, as they mostly do.

    Tags are made with ``bulk_create`` (two arrivals may make the same one), which
    sends no signal, so a new tag tells the filter panel's cached list itself.
    """
    wanted = set(names)
    if not wanted:
        return []
    found = list(Tag.objects.filter(name__in=wanted))
    if missing := wanted - {tag.name for tag in found}:
        Tag.objects.bulk_create([Tag(name=name) for name in sorted(missing)], ignore_conflicts=True)
        found = list(Tag.objects.filter(name__in=wanted))
        filter_choices.changed()
    return found
