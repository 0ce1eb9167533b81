"""Server-side response times of the agent's queue, board, dashboard and ticket view at 100,000 tickets.

Run from the repository root, on PostgreSQL (seeding uses ``generate_series``)::

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/helpdesk python benchmarks/agent_queue.py
    DATABASE_URL=... python benchmarks/agent_queue.py --tickets 20000 --repeat 10 --keep-db
    DATABASE_URL=... python benchmarks/agent_queue.py --reuse-db --explain "q=flakes"   # EXPLAIN one listing

It is a measurement, not a test: nothing is asserted.  A fresh database
(``bench_queue_<name>``) is created, migrated and seeded with raw ``INSERT ... SELECT
generate_series`` (5 queues, 30 agents in 5 teams, 20,000 customers, the
tickets, 3-10 messages each, tags on a fifth of them, SLA deadlines on the
active ones), then ``ANALYZE``d.  Each view is requested through Django's
test ``Client`` (the whole middleware, template and ORM stack; no network)
logged in as an agent of one queue and as a manager (a superuser, who sees
every ticket), ``--repeat`` times after one warm-up request, and p50/p95 of
the wall time printed with the number of SQL statements of one request.
The last line times Wagtail's own site-history report with nothing in it:
the admin frame (menu, header, filters) that every admin page pays, for scale.

The per-agent saved-view counts are cached: shown as they are for 30 seconds,
then still shown while a task counts again (``services.saved_views``).  By
default the cache is cleared before every request, so every figure includes
counting them and reading every other cached list (the worst case: an agent's
first page of the day).  ``--stale`` makes the counts 30 seconds old before
every request (an agent who clicks less often than that: the page queues the
recount and does not wait for it); ``--warm`` keeps the cache between requests.
Tasks go to an in-memory broker that no worker reads: a request's own cost,
without a worker's share.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AGENTS_PER_QUEUE = 6
QUEUES = 5
CUSTOMERS = 20_000
TAGS = 10
WORDS = [
    "kettle",
    "descaler",
    "order",
    "delivery",
    "refund",
    "warranty",
    "broken",
    "screen",
    "invoice",
    "parcel",
    "courier",
    "jug",
    "lid",
    "filter",
    "voucher",
    "colour",
    "size",
    "return",
    "label",
    "exchange",
    "damaged",
    "missing",
]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per view and user (default 20)")
    parser.add_argument("--warm", action="store_true", help="keep the saved-view count cache between requests")
    parser.add_argument("--stale", action="store_true", help="make the saved-view counts stale before each request")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the benchmark database afterwards")
    parser.add_argument("--reuse-db", action="store_true", help="use a database kept by --keep-db, do not seed")
    parser.add_argument("--only", action="append", default=[], help="time only views whose name contains this")
    parser.add_argument("--as", dest="who", choices=["agent", "manager"], action="append", help="default: both")
    parser.add_argument("--explain", metavar="QUERYSTRING", help="print EXPLAIN ANALYZE of the listing's queries")
    parser.add_argument("--profile", action="store_true", help="cProfile the timed requests of each view (top 30)")
    parser.add_argument("--profile-out", metavar="FILE", help="with --profile: also save the stats (pstats format)")
    return parser.parse_args(argv)


def configure() -> None:
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    import tests.settings as base

    values: dict[str, Any] = {name: getattr(base, name) for name in dir(base) if name.isupper()}
    database = dict(values["DATABASES"]["default"])
    if not database["ENGINE"].endswith("postgresql"):
        sys.exit("benchmarks/agent_queue.py needs DATABASE_URL=postgresql://...")
    database["CONN_MAX_AGE"] = None
    # Its own database, never the test suite's test_<name> (pytest would drop a kept one).
    database["TEST"] = {"NAME": f"bench_queue_{database['NAME']}"}
    values["DATABASES"] = {"default": database}
    values["DEBUG"] = False
    values["ALLOWED_HOSTS"] = ["*"]
    values["LOGGING"] = {"version": 1, "disable_existing_loggers": False}
    values["CELERY_TASK_ALWAYS_EAGER"] = False
    values["CELERY_BROKER_URL"] = "memory://"
    settings.configure(**values)
    django.setup()


def seed(tickets: int) -> dict[str, Any]:
    """Queues, teams, agents and a manager through the ORM; customers, tickets and messages in SQL."""
    from django.contrib.auth.models import Group, Permission
    from django.db import connection

    from wagtail_helpdesk.models import Queue, Tag
    from wagtail_helpdesk.testing.factories import UserFactory

    access = Permission.objects.get(codename="access_admin")
    agents = []
    for number in range(QUEUES):
        queue = Queue.objects.create(name=f"Queue {number}", slug=f"queue-{number}", is_default=number == 0)
        team = Group.objects.create(name=f"Team {number}")
        team.permissions.add(access)
        queue.groups.add(team)
        for seat in range(AGENTS_PER_QUEUE):
            user = UserFactory(username=f"agent{number}_{seat}", first_name=f"Agent {number}.{seat}")
            user.groups.add(team)
            agents.append(user)
    manager = UserFactory(username="manager", is_superuser=True, is_staff=True)
    Tag.objects.bulk_create([Tag(name=f"tag{n}") for n in range(TAGS)])
    words = "ARRAY[" + ",".join(f"'{w}'" for w in WORDS) + "]"
    # A helpdesk a few years old: most tickets are closed, a fifth are still being worked.
    statuses = "ARRAY['new','open','open','pending','on_hold','solved','solved'" + ",'closed'" * 13 + "]"
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id) FROM auth_user WHERE username LIKE 'agent%%'")
        first_agent = cursor.fetchone()[0]
        cursor.execute("SELECT min(id), max(id) FROM wagtail_helpdesk_queue")
        first_queue, _last = cursor.fetchone()
        started = time.perf_counter()
        cursor.execute(
            f"""
            INSERT INTO wagtail_helpdesk_customer (email, name, phone, shop_account, language, created_at)
            SELECT 'customer' || g || '@mail.example', 'Customer ' || g, '', '', '', now() - (g || ' minutes')::interval
            FROM generate_series(1, {CUSTOMERS}) g
            """
        )
        cursor.execute("SELECT min(id) FROM wagtail_helpdesk_customer")
        first_customer = cursor.fetchone()[0]
        cursor.execute(
            f"""
            INSERT INTO wagtail_helpdesk_ticket (
                reference, subject, status, priority, channel, queue_id, assignee_id, customer_id, category,
                shop_reference, custom_fields, language, sla_due_at, sla_warn_at, sla_paused_minutes, created_at,
                updated_at, last_activity_at)
            SELECT 'HD-' || lpad(g::text, 6, '0'),
                   initcap(({words})[1 + g % {len(WORDS)}]) || ' ' || ({words})[1 + (g / 7) % {len(WORDS)}]
                       || ' (order ' || (4000 + g % 9000) || ')',
                   s.status, 1 + g % 4, CASE WHEN g % 3 = 0 THEN 'web' ELSE 'email' END,
                   {first_queue} + g % {QUEUES},
                   CASE WHEN g % 4 = 0 THEN NULL
                        ELSE {first_agent} + (g % {QUEUES}) * {AGENTS_PER_QUEUE} + (g / {QUEUES}) % {AGENTS_PER_QUEUE}
                   END,
                   {first_customer} + g % {CUSTOMERS}, '', '', '{{}}', 'en',
                   CASE WHEN s.status IN ('new','open','pending','on_hold')
                        THEN now() + ((g % 96) - 24 || ' hours')::interval END,
                   CASE WHEN s.status IN ('new','open','pending','on_hold')
                        THEN now() + ((g % 96) - 30 || ' hours')::interval END,
                   0, now() - (g || ' minutes')::interval, now(), now() - (g || ' seconds')::interval * 20
            FROM generate_series(1, {tickets}) g
            CROSS JOIN LATERAL (SELECT ({statuses})[1 + g % 20] AS status) s
            """
        )
        cursor.execute(
            f"""
            INSERT INTO wagtail_helpdesk_message (
                ticket_id, kind, channel, external_id, author_customer_id, subject, body_text, body_html, created_at)
            SELECT t.id, CASE WHEN m = 1 OR m % 2 = 1 THEN 'inbound' WHEN m % 4 = 0 THEN 'note' ELSE 'reply' END,
                   t.channel, '', CASE WHEN m % 2 = 1 THEN t.customer_id END, '',
                   'Hello, about my ' || ({words})[1 + (t.id + m) % {len(WORDS)}] || ' and the '
                       || ({words})[1 + (t.id * m) % {len(WORDS)}] || ': message ' || m || ' on ticket ' || t.id
                       || '. Could you please check what happened to parcel ' || (t.id * 31 + m) || '?',
                   '', t.created_at + (m || ' hours')::interval
            FROM wagtail_helpdesk_ticket t
            CROSS JOIN LATERAL generate_series(1, 3 + t.id % 8) m
            """
        )
        cursor.execute(
            """
            INSERT INTO wagtail_helpdesk_ticket_tags (ticket_id, tag_id)
            SELECT t.id, (SELECT min(id) FROM wagtail_helpdesk_tag) + t.id % 10
            FROM wagtail_helpdesk_ticket t WHERE t.id % 5 = 0
            """
        )
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM wagtail_helpdesk_message")
        messages = cursor.fetchone()[0]
    return {"seconds": time.perf_counter() - started, "messages": messages, "agent": agents[0], "manager": manager}


def views(agent, queue_id: int, tag_id: int, ticket_id: int) -> list[tuple[str, str]]:
    from django.urls import reverse
    from django.utils import timezone

    listing = reverse("wagtailsnippets_wagtail_helpdesk_ticket:list")
    week_ago = (timezone.localdate() - timezone.timedelta(days=7)).isoformat()
    filters = [
        "",
        "status=open",
        f"queue={queue_id}",
        "assignee=me",
        "assignee=unassigned",
        "priority=4",
        "channel=web",
        f"tag={tag_id}",
        "sla=breached",
        "sla=at_risk",
        f"created_from={week_ago}",
        f"last_activity_from={week_ago}",
        "q=HD-000123",
        "q=descaler",
        "q=parcel%203100",
        "ordering=sla_due_at",
        "ordering=-subject",
    ]
    found = [(f"list ?{f}" if f else "list", f"{listing}?{f}") for f in filters]
    found += [
        ("board", reverse("wagtailsnippets_wagtail_helpdesk_ticket:board")),
        ("board ?assignee=me", reverse("wagtailsnippets_wagtail_helpdesk_ticket:board") + "?assignee=me"),
        ("dashboard (admin home)", reverse("wagtailadmin_home")),
        ("ticket view", reverse("wagtailsnippets_wagtail_helpdesk_ticket:inspect", args=(ticket_id,))),
        # For scale, not ours: Wagtail's own listing frame (menu, header, filters) around an empty list.
        ("reference: Wagtail's site history", reverse("wagtailadmin_reports:site_history")),
    ]
    return found


class StatementTimer:
    """An ``execute_wrapper`` adding up the time spent inside SQL statements."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def prepare(caches: str, user) -> None:
    """Before a timed request: clear the cache (``cold``), age the user's counts (``stale``) or not (``warm``)."""
    from django.core.cache import cache

    from wagtail_helpdesk.services import saved_views

    if caches == "cold":
        cache.clear()
    elif caches == "stale":
        key = saved_views._counts_key(user, saved_views.views_for(user))
        entry = cache.get(key)
        if entry is not None:
            cache.set(key, (entry[0], entry[1] - saved_views.COUNT_TIMEOUT - 1), saved_views.STALE_TIMEOUT)
        cache.delete(f"{key}:recounting")


def measure(client, user, url: str, repeat: int, caches: str) -> tuple[list[float], float, int, int]:
    """Sorted wall times, mean seconds inside SQL, statements of one request, HTTP status."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times = []
    timer = StatementTimer()
    with connection.execute_wrapper(timer):
        for _n in range(repeat):
            prepare(caches, user)
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
    prepare(caches, user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return sorted(times), timer.seconds / repeat, len(queries), response.status_code


def profile(client, user, url: str, repeat: int, caches: str, title: str, out: str | None = None) -> None:
    """Where one view's time goes: cumulative cProfile figures over ``repeat`` requests."""
    import cProfile
    import pstats

    client.get(url)
    profiler = cProfile.Profile()
    for _n in range(repeat):
        prepare(caches, user)
        profiler.runcall(client.get, url)
    print(f"=== {title}: {repeat} requests ===")
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(15)
    if out:
        profiler.dump_stats(out)


def explain(client, querystring: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("wagtailsnippets_wagtail_helpdesk_ticket:list") + "?" + querystring)
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if "wagtail_helpdesk_ticket" not in query["sql"]:
                continue
            cursor.execute("EXPLAIN ANALYZE " + query["sql"])
            print(query["sql"][:300], "\n", "\n".join(row[0] for row in cursor.fetchall()), "\n")


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    configure()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from wagtail_helpdesk.models import Queue, Tag, Ticket

    # No setup_test_environment(): its template instrumentation (for the test
    # client's response.templates) would add its own cost to every render.
    old_name = connection.settings_dict["NAME"]
    if args.reuse_db:
        connection.settings_dict["NAME"] = connection.creation._get_test_db_name()
        connection.close()
        User = get_user_model()
        seeded = {"seconds": 0.0, "messages": "?", "agent": User.objects.get(username="agent0_0")}
        seeded["manager"] = User.objects.get(username="manager")
    else:
        print("creating and migrating a fresh PostgreSQL database ...", flush=True)
        connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        print(f"seeding {args.tickets} tickets ...", flush=True)
        seeded = seed(args.tickets)
        print(f"  seeded in {seeded['seconds']:.1f}s: {args.tickets} tickets, {seeded['messages']} messages")
    caches = "warm" if args.warm else "stale" if args.stale else "cold"
    try:
        agent, manager = seeded["agent"], seeded["manager"]
        queue = Queue.objects.for_agent(agent).first()
        ticket = Ticket.objects.filter(queue=queue).order_by("-last_activity_at").first()
        for who, user in (("agent", agent), ("manager", manager)):
            if args.who and who not in args.who:
                continue
            client = Client()
            client.force_login(user)
            if args.explain:
                explain(client, args.explain)
                continue
            for name, url in views(user, queue.pk, Tag.objects.first().pk, ticket.pk):
                if args.only and not any(part in name for part in args.only):
                    continue
                if args.profile:
                    profile(client, user, url, args.repeat, caches, f"{who} {name}", args.profile_out)
                    continue
                times, sql, queries, status = measure(client, user, url, args.repeat, caches)
                p50 = statistics.median(times) * 1000
                p95 = times[max(0, int(len(times) * 0.95) - 1)] * 1000
                print(
                    f"{who:8} {name:36} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
                    f"SQL {sql * 1000:6.1f} ms  {queries:3} queries  HTTP {status}",
                    flush=True,
                )
        import django
        import wagtail

        print()
        print(f"python {sys.version.split()[0]}, Django {django.get_version()}, Wagtail {wagtail.__version__}")
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            print(f"PostgreSQL {cursor.fetchone()[0]}; caches {caches}")
        print(f"visible to the agent: {Ticket.objects.visible_to(agent).count()} of {Ticket.objects.count()} tickets")
    finally:
        if not args.keep_db and not args.reuse_db:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
