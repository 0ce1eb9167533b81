"""SLA configuration: business calendars, policies with per-priority targets, and the
record of each warning/breach already announced.

Calendars and policies are data managers edit in the admin; the clock that
reads them is ``services.sla``.
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from .queues import Queue
from .tickets import Priority, Ticket


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(_("%(zone)s is not a known time zone, e.g. Europe/Warsaw.") % {"zone": value}) from exc


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class BusinessCalendar(ClusterableModel):
    """When the helpdesk works: weekly opening hours in one time zone, minus holidays.

    A day may have several intervals (e.g. 8:00-12:00 and 13:00-17:00).  A
    calendar without any hours counts every minute (24/7).
    """

    name = models.CharField(_("name"), max_length=100)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("E.g. Europe/Warsaw."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("time_zone")]),
        InlinePanel("hours", heading=_("Weekly hours"), label=_("interval")),
        InlinePanel("holidays", heading=_("Holidays"), label=_("holiday")),
    ]

    class Meta:
        verbose_name = _("business calendar")
        verbose_name_plural = _("business calendars")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.time_zone})"


class BusinessHours(models.Model):
    """One working interval on one weekday; an end of 00:00 means midnight at the end of the day."""

    calendar = ParentalKey(BusinessCalendar, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("00:00 means midnight at the end of the day."))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta:
        verbose_name = _("business hours")
        verbose_name_plural = _("business hours")
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    def clean(self) -> None:
        ends_at_midnight = self.closes is not None and not (self.closes.hour or self.closes.minute)
        if self.opens is not None and self.closes is not None and not ends_at_midnight and self.closes <= self.opens:
            raise ValidationError({"closes": _("The interval must close after it opens.")})


class Holiday(models.Model):
    """A date (in the calendar's time zone) on which nobody works."""

    calendar = ParentalKey(BusinessCalendar, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=100, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("name")])]

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["calendar", "date"], name="helpdesk_holiday_unique_date")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}".strip()


class SLAPolicy(ClusterableModel):
    """Targets a ticket must meet, counted in business minutes of a calendar.

    Policies are tried by ``order``; the first whose filled conditions (queue,
    customer segment) match the ticket applies.  Empty conditions match anything.
    """

    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers are tried first."))
    active = models.BooleanField(_("active"), default=True)
    calendar = models.ForeignKey(
        BusinessCalendar,
        verbose_name=_("business calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the clock runs around the clock."),
    )
    queue = models.ForeignKey(
        Queue, verbose_name=_("queue"), null=True, blank=True, on_delete=models.CASCADE, related_name="sla_policies"
    )
    customer_segment = models.CharField(
        _("customer shop account"),
        max_length=100,
        blank=True,
        help_text=_('Shell-style pattern of the customer\'s shop account, e.g. "VIP-*".'),
    )
    warning_percent = models.PositiveSmallIntegerField(
        _("warn at (percentage of time used)"),
        default=80,
        help_text=_("A deadline is at risk once this share of its time is used."),
    )
    pause_on_hold = models.BooleanField(
        _("pause while on hold"),
        default=False,
        help_text=_("The clock always stops while waiting on the customer; also stop it while on hold?"),
    )

    notify_group = models.ForeignKey(
        Group,
        verbose_name=_("after a breach, notify"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("E.g. the team leads or managers."),
    )
    raise_priority = models.BooleanField(_("after a breach, raise the priority"), default=False)
    reassign_to_queue = models.ForeignKey(
        Queue,
        verbose_name=_("after a breach, move to queue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reassign_to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("after a breach, assign to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("order"), FieldPanel("active")]),
        MultiFieldPanel(
            [FieldPanel("calendar"), FieldPanel("warning_percent"), FieldPanel("pause_on_hold")],
            heading=_("Clock"),
        ),
        MultiFieldPanel([FieldPanel("queue"), FieldPanel("customer_segment")], heading=_("Applies to")),
        InlinePanel("targets", heading=_("Targets per priority (business minutes)"), label=_("target")),
        MultiFieldPanel(
            [
                FieldPanel("notify_group"),
                FieldPanel("raise_priority"),
                FieldPanel("reassign_to_queue"),
                FieldPanel("reassign_to_user"),
            ],
            heading=_("Escalation"),
        ),
    ]

    class Meta:
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not 1 <= (self.warning_percent or 0) <= 100:
            raise ValidationError({"warning_percent": _("Choose a share between 1 and 100 %.")})


class SLATarget(models.Model):
    """The targets of one priority, in business minutes; empty means no target."""

    policy = ParentalKey(SLAPolicy, on_delete=models.CASCADE, related_name="targets")
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices)
    first_response_minutes = models.PositiveIntegerField(_("first response"), null=True, blank=True)
    next_response_minutes = models.PositiveIntegerField(_("next response"), null=True, blank=True)
    resolution_minutes = models.PositiveIntegerField(_("resolution"), null=True, blank=True)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("priority"),
                FieldPanel("first_response_minutes"),
                FieldPanel("next_response_minutes"),
                FieldPanel("resolution_minutes"),
            ]
        )
    ]

    class Meta:
        verbose_name = _("SLA target")
        verbose_name_plural = _("SLA targets")
        ordering = ["priority"]
        constraints = [models.UniqueConstraint(fields=["policy", "priority"], name="helpdesk_slatarget_unique")]

    def __str__(self) -> str:
        return f"{self.policy}: {self.get_priority_display()}"


class SLANotice(models.Model):
    """One warning or breach already announced for one deadline.

    The unique constraint is the idempotency key: however often the sweep runs,
    and however many beat processes overlap, a deadline ``(ticket, target,
    due)`` is warned about once and breached once.  A deadline that moves
    (priority change, resumed clock) is a new deadline.
    """

    class Kind(models.TextChoices):
        WARNING = "warning", _("Warning")
        BREACH = "breach", _("Breach")

    class Target(models.TextChoices):
        FIRST_RESPONSE = "first_response", _("First response")
        NEXT_RESPONSE = "next_response", _("Next response")
        RESOLUTION = "resolution", _("Resolution")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="sla_notices")
    target = models.CharField(_("target"), max_length=16, choices=Target.choices)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    due = models.DateTimeField(_("due"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("SLA notice")
        verbose_name_plural = _("SLA notices")
        constraints = [
            models.UniqueConstraint(fields=["ticket", "target", "kind", "due"], name="helpdesk_slanotice_once")
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.target} {self.kind} {self.due:%Y-%m-%d %H:%M}"
