from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class SavedViewQuerySet(models.QuerySet):
    def for_user(self, user) -> "SavedViewQuerySet":
        """The user's own views and those shared with one of their groups."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(owner=user) | Q(shared_with__in=user.groups.values("pk")))


class SavedView(models.Model):
    """A filter combination of the ticket queue an agent saved under a name.

    Stored as the listing's querystring (``status=open&assignee=me``), so a
    view means exactly what the listing showed when it was saved, and it is
    re-evaluated for whoever opens it ("me" is the viewer, not the author).
    """

    name = models.CharField(_("name"), max_length=80)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="helpdesk_saved_views",
    )
    #: Filters, search and ordering of the listing, as a querystring.
    querystring = models.CharField(_("filters"), max_length=2000, blank=True)
    #: Set to share the view with a team; private to its owner otherwise.
    shared_with = models.ForeignKey(
        Group,
        verbose_name=_("shared with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_saved_views",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SavedViewQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved view")
        verbose_name_plural = _("saved views")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["owner", "name"], name="helpdesk_savedview_owner"),
            models.Index(fields=["shared_with", "name"], name="helpdesk_savedview_shared"),
        ]

    def __str__(self) -> str:
        return self.name
