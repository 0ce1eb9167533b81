"""Run by ``test_demo_site.py`` in a subprocess, under the example site's own settings.

Looks at the demo database and the site the way a visitor and an agent would,
and prints what it saw as JSON on stdout.
"""

import json
import os
import re
import sys
import uuid
from pathlib import Path


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.dev")
    import django

    django.setup()

    from django.contrib.auth import get_user_model
    from django.db.models import Max, Min
    from django.template.loader import render_to_string
    from django.test import Client, RequestFactory

    from wagtail_helpdesk.models import InboundRecord, OutboundMessage, Ticket
    from wagtail_helpdesk.plugins.manager import get_plugin_manager

    tickets = Ticket.objects.all()
    span = tickets.aggregate(first=Min("created_at"), last=Max("created_at"))
    report = {
        "tickets": tickets.count(),
        "statuses": sorted(set(tickets.values_list("status", flat=True))),
        "channels": sorted(set(tickets.values_list("channel", flat=True))),
        "queues": sorted(set(tickets.values_list("queue__slug", flat=True))),
        "merged": tickets.filter(merged_into__isnull=False).count(),
        "without_reference": tickets.filter(reference__isnull=True).count(),
        "history_days": (span["last"] - span["first"]).days,
        "order_tagged": tickets.filter(tags__name="order").count(),
        "returns_category": tickets.filter(category="returns").count(),
        "follow_ups": InboundRecord.objects.filter(payload__subject__startswith="Re: [").count(),
        "outbound_not_sent": OutboundMessage.objects.exclude(state=OutboundMessage.State.SENT).count(),
    }

    visitor = Client()
    home = visitor.get("/")
    contact = visitor.get("/contact-us/")
    submitted = visitor.post(
        "/contact-us/",
        {
            "name": "Probe Customer",
            "email": "probe@example.com",
            "category": "Return or refund",
            "subject": "Refund for SO-10042",
            "message": "I returned the kettle from order SO-10042; please refund it.",
            "token": uuid.uuid4().hex,
            "website": "",
        },
    )
    new_ticket = Ticket.objects.order_by("-pk").first()
    report["pages"] = {
        "home": [home.status_code, "Contact customer service" in home.content.decode()],
        "contact": [contact.status_code, 'name="email"' in contact.content.decode()],
        "submitted": [submitted.status_code, new_ticket.reference in submitted.content.decode()],
        "admin_login": [visitor.get("/admin/login/").status_code],
    }
    report["submitted_ticket"] = {
        "queue": new_ticket.queue.slug,
        "category": new_ticket.category,
        "custom_fields": new_ticket.custom_fields,
        "tags": list(new_ticket.tags.values_list("name", flat=True)),
    }

    shopper = Client()
    report["customer_login"] = shopper.login(username="customer", password="demo")
    portal = shopper.get("/helpdesk/portal/")
    statuses_shown = set(re.findall(r"helpdesk-status--(\w+)", portal.content.decode()))
    report["portal"] = [portal.status_code, len(statuses_shown)]
    report["login_page"] = Client().get("/helpdesk/portal/", follow=True).status_code

    # The help centre, in English and Polish, and what crawlers see.
    from wagtail_helpdesk.models import KBArticlePage

    help_en, help_pl = visitor.get("/help/"), visitor.get("/pl/help/")
    search = visitor.get("/helpdesk/kb/search/", {"q": "refund"}).json()
    report["kb"] = {
        "articles": sorted(set(KBArticlePage.objects.values_list("locale__language_code", flat=True))),
        "untranslated": KBArticlePage.objects.filter(locale__language_code="en").count()
        - KBArticlePage.objects.filter(locale__language_code="pl").count(),
        "pages": [help_en.status_code, help_pl.status_code],
        "search_hits": len(search["results"]),
        "sitemap_has_articles": "/help/" in visitor.get("/sitemap.xml").content.decode(),
    }

    agent = Client()
    report["agent_login"] = agent.login(username="anna", password="demo")
    report["admin_home"] = agent.get("/admin/").status_code
    admin = Client()
    report["superuser_login"] = admin.login(username="admin", password="admin")

    # The REST API is mounted: an agent lists their tickets, anyone reads the docs page.
    api_list = agent.get("/api/helpdesk/v1/tickets/?page_size=5")
    report["api"] = {
        "list": [api_list.status_code, len(api_list.json().get("results", [])) if api_list.status_code == 200 else 0],
        "docs": visitor.get("/api/helpdesk/v1/docs/").status_code,
        "anonymous": visitor.get("/api/helpdesk/v1/tickets/").status_code,
    }
    # Canned responses for the agent's queues; the help centre for anyone, per language.
    canned = agent.get("/api/helpdesk/v1/canned-responses/")
    kb_lists = {code: visitor.get(f"/api/helpdesk/v1/kb/articles/?locale={code}") for code in ("en", "pl")}
    report["api_reading"] = {
        "canned": canned.status_code == 200 and bool(canned.json()["results"]),
        "kb": {code: [r.status_code, bool(r.json().get("results"))] for code, r in kb_lists.items()},
        "kb_locales": sorted({a["locale"] for r in kb_lists.values() for a in r.json().get("results", [])}),
    }

    # The panel an agent sees beside a ticket about an order, from the shop plugin.
    ticket = Ticket.objects.filter(custom_fields__order_number__isnull=False).order_by("pk").first()
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username="admin")
    panels = [
        panel
        for result in get_plugin_manager().hook.helpdesk_customer_context_panels(
            customer=ticket.customer, ticket=ticket, request=request
        )
        for panel in result
    ]
    html = render_to_string(panels[0].template_name, panels[0].context) if panels else ""
    report["panel"] = {
        "titles": [panel.title for panel in panels],
        "order_number": ticket.custom_fields["order_number"],
        "shows_order": ticket.custom_fields["order_number"] in html,
        "marks_ticket_order": "(this ticket)" in html,
    }
    # The ticket view itself: the orders panel beside the conversation, and the demo's canned responses.
    view = admin.get(f"/admin/snippets/wagtail_helpdesk/ticket/inspect/{ticket.pk}/").content.decode()
    report["ticket_view"] = {
        "orders_panel": "Shop orders" in view and ticket.custom_fields["order_number"] in view,
        "canned": [title for title in ("Thanks, we are on it", "PL: Prosimy o numer zamówienia") if title in view],
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
