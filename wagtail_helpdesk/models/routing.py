"""Routing configuration: the rules an admin orders, and each agent's availability."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .queues import Queue
from .tickets import Priority


class RoutingRule(models.Model):
    """An admin's "if the ticket looks like this, send it there".

    Conditions left empty match anything; all filled ones must match.  Rules
    are tried by ``order``; the first match wins (``plugins.rules_router``).
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("Shown as the reason in the ticket's history."))
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers are tried first."))
    active = models.BooleanField(_("active"), default=True)

    channel = models.CharField(_("channel"), max_length=32, blank=True, help_text=_('E.g. "email" or "webform".'))
    category = models.CharField(_("category"), max_length=100, blank=True)
    tag = models.CharField(_("tag"), max_length=50, blank=True, help_text=_("A tag a classifier gave the ticket."))
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, null=True, blank=True)
    words = models.TextField(
        _("words"),
        blank=True,
        help_text=_("One word or phrase per line; any of them in the subject or body matches (case-insensitive)."),
    )
    shop_account_pattern = models.CharField(
        _("customer shop account"),
        max_length=100,
        blank=True,
        help_text=_('Shell-style pattern of the customer\'s shop account, e.g. "B2B-*".'),
    )

    target_queue = models.ForeignKey(
        Queue,
        verbose_name=_("send to queue"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="routing_rules",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assign to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An agent of the target queue; used only while available, else the queue's strategy decides."),
    )
    set_priority = models.PositiveSmallIntegerField(_("set priority"), choices=Priority.choices, null=True, blank=True)
    add_tags = models.CharField(_("add tags"), max_length=255, blank=True, help_text=_("Comma-separated."))

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("order"), FieldPanel("active")]),
        MultiFieldPanel(
            [
                FieldPanel("channel"),
                FieldPanel("category"),
                FieldPanel("tag"),
                FieldPanel("priority"),
                FieldPanel("words"),
                FieldPanel("shop_account_pattern"),
            ],
            heading=_("When all filled conditions match"),
        ),
        MultiFieldPanel(
            [FieldPanel("target_queue"), FieldPanel("assignee"), FieldPanel("set_priority"), FieldPanel("add_tags")],
            heading=_("Then"),
        ),
    ]

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name


class AgentProfile(models.Model):
    """What routing needs to know about an agent.  No profile means: available, no limit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="helpdesk_profile",
    )
    max_open_tickets = models.PositiveIntegerField(
        _("maximum open tickets"),
        null=True,
        blank=True,
        help_text=_("Routing gives this agent no more active tickets than this. Empty: no limit."),
    )
    on_leave = models.BooleanField(_("on leave"), default=False, help_text=_("Routing skips agents on leave."))
    email_notifications = models.BooleanField(
        _("notify by email"),
        default=True,
        help_text=_("Also send this agent's helpdesk notifications by email (they are always shown in the admin)."),
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("max_open_tickets"),
        FieldPanel("on_leave"),
        FieldPanel("email_notifications"),
    ]

    class Meta:
        verbose_name = _("agent profile")
        verbose_name_plural = _("agent profiles")

    def __str__(self) -> str:
        return str(self.user)
