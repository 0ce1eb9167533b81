"""Set-up data of the demo: site pages, queues and agents, products and orders.

Each function looks its data up before creating it, so running the demo
loader again duplicates nothing.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Page, Site

from example_site.home.models import HomePage
from wagtail_helpdesk.models import ContactFormPage, Customer, Queue, ReplyTemplate

from ..models import Order, OrderLine, Product
from . import content
from .content import HISTORY_DAYS, customer_email

User = get_user_model()


def ensure_queues_and_agents() -> dict[str, Queue]:
    """The four desks, an agent group each, and the agents (password ``demo``)."""
    password = make_password("demo")  # hashed once: hashing is deliberately slow
    users = {}
    for username, first, last in content.AGENTS:
        user, _created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@hearth-kettle.example",
                "password": password,
            },
        )
        users[username] = user
    permissions = list(_agent_permissions())
    queues = {}
    for name, slug, is_default, members in content.QUEUES:
        queue, _created = Queue.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "is_default": is_default, "email": f"{slug}@hearth-kettle.example"},
        )
        group, _created = Group.objects.get_or_create(name=f"{name} agents")
        group.permissions.add(*permissions)
        queue.groups.add(group)
        for username in members:
            users[username].groups.add(group)
        queues[slug] = queue
    return queues


def _agent_permissions() -> Iterable[Permission]:
    """Log into the Wagtail admin and look at the helpdesk's configuration.

    Which tickets an agent works is decided by queue membership (the group), not by model permissions.
    """
    yield Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    yield from Permission.objects.filter(content_type__app_label="wagtail_helpdesk", codename__startswith="view_")


def ensure_admin() -> None:
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@hearth-kettle.example", "admin")


def ensure_pages(general: Queue) -> ContactFormPage:
    """The shop's home page as the site root, with the "Contact us" form below it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=content.SHOP_NAME, slug="hearth-kettle", intro=content.HOME_INTRO, body=content.HOME_BODY
            )
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
        welcome = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = content.SHOP_NAME
        site.save()
        # Wagtail's initial migration creates a placeholder "Welcome" page as the site root.
        if welcome is not None and welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()
    contact = ContactFormPage.objects.child_of(home).filter(slug="contact-us").first()
    if contact is None:
        contact = home.add_child(
            instance=ContactFormPage(
                title="Contact us",
                slug="contact-us",
                intro=content.CONTACT_INTRO,
                thank_you_text=content.CONTACT_THANKS,
                queue=general,
                show_phone=True,
                show_order_number=True,
                show_product=True,
                categories=[("category", {"label": name, "queue": slug}) for name, slug in content.CONTACT_CATEGORIES],
            )
        )
    return contact


def ensure_demo_customer() -> Customer | None:
    """A site account (``customer`` / ``demo``) for the customer whose tickets show the most statuses.

    Logged in, they see "My requests" in the portal: open, waiting, solved and closed ones.
    """
    linked = Customer.objects.filter(user__username=content.DEMO_CUSTOMER_USERNAME).first()
    if linked is not None:
        return linked
    candidate = (
        Customer.objects.filter(user__isnull=True)
        .annotate(statuses=Count("tickets__status", distinct=True), count=Count("tickets"))
        .filter(count__gt=0)
        .order_by("-statuses", "-count", "email")
        .first()
    )
    if candidate is None:
        return None
    user = User.objects.filter(username=content.DEMO_CUSTOMER_USERNAME).first() or User.objects.create_user(
        content.DEMO_CUSTOMER_USERNAME,
        candidate.email,
        "demo",
        first_name=candidate.name.split(" ")[0],
        last_name=" ".join(candidate.name.split(" ")[1:]),
    )
    candidate.user = user
    candidate.save(update_fields=["user"])
    return candidate


def ensure_products() -> list[Product]:
    products = []
    for name, sku, price, warranty in content.PRODUCTS:
        product, _created = Product.objects.get_or_create(
            sku=sku, defaults={"name": name, "price": Decimal(price), "warranty_months": warranty}
        )
        products.append(product)
    return products


def ensure_orders(products: list[Product], rng: random.Random) -> None:
    """One to four orders for each of the forty customers, numbered from SO-10001."""
    if Order.objects.exists():
        return
    now = timezone.now()
    number = 10001
    for first, last, domain in content.CUSTOMERS:
        email = customer_email(first, last, domain)
        for _ in range(rng.randint(1, 4)):
            placed_at = now - timedelta(days=rng.uniform(1, HISTORY_DAYS + 60), hours=rng.uniform(0, 12))
            age = (now - placed_at).days
            status = (
                Order.Status.PAID
                if age < 2
                else Order.Status.SHIPPED
                if age < 6
                else rng.choice([Order.Status.DELIVERED] * 6 + [Order.Status.RETURNED])
            )
            order = Order.objects.create(
                number=f"SO-{number}",
                email=email,
                customer_name=f"{first} {last}",
                status=status,
                placed_at=placed_at,
                tracking_code=f"DPD{rng.randint(10**9, 10**10 - 1)}" if status != Order.Status.PAID else "",
            )
            for product in rng.sample(products, rng.randint(1, 3)):
                OrderLine.objects.create(
                    order=order, product=product, quantity=rng.choice([1, 1, 1, 2]), unit_price=product.price
                )
            number += 1


def ensure_reply_templates() -> None:
    """The shop's own acknowledgement replaces the packaged one (edited under Helpdesk in the admin)."""
    ReplyTemplate.objects.get_or_create(
        name="Shop acknowledgement",
        defaults={
            "event": ReplyTemplate.Event.TICKET_CREATED,
            "subject": content.ACKNOWLEDGEMENT_SUBJECT,
            "body": content.ACKNOWLEDGEMENT_BODY,
        },
    )
