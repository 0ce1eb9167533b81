"""The queue's paginator: it counts the matching tickets only up to a limit.

An exact ``COUNT(*)`` reads every matching ticket, so its cost grows with the
helpdesk: at 100,000 tickets a filter matching half of them took PostgreSQL
longer than the whole rest of the page.  :class:`QueuePaginator` counts at most
``WAGTAIL_HELPDESK_QUEUE_COUNT_LIMIT`` tickets, or to the end of the page asked
for if that is further (``SELECT COUNT(*) FROM (... LIMIT n)``, which stops reading there) and
says "more than" when there are more, as large issue trackers do.  Paging on
stays possible: each page counts from where it is, so "Next" always leads to
the tickets beyond.  The saved views' counts above the listing stay exact.
"""

from __future__ import annotations

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin.paginator import WagtailPaginator

#: The furthest page a count reaches to (a larger ``?p=`` shows the last page, as in Wagtail).
MAX_PAGE = 100_000


class QueuePaginator(WagtailPaginator):
    """A ``WagtailPaginator`` whose ``count`` stops at ``count_limit`` tickets (or the end of the page asked for).

    ``count_limit=None`` counts exactly.  When the count stopped,
    :attr:`is_capped` is true, ``count`` is one more than the limit (so the page
    holding that ticket exists, and "Page 1 of 21" is true: page 21 is there)
    and :attr:`items_count_label` reads "more than 1000 tickets".
    """

    def __init__(self, object_list, per_page, *, count_limit: int | None, page_number=None, **kwargs) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.count_limit = count_limit
        try:
            # A page past the end shows the last one (Wagtail's get_page); bounded so the LIMIT stays an integer.
            self.page_asked = min(max(1, int(page_number)), MAX_PAGE)
        except (TypeError, ValueError):
            self.page_asked = 1
        self._capped = False

    @cached_property
    def counted_up_to(self) -> int | None:
        """How many tickets are counted at most: the limit, or the end of the page asked for if further."""
        if self.count_limit is None or not hasattr(self.object_list, "order_by"):
            return None
        return max(self.count_limit, self.page_asked * self.per_page)

    @cached_property
    def count(self) -> int:
        known = self.counted_up_to
        if known is None:
            return super().count
        # One row more than shown tells "more" from "exactly"; no ORDER BY, so the scan stops early.
        found = self.object_list.order_by()[: known + 1].count()
        self._capped = found > known
        return found

    @property
    def is_capped(self) -> bool:
        """Whether counting stopped at the limit (counts first if nothing has yet)."""
        return self.count is not None and self._capped

    @cached_property
    def items_count_label(self) -> str:
        if not self.is_capped:
            return super().items_count_label
        return _("more than %(count)s %(items)s") % {"count": self.count - 1, "items": self.verbose_name_plural}
