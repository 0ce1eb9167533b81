"""What every benchmark needs: Django configured from the test settings, a fresh database, percentiles.

Benchmarks are measurements, not tests: they print, they never assert.  Each one
configures Django from ``tests/settings.py`` with the database named by
``DATABASE_URL`` (a temporary SQLite file without it), creates and migrates a
fresh ``test_<name>`` database, and drops it afterwards unless asked to keep it.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_cleanup: list[Path] = []


def configure(*, synchronous_commit: str = "off", eager: bool = True, **overrides: Any) -> None:
    """Set Django up with the test suite's settings, a benchmark database and ``overrides``.

    On PostgreSQL the connection runs with ``synchronous_commit`` as given (``off``
    by default: a crash may lose the last commits, never consistency), kept open
    between requests as a production pool would.
    """
    sys.path.insert(0, str(ROOT))
    import django
    from django.conf import settings

    import tests.settings as base

    values: dict[str, Any] = {name: getattr(base, name) for name in dir(base) if name.isupper()}
    database = dict(values["DATABASES"]["default"])
    if database["ENGINE"].endswith("sqlite3"):
        folder = Path(tempfile.mkdtemp(prefix="helpdesk-bench-"))
        database["NAME"] = str(folder / "bench.sqlite3")
        database["TEST"] = {"NAME": str(folder / "test_bench.sqlite3")}
        _cleanup.append(folder)
    else:
        database.setdefault("OPTIONS", {})["options"] = f"-c synchronous_commit={synchronous_commit}"
        database["CONN_MAX_AGE"] = None
    media = Path(tempfile.mkdtemp(prefix="helpdesk-bench-media-"))
    _cleanup.append(media)
    values.update(
        DATABASES={"default": database},
        DEBUG=False,
        CELERY_TASK_ALWAYS_EAGER=eager,
        WAGTAIL_HELPDESK_PRIVATE_MEDIA_ROOT=str(media),
        LOGGING={"version": 1, "disable_existing_loggers": False},
    )
    values.update(overrides)
    settings.configure(**values)
    django.setup()


@contextlib.contextmanager
def fresh_database(*, keep: bool = False) -> Iterator[None]:
    """A new, migrated database for the run; dropped (with the temporary folders) afterwards."""
    from django.core import mail
    from django.db import connection

    # Not setup_test_environment(): its instrumented template rendering (a signal
    # and a copy of the context per template, for the test client's
    # response.context) is a cost no site pays.  The test settings already send
    # mail to the locmem backend; it collects into mail.outbox.
    mail.outbox = []
    old_name = connection.settings_dict["NAME"]
    print(f"creating and migrating a fresh {connection.vendor} database ...", flush=True)
    started = time.perf_counter()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    print(f"  {connection.settings_dict['NAME']} ready in {time.perf_counter() - started:.1f}s", flush=True)
    try:
        yield
    finally:
        if not keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            for folder in _cleanup:
                shutil.rmtree(folder, ignore_errors=True)


def percentile(sorted_values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of the (sorted) samples fall (nearest rank)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, round(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def versions() -> str:
    import django
    import wagtail
    from django.db import connection

    return (
        f"python {sys.version.split()[0]}, Django {django.get_version()}, Wagtail {wagtail.__version__}, "
        f"database {connection.vendor}"
    )


#: Articles of the seeded knowledge base: words the benchmark messages use, so suggestions find some.
KB_TOPICS = [
    ("Where is my parcel?", "Tracking an order that has left the warehouse and a parcel that has not arrived."),
    ("Delivery times", "How long delivery takes for each courier, and what to do when an order is late."),
    ("Returns and refunds", "Sending an order back and when the refund reaches your account."),
    ("Kettle care", "Descaling a kettle, cleaning the filter and the lid."),
    ("Invoices", "Downloading the invoice for an order and correcting the billing address."),
    ("Warranty claims", "What the warranty covers and how to report a broken item."),
    ("Damaged items", "What to do when a parcel arrives damaged or an item is missing."),
    ("Changing an order", "Changing the delivery address, size or colour before an order ships."),
    ("Vouchers", "Using a voucher code and what to do when it is refused."),
    ("Payment problems", "A payment that failed or was taken twice."),
]


def seed_helpdesk(queue, *, agents: int = 3) -> None:
    """What a live helpdesk has besides its queue: a team of agents on it and a published knowledge base.

    Without them the intake benchmarks would skip work a real site does on
    every new ticket: notifying the queue's agents and searching the knowledge
    base for articles to suggest.
    """
    from django.contrib.auth.models import Group, Permission

    from wagtail_helpdesk.services import kb_import
    from wagtail_helpdesk.testing.factories import UserFactory
    from wagtail_helpdesk.testing.pages import default_site_root

    team = Group.objects.create(name=f"{queue.name} team")
    team.permissions.add(Permission.objects.get(codename="access_admin"))
    queue.groups.add(team)
    for number in range(agents):
        UserFactory(username=f"bench-agent-{number}").groups.add(team)
    kb_import.load(
        default_site_root(),
        title="Help centre",
        slug="help",
        categories=[{"key": "orders", "title": "Orders", "intro": ""}],
        articles=[
            {"key": f"article-{n}", "category": "orders", "title": title, "summary": summary, "tags": ["orders"]}
            for n, (title, summary) in enumerate(KB_TOPICS)
        ],
    )
