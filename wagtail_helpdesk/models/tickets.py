from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .customers import Customer
from .queues import Queue, agent_queue_ids


class Status(models.TextChoices):
    """The fixed stored values of a ticket's status.

    Sites relabel them with ``WAGTAIL_HELPDESK_STATUS_LABELS``; the values, and
    so the migrations, never change.
    """

    NEW = "new", _("New")
    OPEN = "open", _("Open")
    PENDING = "pending", _("Waiting on customer")
    ON_HOLD = "on_hold", _("On hold")
    SOLVED = "solved", _("Solved")
    CLOSED = "closed", _("Closed")


#: Statuses in which the ticket still needs work from the helpdesk.
ACTIVE_STATUSES = (Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD)


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class SLAState(models.TextChoices):
    """Where a ticket stands against its running SLA deadline (computed, never stored)."""

    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    BREACHED = "breached", _("Breached")


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TicketQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TicketQuerySet":
        """Tickets an agent may see: those in their queues, and those assigned to them.

        The same rule backs the admin, the API and attachment downloads.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(Q(queue_id__in=agent_queue_ids(user)) | Q(assignee=user))

    def active(self) -> "TicketQuerySet":
        return self.filter(status__in=ACTIVE_STATUSES)

    def sla_state(self, state: str, now=None) -> "TicketQuerySet":
        """Tickets in one :class:`SLAState`, by the indexed ``sla_due_at``/``sla_warn_at``."""
        from django.utils import timezone

        now = now or timezone.now()
        if state == SLAState.BREACHED:
            return self.filter(sla_due_at__lte=now)
        if state == SLAState.AT_RISK:
            return self.filter(sla_due_at__gt=now, sla_warn_at__lte=now)
        if state == SLAState.ON_TRACK:
            return self.filter(sla_due_at__gt=now).filter(Q(sla_warn_at__isnull=True) | Q(sla_warn_at__gt=now))
        return self.none()


class Ticket(models.Model):
    """One matter a customer raised, from any channel, with its whole conversation."""

    # High-volume data, not content: keep it out of Wagtail's reference index,
    # which would otherwise add three queries to every save.
    wagtail_reference_index_ignore = True

    reference = models.CharField(_("reference"), max_length=32, unique=True, null=True, editable=False)
    subject = models.CharField(_("subject"), max_length=255)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NEW)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, default=Priority.NORMAL)
    channel = models.CharField(_("channel"), max_length=32)
    queue = models.ForeignKey(
        Queue, verbose_name=_("queue"), null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_tickets",
    )
    customer = models.ForeignKey(Customer, verbose_name=_("customer"), on_delete=models.PROTECT, related_name="tickets")
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="tickets")
    category = models.CharField(_("category"), max_length=100, blank=True)
    #: The order, contract or account number the customer wrote about.
    shop_reference = models.CharField(_("order or contract number"), max_length=100, blank=True, db_index=True)
    custom_fields = models.JSONField(_("custom fields"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)

    first_response_due = models.DateTimeField(_("first response due"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("resolution due"), null=True, blank=True)
    next_response_due = models.DateTimeField(_("next response due"), null=True, blank=True)
    #: The earliest deadline still running (first response, next response or
    #: resolution), kept by the SLA clock; None while nothing runs or the clock
    #: is paused.  The queue's SLA column and filter and the SLA sweep read it.
    sla_due_at = models.DateTimeField(_("SLA due"), null=True, blank=True)
    #: When that deadline becomes "at risk" (e.g. 80 % of its time used).
    sla_warn_at = models.DateTimeField(_("SLA at risk from"), null=True, blank=True)
    #: Kept by the SLA clock (``services.sla``): when it stopped (waiting on the
    #: customer, solved), the business minutes it has stood still in all, and
    #: when the sweep must next look at the ticket (next warning or breach).
    sla_paused_at = models.DateTimeField(_("SLA clock paused"), null=True, blank=True, editable=False)
    sla_paused_minutes = models.PositiveIntegerField(_("SLA minutes paused"), default=0, editable=False)
    sla_check_at = models.DateTimeField(_("SLA check due"), null=True, blank=True, editable=False)
    first_responded_at = models.DateTimeField(_("first responded"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    # Set when the ticket is built, not when it is saved (as auto_now_add would): intake starts
    # the SLA clock from it before the INSERT, which then carries the deadlines.
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    #: Last message from anyone; the queue's default ordering.
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, editable=False)

    objects = TicketQuerySet.as_manager()

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        ordering = ["-last_activity_at"]
        permissions = [("merge_any_queue", _("Can merge tickets of different queues"))]
        indexes = [
            models.Index(fields=["status", "-last_activity_at"], name="helpdesk_tkt_status_act"),
            models.Index(fields=["queue", "status", "-last_activity_at"], name="helpdesk_tkt_queue_status"),
            models.Index(fields=["assignee", "status", "-last_activity_at"], name="helpdesk_tkt_assignee"),
            models.Index(fields=["customer", "-created_at"], name="helpdesk_tkt_customer"),
            models.Index(fields=["channel", "-created_at"], name="helpdesk_tkt_channel"),
            models.Index(fields=["priority", "-last_activity_at"], name="helpdesk_tkt_priority"),
            models.Index(fields=["first_response_due"], name="helpdesk_tkt_frt_due"),
            models.Index(fields=["resolution_due"], name="helpdesk_tkt_res_due"),
            models.Index(fields=["sla_due_at"], name="helpdesk_tkt_sla_due"),
            # At risk is "warned, not yet due": both bounds in one index, so the filter reads only at-risk rows.
            models.Index(fields=["sla_warn_at", "sla_due_at"], name="helpdesk_tkt_sla_warn"),
            models.Index(fields=["sla_check_at"], name="helpdesk_tkt_sla_check"),
            models.Index(fields=["-created_at"], name="helpdesk_tkt_created"),
            models.Index(fields=["-last_activity_at"], name="helpdesk_tkt_activity"),
        ]

    def __str__(self) -> str:
        return f"{self.reference or 'new'}: {self.subject}"

    @property
    def status_label(self) -> str:
        from ..conf import helpdesk_settings

        return helpdesk_settings.STATUS_LABELS.get(self.status) or self.get_status_display()

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def sla_state(self, now=None) -> str:
        """``"breached"``, ``"at_risk"``, ``"on_track"`` or ``""`` (no deadline running).

        The same thresholds back the queue filter (see ``TicketQuerySet.sla_state``).
        """
        if self.sla_due_at is None:
            return ""
        from django.utils import timezone

        now = now or timezone.now()
        if self.sla_due_at <= now:
            return SLAState.BREACHED
        if self.sla_warn_at is not None and self.sla_warn_at <= now:
            return SLAState.AT_RISK
        return SLAState.ON_TRACK


class TicketFollower(models.Model):
    """A customer or agent copied on a ticket's updates (CC)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="followers")
    customer = models.ForeignKey(Customer, null=True, blank=True, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [
            models.CheckConstraint(
                condition=Q(customer__isnull=False, user__isnull=True) | Q(customer__isnull=True, user__isnull=False),
                name="helpdesk_follower_one_party",
            ),
            models.UniqueConstraint(fields=["ticket", "customer"], name="helpdesk_follower_unique_customer"),
            models.UniqueConstraint(fields=["ticket", "user"], name="helpdesk_follower_unique_user"),
        ]

    def __str__(self) -> str:
        return _("%(who)s follows ticket %(ticket)s") % {"who": self.customer or self.user, "ticket": self.ticket_id}


class TicketLink(models.Model):
    """A typed link between two tickets."""

    class Kind(models.TextChoices):
        RELATED = "related", _("Related to")
        DUPLICATE = "duplicate", _("Duplicate of")
        BLOCKS = "blocks", _("Blocks")

    source = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("ticket link")
        verbose_name_plural = _("ticket links")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="helpdesk_link_unique"),
            models.CheckConstraint(condition=~Q(source=models.F("target")), name="helpdesk_link_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} {self.get_kind_display()} {self.target_id}"
