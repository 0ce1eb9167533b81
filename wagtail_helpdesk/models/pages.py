from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page


def queue_choices() -> list[tuple[str, str]]:
    """Queues an editor may send a category to (read when the editor form is built)."""
    from .queues import Queue

    return [(queue.slug, queue.name) for queue in Queue.objects.order_by("name")]


class QueueChoiceBlock(blocks.ChoiceBlock):
    """A queue picked by slug.  Reading a page never looks the choices up: only the
    editor's form lists queues, so showing a contact form costs no queue query."""

    def to_python(self, value):
        return value or ""


class ContactCategoryBlock(blocks.StructBlock):
    """One choice of the form's "What is it about?" field."""

    label = blocks.CharBlock(label=_("label"), max_length=100, help_text=_("What the customer sees, e.g. “Returns”."))
    queue = QueueChoiceBlock(
        label=_("queue"),
        choices=queue_choices,
        required=False,
        help_text=_("Tickets of this category go to this queue; empty: the page's queue."),
    )

    class Meta:
        icon = "tag"
        label = _("category")


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

    categories = StreamField(
        [("category", ContactCategoryBlock())],
        verbose_name=_("categories"),
        blank=True,
        help_text=_("Offered in a required “What is it about?” field; leave empty for no such field."),
    )
    show_phone = models.BooleanField(_("ask for a phone number"), default=False)
    show_order_number = models.BooleanField(_("ask for an order number"), default=True)
    show_product = models.BooleanField(_("ask which product"), default=False)

    content_panels = [
        FieldPanel("intro"),
        FieldPanel("queue"),
        FieldPanel("categories"),
        MultiFieldPanel(
            [FieldPanel("show_phone"), FieldPanel("show_order_number"), FieldPanel("show_product")],
            heading=_("Optional fields"),
        ),
        FieldPanel("thank_you_text"),
    ]

    template = "wagtail_helpdesk/contact_form_page.html"
    landing_page_template = "wagtail_helpdesk/contact_form_page_landing.html"

    class Meta:
        abstract = True

    def category_options(self) -> list[dict[str, str]]:
        """The configured categories as ``{"label", "queue"}`` dicts, in the editor's order."""
        return [
            {"label": block.value["label"], "queue": block.value.get("queue") or ""}
            for block in self.categories
            if block.block_type == "category" and block.value["label"]
        ]

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
