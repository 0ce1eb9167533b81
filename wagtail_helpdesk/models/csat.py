"""Customer satisfaction: one rating per ticket, given from a one-click link in a mail."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .tickets import Ticket


class SatisfactionRating(models.Model):
    """The customer's rating of how their ticket was handled (1 = very bad ... 5 = very good).

    One per ticket: clicking another score in the mail changes it.
    """

    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="satisfaction")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("rated"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("satisfaction rating")
        verbose_name_plural = _("satisfaction ratings")
        indexes = [models.Index(fields=["score", "created_at"], name="helpdesk_csat_score")]

    def __str__(self) -> str:
        return f"{self.ticket_id}: {self.score}"
