from django.conf import settings
from django.core.management.base import BaseCommand

from example_site.shop import demo


class Command(BaseCommand):
    help = (
        "Create the demo shop: pages, queues, agents, customers with orders, and two months of helpdesk "
        "history made through the helpdesk's own intake and workflow. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tickets", type=int, default=300, help="How many tickets the history has (default 300).")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed; the same seed gives the same shop.")

    def handle(self, *args, **options):
        result = demo.load(tickets=options["tickets"], seed=options["seed"])
        out = self.stdout.write
        if result.created_history:
            out(self.style.SUCCESS(f"Demo history created in {result.seconds:.1f} s."))
        else:
            out(f"Demo data already loaded; nothing duplicated ({result.seconds:.1f} s).")
        out(f"  shop:     {result.products} products, {result.orders} orders from {result.shop_customers} customers")
        out(f"  queues:   {', '.join(result.queues)}")
        out(f"  agents:   {', '.join(result.agents)} (password: demo)")
        statuses = ", ".join(f"{status} {count}" for status, count in sorted(result.tickets_by_status.items()))
        channels = ", ".join(f"{channel} {count}" for channel, count in sorted(result.tickets_by_channel.items()))
        out(f"  tickets:  {result.tickets} ({channels}); {statuses}; {result.merged} merged into others")
        out(f"  messages: {result.messages}; mails sent to customers: {result.outbound_sent}")
        mail_dir = getattr(settings, "SENT_MAIL_DIR", None)
        if mail_dir:
            out(f"  mail:     what customers received is in {mail_dir}/")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        out(f"  contact:  {base}{result.contact_url}")
        if result.customer_login:
            statuses = ", ".join(f"{status} {count}" for status, count in sorted(result.customer_tickets.items()))
            out(f"  customer: log in at {base}/accounts/login/ as {result.customer_login} / demo ({statuses})")
        out(self.style.SUCCESS(f"Admin: {base}/admin/  login admin / admin"))
