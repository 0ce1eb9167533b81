"""Automation rules: "when this happens to a ticket like that, do these things".

Event rules run when a ticket event is announced (``plugins.automation``);
time rules run from Celery beat (``services.automation_timed``).  Conditions
left empty match anything; all filled ones must match.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .queues import Queue
from .reply_templates import ReplyTemplate
from .tickets import Priority, Status, Ticket


class AutomationRule(models.Model):
    class Trigger(models.TextChoices):
        TICKET_CREATED = "created", _("Ticket opened")
        CUSTOMER_REPLIED = "message", _("Customer replied")
        AGENT_REPLIED = "reply", _("Agent replied")
        STATUS_CHANGED = "status", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        SLA_WARNING = "sla_warning", _("SLA deadline at risk")
        SLA_BREACHED = "sla_breached", _("SLA deadline breached")
        PENDING_FOR = "pending_for", _("Waiting on the customer for N days")
        SOLVED_FOR = "solved_for", _("Solved for N days")

    #: Triggers run by the beat task rather than by an event.
    TIMED = (Trigger.PENDING_FOR, Trigger.SOLVED_FOR)

    name = models.CharField(_("name"), max_length=100, help_text=_("Shown in the ticket's history."))
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers run first."))
    active = models.BooleanField(_("active"), default=True)
    trigger = models.CharField(_("when"), max_length=16, choices=Trigger.choices)
    after_days = models.PositiveIntegerField(
        _("after days"), default=0, help_text=_("For the timed triggers: how many days.")
    )

    queue = models.ForeignKey(
        Queue, verbose_name=_("queue"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=32, blank=True)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, blank=True, help_text=_("The status after the event.")
    )
    tag = models.CharField(_("tag"), max_length=50, blank=True)
    category = models.CharField(_("category"), max_length=100, blank=True)
    words = models.TextField(_("words in subject"), blank=True, help_text=_("One per line; any of them matches."))
    shop_account_pattern = models.CharField(
        _("customer shop account"), max_length=100, blank=True, help_text=_('Shell-style pattern, e.g. "VIP-*".')
    )

    send_template = models.CharField(
        _("send template to the customer"),
        max_length=32,
        choices=ReplyTemplate.Event.choices,
        blank=True,
        help_text=_("The reply template for this event, in the customer's language."),
    )
    notify_agents = models.BooleanField(
        _("notify agents"), default=False, help_text=_("The assignee, or the queue's agents if unassigned.")
    )
    set_priority = models.PositiveSmallIntegerField(_("set priority"), choices=Priority.choices, null=True, blank=True)
    set_status = models.CharField(_("set status"), max_length=16, choices=Status.choices, blank=True)
    add_tags = models.CharField(_("add tags"), max_length=255, blank=True, help_text=_("Comma-separated."))
    assign_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assign to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("order"), FieldPanel("active")]),
        FieldRowPanel([FieldPanel("trigger"), FieldPanel("after_days")]),
        MultiFieldPanel(
            [
                FieldPanel("queue"),
                FieldPanel("channel"),
                FieldPanel("priority"),
                FieldPanel("status"),
                FieldPanel("tag"),
                FieldPanel("category"),
                FieldPanel("words"),
                FieldPanel("shop_account_pattern"),
            ],
            heading=_("If all filled conditions match"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("send_template"),
                FieldPanel("notify_agents"),
                FieldPanel("set_priority"),
                FieldPanel("set_status"),
                FieldPanel("add_tags"),
                FieldPanel("assign_to"),
            ],
            heading=_("Then"),
        ),
    ]

    class Meta:
        verbose_name = _("automation rule")
        verbose_name_plural = _("automation rules")
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["trigger", "active"], name="helpdesk_autorule_trigger")]

    def __str__(self) -> str:
        return self.name


class AutomationRun(models.Model):
    """A timed rule already applied to a ticket for one occasion (``key``), so beat applies it once."""

    rule = models.ForeignKey(AutomationRule, on_delete=models.CASCADE, related_name="runs")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("automation run")
        verbose_name_plural = _("automation runs")
        constraints = [models.UniqueConstraint(fields=["rule", "ticket", "key"], name="helpdesk_autorun_once")]

    def __str__(self) -> str:
        return f"{self.rule_id} on {self.ticket_id} ({self.key})"
