from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

#: Where :func:`agent_queue_ids` keeps its answer on the user object, as Django's
#: ``ModelBackend`` keeps ``_perm_cache``: once per request, cleared when the user's groups change.
QUEUE_IDS_ATTR = "_helpdesk_queue_ids"


def agent_queue_ids(user) -> list[int]:
    """The ids of the queues ``user`` works, through their groups (one query, then remembered on ``user``).

    Ticket visibility filters by this list rather than by a subquery: ``queue_id = ANY(...)
    OR assignee_id = ...`` lets PostgreSQL combine two index scans, where an ``IN (SELECT ...)``
    inside the ``OR`` becomes a filter over every ticket.
    """
    cached = getattr(user, QUEUE_IDS_ATTR, None)
    if cached is None:
        cached = sorted(set(Queue.objects.filter(groups__user=user).values_list("pk", flat=True)))
        setattr(user, QUEUE_IDS_ATTR, cached)
    return cached


def forget_agent_queue_ids(sender, instance, action: str, **kwargs) -> None:
    """``m2m_changed`` receiver: the user's groups (or a queue's groups) changed."""
    if action.startswith("post_") and hasattr(instance, QUEUE_IDS_ATTR):
        delattr(instance, QUEUE_IDS_ATTR)


class QueueQuerySet(models.QuerySet):
    def for_agent(self, user) -> "QueueQuerySet":
        """Queues whose agent groups include ``user`` (all of them for superusers)."""
        if user.is_superuser:
            return self
        return self.filter(groups__user=user).distinct()


class Queue(models.Model):
    """A department that works tickets, e.g. "Returns" or "Repair desk".

    Agents belong to a queue through Django groups, so a site manages people
    where it already does.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    email = models.EmailField(_("email address"), blank=True, help_text=_("Address customers write to for this queue."))
    groups = models.ManyToManyField(
        Group,
        verbose_name=_("agent groups"),
        blank=True,
        related_name="helpdesk_queues",
        help_text=_("Members of these groups work this queue's tickets."),
    )
    is_default = models.BooleanField(
        _("default queue"),
        default=False,
        help_text=_("New tickets land here when no routing rule decides."),
    )

    class Strategy(models.TextChoices):
        """How routing picks an agent for a new ticket of this queue (see docs/routing.rst)."""

        NONE = "none", _("Nobody: agents claim tickets")
        LEAST_LOADED = "least_loaded", _("Least loaded agent")
        ROUND_ROBIN = "round_robin", _("Round robin")

    assignment_strategy = models.CharField(
        _("assignment strategy"),
        max_length=16,
        choices=Strategy.choices,
        default=Strategy.NONE,
        help_text=_("Hand new tickets to an available agent automatically."),
    )
    sticky = models.BooleanField(
        _("sticky assignment"),
        default=False,
        help_text=_("A returning customer's new ticket goes to the agent who handled their last one, if available."),
    )
    #: Round-robin pointer.  A column rather than a cache key: it is read and
    #: moved under the queue's row lock in the routing transaction, so a rolled
    #: back intake does not advance it and per-process caches cannot disagree.
    last_assigned = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last assigned agent"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = QueueQuerySet.as_manager()

    class Meta:
        verbose_name = _("queue")
        verbose_name_plural = _("queues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CustomField(models.Model):
    """A typed extra field tickets of one queue carry, e.g. "serial number"."""

    class FieldType(models.TextChoices):
        TEXT = "text", _("Text")
        NUMBER = "number", _("Number")
        DATE = "date", _("Date")
        BOOLEAN = "boolean", _("Yes/no")
        CHOICE = "choice", _("Choice")

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="custom_fields")
    name = models.SlugField(_("name"), max_length=50, help_text=_("Key stored on the ticket."))
    label = models.CharField(_("label"), max_length=100)
    field_type = models.CharField(_("type"), max_length=16, choices=FieldType.choices)
    required = models.BooleanField(_("required"), default=False)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One choice per line."))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("custom field")
        verbose_name_plural = _("custom fields")
        ordering = ["queue", "sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["queue", "name"], name="helpdesk_customfield_unique_name")]

    def __str__(self) -> str:
        return f"{self.queue}: {self.label}"

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
