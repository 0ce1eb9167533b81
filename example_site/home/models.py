from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_helpdesk.models import ContactFormPage


class HomePage(Page):
    """The shop front: a welcome text, a few products and the way to customer service."""

    intro = models.CharField(max_length=255, blank=True)
    body = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from example_site.shop.models import Product

        context = super().get_context(request, *args, **kwargs)
        context["products"] = Product.objects.all()[:8]
        context["contact_page"] = self.get_children().type(ContactFormPage).live().specific().first()
        return context
