"""How long one page of the API's ticket list takes with 100,000 tickets.

Run from the repository root::

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/helpdesk python benchmarks/api.py --n 100000
    python benchmarks/api.py --n 20000                                     # SQLite (a temp file)

It is a measurement, not a test: nothing is asserted.  Django is configured
from ``tests/settings.py`` with the database from ``DATABASE_URL``; a fresh
database (``test_<name>``) is created and migrated, seeded with ``bulk_create``
(tickets bypass intake here on purpose: we time reading, not opening), then
dropped.  Each request goes through the real URLconf, authentication,
permissions, filters, cursor pagination and serializers (Django's test
client, in process: no network, no web server).

Scenarios, each repeated ``--repeat`` times: the first page; pages deep in the
list (cursors at 50 %, 90 % and 99 % of the agent's tickets); filters (status,
queue, status + queue, SLA breached, tag); the text search.  Printed: p50 and
p95 of the whole request in milliseconds, p95 of the time spent in SQL, and
the SQL statements per request.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="tickets to seed (default 100000)")
    parser.add_argument("--repeat", type=int, default=30, help="requests per scenario (default 30)")
    parser.add_argument("--page-size", type=int, default=50)
    parser.add_argument("--keep-db", action="store_true")
    return parser.parse_args(argv)


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django
    from django.conf import settings

    if not os.environ.get("DATABASE_URL"):
        folder = tempfile.mkdtemp(prefix="helpdesk-bench-")
        settings.DATABASES["default"]["TEST"] = {"NAME": f"{folder}/bench.sqlite3"}
    settings.DEBUG = False
    settings.WAGTAIL_HELPDESK_API_THROTTLE_RATES = {}
    django.setup()


def seed(n: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail_helpdesk.models import Customer, Priority, Queue, Status, Tag, Ticket
    from wagtail_helpdesk.services.references import format_reference

    rng = random.Random(7)
    started = time.perf_counter()
    User = get_user_model()
    queues = [Queue.objects.create(name=f"Queue {i}", slug=f"q{i}") for i in range(5)]
    group = Group.objects.create(name="Agents of q0 and q1")
    for queue in queues[:2]:
        queue.groups.add(group)
    agent = User.objects.create_user("bench-agent", password="x")
    agent.groups.add(group)
    manager = User.objects.create_superuser("bench-manager", password="x")
    customers = Customer.objects.bulk_create(
        [Customer(email=f"c{i}@mail.example", name=f"Customer {i}") for i in range(max(n // 10, 1))], batch_size=5000
    )
    tag = Tag.objects.create(name="warranty")
    now = timezone.now()
    statuses = [Status.NEW, Status.OPEN, Status.PENDING, Status.SOLVED, Status.CLOSED]
    batch: list[Ticket] = []
    # bulk_create would stamp every row "now" (auto_now_add): keep the spread-out times given here.
    stamped = [Ticket._meta.get_field(name) for name in ("created_at", "last_activity_at")]
    for field in stamped:
        field.auto_now_add = False
    with transaction.atomic():
        for i in range(n):
            created = now - timedelta(seconds=n - i + rng.random())
            batch.append(
                Ticket(
                    reference=format_reference(i + 1),
                    subject=f"Order {i} did not arrive {rng.choice(['kettle', 'lamp', 'chair', 'desk'])}",
                    status=rng.choice(statuses),
                    priority=rng.choice(Priority.values),
                    channel=rng.choice(["web", "email", "api"]),
                    queue=queues[i % 5],
                    customer=customers[i % len(customers)],
                    created_at=created,
                    last_activity_at=created + timedelta(seconds=rng.random()),
                    sla_due_at=now + timedelta(hours=rng.randint(-48, 48)) if i % 3 == 0 else None,
                )
            )
            if len(batch) == 5000:
                Ticket.objects.bulk_create(batch)
                batch = []
        if batch:
            Ticket.objects.bulk_create(batch)
        Through = Ticket.tags.through
        ids = list(Ticket.objects.order_by("pk").values_list("pk", flat=True))
        Through.objects.bulk_create([Through(ticket_id=pk, tag_id=tag.pk) for pk in ids[::20]], batch_size=5000)
    for field in stamped:
        field.auto_now_add = True
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"  seeded {n} tickets, {len(customers)} customers in {time.perf_counter() - started:.1f}s", flush=True)
    return {"agent": agent, "manager": manager}


def deep_cursor(client, base: str, fraction: float, user) -> str:
    """A cursor at ``fraction`` of the user's list, built the way DRF encodes one."""
    from rest_framework.pagination import Cursor

    from wagtail_helpdesk.api.pagination import HelpdeskCursorPagination
    from wagtail_helpdesk.models import Ticket

    tickets = Ticket.objects.visible_to(user).order_by("-last_activity_at", "-pk")
    count = tickets.count()
    position = tickets.values_list("last_activity_at", flat=True)[int(count * fraction)]
    paginator = HelpdeskCursorPagination()
    paginator.base_url = "http://testserver" + base
    return paginator.encode_cursor(Cursor(offset=0, reverse=False, position=str(position)))


def timed(client, url: str, repeat: int) -> tuple[list[float], list[float], int, int]:
    """Wall time per request (whole Django stack) and the time spent in SQL, in ms."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm
    times, sql_times = [], []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        sql_times.append(sum(float(q["time"]) for q in ctx.captured_queries) * 1000)
        assert response.status_code == 200, response.content[:300]
    return times, sql_times, len(ctx.captured_queries), len(response.json()["results"])


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[max(int(len(values) * 0.95) - 1, 0)]


def main(argv=None) -> None:
    args = parse_args(argv)
    configure()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    print(f"creating and migrating a fresh {connection.vendor} database ...", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        users = seed(args.n)
        base = "/api/helpdesk/v1/tickets/"
        ps = f"page_size={args.page_size}"
        rows = []
        for who in ("agent", "manager"):
            client = Client()
            client.force_login(users[who])
            scenarios = {
                "first page": f"{base}?{ps}",
                **{
                    f"deep page ({int(f * 100)} %)": f"{deep_cursor(client, base, f, users[who])}&{ps}"
                    for f in (0.5, 0.9, 0.99)
                },
                "status=open": f"{base}?status=open&{ps}",
                "queue=q1": f"{base}?queue=q1&{ps}",
                "status=open&queue=q1": f"{base}?status=open&queue=q1&{ps}",
                "status=new&status=open (deep 90 %)": f"{deep_cursor(client, base, 0.9, users[who])}&status=new"
                f"&status=open&{ps}",
                "sla=breached": f"{base}?sla=breached&{ps}",
                "tag=warranty": f"{base}?tag=warranty&{ps}",
                "q=kettle (search)": f"{base}?q=kettle&{ps}",
                "q=c123@mail (search)": f"{base}?q=c123@mail&{ps}",
            }
            for name, url in scenarios.items():
                url = url.replace("http://testserver", "")
                times, sql_times, queries, count = timed(client, url, args.repeat)
                rows.append((who, name, statistics.median(times), p95(times), p95(sql_times), queries, count))
        import django
        import wagtail

        print()
        print(f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}".strip())
        print(
            f"Django {django.get_version()}, Wagtail {wagtail.__version__}, "
            f"{args.n} tickets, page size {args.page_size}"
        )
        print(f"{'caller':8} {'scenario':38} {'p50 ms':>8} {'p95 ms':>8} {'SQL p95':>8} {'SQL':>4} {'rows':>5}")
        for who, name, p50, p95_ms, sql_p95, queries, count in rows:
            print(f"{who:8} {name:38} {p50:8.1f} {p95_ms:8.1f} {sql_p95:8.1f} {queries:4d} {count:5d}")
    finally:
        if not args.keep_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
