"""Cursor pagination: a page costs the same at the first row and at the 100,000th.

No ``COUNT(*)`` and no ``OFFSET``: the cursor is the position in an indexed
ordering (``-last_activity_at`` for tickets), so deep pages stay fast.
"""

from __future__ import annotations

from rest_framework.pagination import CursorPagination

from ..conf import helpdesk_settings


class HelpdeskCursorPagination(CursorPagination):
    page_size_query_param = "page_size"
    ordering = ("-last_activity_at", "-pk")

    def get_page_size(self, request) -> int:
        self.page_size = helpdesk_settings.API_PAGE_SIZE
        self.max_page_size = helpdesk_settings.API_MAX_PAGE_SIZE
        return super().get_page_size(request)


class OldestFirstPagination(HelpdeskCursorPagination):
    """A conversation reads from the start."""

    ordering = ("created_at", "pk")


class IdPagination(HelpdeskCursorPagination):
    ordering = ("pk",)
