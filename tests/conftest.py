import os
import socket
from urllib.parse import urlparse

import pytest
from django.db import connection
from django.db.backends.signals import connection_created

from wagtail_helpdesk.plugins.manager import reset_plugin_manager

pytest_plugins = ["tests.fixtures.smtp", "tests.fixtures.imap"]

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _read_without_table_locks(sender, connection, **kwargs):
    """Let every connection to SQLite's shared in-memory test database read without table locks.

    The test thread, a live server's request threads and a Celery worker thread each open
    their own connection to that one database (shared cache); even the test thread opens a
    second one once Playwright runs its event loop there, since Django then keeps
    connections per context.  Between such connections a table another one is writing makes
    a read fail at once with "database table is locked", and the other way round.  Reads of
    uncommitted data take no table locks, so the threads only wait on SQLite's single writer.
    """
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")


connection_created.connect(_read_without_table_locks, weak=False)


def pytest_sessionstart(session):
    """Under CI a leg that asks for a service must really get it."""
    expected = os.environ.get("HELPDESK_EXPECT_SERVICES", "")
    if "postgres" in expected and "postgresql" not in os.environ.get("DATABASE_URL", ""):
        raise pytest.UsageError("HELPDESK_EXPECT_SERVICES=postgres but DATABASE_URL is not PostgreSQL")
    if "redis" in expected and not os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"):
        raise pytest.UsageError("HELPDESK_EXPECT_SERVICES=redis but CELERY_BROKER_URL is not Redis")


def need_service(name: str, reason: str) -> None:
    """Skip on a laptop without the service; fail under CI, so green means exercised."""
    if IN_CI:
        pytest.fail(f"{name} is required under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def postgres(db):
    """Tests that need PostgreSQL's real concurrency; run them with DATABASE_URL=postgresql://..."""
    if connection.vendor != "postgresql":
        if "postgres" in os.environ.get("HELPDESK_EXPECT_SERVICES", "") or not IN_CI:
            need_service("PostgreSQL", "needs DATABASE_URL pointing at PostgreSQL")
        pytest.skip("SQLite leg: this test runs in the PostgreSQL leg of CI")


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def celery_app():
    from django.conf import settings

    broker = settings.CELERY_BROKER_URL
    if broker.startswith("redis://") and not _reachable(broker):
        need_service("Redis", f"broker {broker} is not reachable")
    from tests.celery_app import app

    return app


@pytest.fixture
def celery_worker(celery_app, transactional_db):
    """A real Celery worker thread consuming from the configured broker."""
    from celery.contrib.testing.worker import start_worker

    celery_app.conf.task_always_eager = False
    celery_app.loader.import_module("celery.contrib.testing.tasks")
    try:
        with start_worker(celery_app, pool="solo", perform_ping_check=True, shutdown_timeout=10) as worker:
            yield worker
    finally:
        celery_app.conf.task_always_eager = True


@pytest.fixture
def tasks_sent():
    """The Celery task messages sent during the test (run eagerly here): ``(task name, args)`` in order."""
    from celery.signals import task_prerun

    sent: list[tuple[str, tuple]] = []

    def record(sender=None, args=(), **_kwargs):
        sent.append((sender.name, tuple(args)))

    task_prerun.connect(record, weak=False)
    yield sent
    task_prerun.disconnect(record)


@pytest.fixture(autouse=True)
def _fresh_plugins():
    """Every test starts from the plugins the settings describe."""
    reset_plugin_manager()
    yield
    reset_plugin_manager()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.WAGTAIL_HELPDESK_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    from django.utils.functional import empty

    from wagtail_helpdesk.models import attachment_storage

    attachment_storage._wrapped = empty
    yield
    attachment_storage._wrapped = empty


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The configuration snapshot is cached; tests roll the database back, so the cache goes too."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
