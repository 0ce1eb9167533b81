"""The shop's products and orders in the Wagtail admin, grouped under one "Shop" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Order, Product


class ProductViewSet(SnippetViewSet):
    model = Product
    icon = "tag"
    list_display = ["name", "sku", "price", "warranty_months"]


class OrderViewSet(SnippetViewSet):
    model = Order
    icon = "list-ul"
    list_display = ["number", "customer_name", "email", "status", "placed_at"]
    list_filter = ["status"]
    ordering = ["-placed_at"]


class ShopViewSetGroup(SnippetViewSetGroup):
    menu_label = "Shop"
    menu_icon = "home"
    menu_order = 250
    items = (OrderViewSet, ProductViewSet)


register_snippet(ShopViewSetGroup)
