"""A deliberately small shop: products, and orders placed by email address.

The shop knows nothing about the helpdesk; ``helpdesk_plugin.py`` is the only
bridge between the two, exactly as it would be for a real shop or ERP.
"""

from decimal import Decimal

from django.db import models
from django.db.models import F, Sum
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


class Product(models.Model):
    name = models.CharField(max_length=120)
    sku = models.CharField("SKU", max_length=32, unique=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    warranty_months = models.PositiveSmallIntegerField(default=24)
    description = models.TextField(blank=True)

    panels = [FieldPanel("name"), FieldPanel("sku"), FieldPanel("price"), FieldPanel("warranty_months")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OrderQuerySet(models.QuerySet):
    def for_email(self, email: str) -> "OrderQuerySet":
        return self.filter(email__iexact=email.strip()) if email else self.none()

    def with_totals(self) -> "OrderQuerySet":
        return self.annotate(total=Sum(F("lines__quantity") * F("lines__unit_price")))


class Order(ClusterableModel):
    class Status(models.TextChoices):
        PLACED = "placed", "Placed"
        PAID = "paid", "Paid"
        SHIPPED = "shipped", "Shipped"
        DELIVERED = "delivered", "Delivered"
        RETURNED = "returned", "Returned"
        CANCELLED = "cancelled", "Cancelled"

    #: What customers quote in their messages, e.g. ``SO-10042``.
    number = models.CharField(max_length=20, unique=True)
    email = models.EmailField(db_index=True)
    customer_name = models.CharField(max_length=200)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PLACED)
    placed_at = models.DateTimeField()
    tracking_code = models.CharField(max_length=40, blank=True)

    objects = OrderQuerySet.as_manager()

    panels = [
        FieldPanel("number"),
        FieldPanel("customer_name"),
        FieldPanel("email"),
        FieldPanel("status"),
        FieldPanel("placed_at"),
        FieldPanel("tracking_code"),
        InlinePanel("lines", label="Order lines"),
    ]

    class Meta:
        ordering = ["-placed_at"]

    def __str__(self) -> str:
        return self.number

    def get_total(self) -> Decimal:
        """The annotated total when the queryset has one, else summed from the lines."""
        total = getattr(self, "total", None)
        if total is None:
            total = sum((line.quantity * line.unit_price for line in self.lines.all()), Decimal("0"))
        return total


class OrderLine(models.Model):
    order = ParentalKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveSmallIntegerField(default=1)
    unit_price = models.DecimalField(max_digits=8, decimal_places=2)

    panels = [FieldPanel("product"), FieldPanel("quantity"), FieldPanel("unit_price")]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.product}"
