"""Canned responses: text an agent drops into the reply composer."""

from __future__ import annotations

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .queues import Queue


class CannedResponseQuerySet(models.QuerySet):
    def for_queue(self, queue_id: int | None) -> QuerySet:
        """Responses every queue may use, plus those restricted to ``queue_id``."""
        return (
            self.filter(Q(queue__isnull=True) | Q(queue_id=queue_id)) if queue_id else self.filter(queue__isnull=True)
        )


class CannedResponse(models.Model):
    """A reply managers write once and agents insert into the composer.

    The body is plain text with ``{{ customer.name }}``-style placeholders,
    filled by ``services.templating`` from plain values only: a canned response
    cannot reach anything it was not handed.
    """

    title = models.CharField(_("title"), max_length=100)
    body = models.TextField(
        _("body"),
        help_text=_(
            "Variables: {{ customer.name }}, {{ customer.email }}, {{ ticket.reference }}, {{ ticket.subject }}, "
            "{{ ticket.status }}, {{ agent.name }}, {{ portal_url }}."
        ),
    )
    queue = models.ForeignKey(
        Queue,
        verbose_name=_("only for queue"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="canned_responses",
        help_text=_("Leave empty to offer it on every queue's tickets."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CannedResponseQuerySet.as_manager()

    panels = [FieldPanel("title"), FieldPanel("queue"), FieldPanel("body")]

    class Meta:
        verbose_name = _("canned response")
        verbose_name_plural = _("canned responses")
        ordering = ["title", "pk"]
        indexes = [models.Index(fields=["queue", "title"], name="helpdesk_canned_queue")]

    def __str__(self) -> str:
        return self.title
