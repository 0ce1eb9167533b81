from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class ContactFormPageMixin(models.Model):
    """The contact form behaviour, for sites with their own base Page model.

    A site on Wagtail 8's swappable base page subclasses this together with its
    own page class; everyone else uses :class:`ContactFormPage`.  Submitting
    the form only builds an ``InboundMessage`` (through the ``web`` channel) and
    calls ``services.intake.receive()``.
    """

    intro = RichTextField(_("intro"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)
    queue = models.ForeignKey(
        "wagtail_helpdesk.Queue",
        verbose_name=_("queue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tickets from this page go to this queue unless a routing rule decides otherwise."),
    )

    content_panels = [FieldPanel("intro"), FieldPanel("queue"), FieldPanel("thank_you_text")]

    template = "wagtail_helpdesk/contact_form_page.html"
    landing_page_template = "wagtail_helpdesk/contact_form_page_landing.html"

    class Meta:
        abstract = True

    def get_ticket_form_class(self):
        """Override point for a site's own form (more fields, other widgets)."""
        from ..forms import ContactForm

        return ContactForm

    def serve(self, request, *args, **kwargs):
        form_class = self.get_ticket_form_class()
        if request.method == "POST":
            form = form_class(request.POST, request.FILES, page=self, request=request)
            if form.is_valid():
                result = form.submit()
                if result is not None:
                    context = self.get_context(request)
                    context["ticket"] = result.ticket
                    return TemplateResponse(request, self.landing_page_template, context)
        else:
            form = form_class(page=self, request=request)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)


class ContactFormPage(ContactFormPageMixin, Page):  # noqa: DJ008  Page defines __str__
    """A page editors place anywhere; its form opens a ticket."""

    content_panels = Page.content_panels + ContactFormPageMixin.content_panels

    class Meta:
        verbose_name = _("contact form page")
        verbose_name_plural = _("contact form pages")
