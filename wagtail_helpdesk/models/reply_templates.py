from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class ReplyTemplate(models.Model):
    """Text sent to customers automatically, edited by managers in the admin.

    Subject and body are Django template text rendered with a small context of
    plain values (``ticket.reference``, ``ticket.subject``, ``customer.name``,
    ``portal_url``...), never model instances, so a template cannot reach
    anything else.
    """

    class Event(models.TextChoices):
        TICKET_CREATED = "ticket_created", _("Ticket opened (acknowledgement)")
        STATUS_CHANGED = "status_changed", _("Status changed")
        IN_PROGRESS = "in_progress", _("We are working on it")
        WAITING_ON_CUSTOMER = "waiting_on_customer", _("Waiting for the customer's answer")
        SOLVED = "solved", _("Solved")
        REMINDER = "reminder", _("Reminder: we are still waiting for your answer")
        CSAT_REQUEST = "csat_request", _("Satisfaction survey")

    name = models.CharField(_("name"), max_length=100)
    event = models.CharField(_("sent when"), max_length=32, choices=Event.choices)
    language = models.CharField(
        _("language"), max_length=16, blank=True, help_text=_("Leave empty to use for every language.")
    )
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(
        _("body"),
        help_text=_(
            "Variables: {{ ticket.reference }}, {{ ticket.subject }}, {{ ticket.status }}, "
            "{{ customer.name }}, {{ portal_url }}; in satisfaction surveys also "
            "{{ csat.url_1 }} ... {{ csat.url_5 }}."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("event"),
        FieldPanel("language"),
        FieldPanel("subject"),
        FieldPanel("body"),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        indexes = [models.Index(fields=["event", "language"], name="helpdesk_tpl_event")]

    def __str__(self) -> str:
        return self.name
