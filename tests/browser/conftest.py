"""Real-browser tests: Playwright driving Debian's chromium against a live server."""

import os
import shutil

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import need_service
from wagtail_helpdesk.models import ContactFormPage
from wagtail_helpdesk.testing.factories import QueueFactory
from wagtail_helpdesk.testing.pages import default_site_root

# Sync Playwright runs an event loop in the test thread; the ORM refuses to run
# there unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        need_service("chromium", f"no chromium at {CHROMIUM} (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    }


@pytest.fixture
def contact_page():
    """A contact page in the default queue, as the example site has one."""
    queue = QueueFactory(slug="general", name="General", is_default=True)
    contact = ContactFormPage(title="Contact us", slug="contact", queue=queue)
    default_site_root().add_child(instance=contact)
    return contact


@pytest.fixture
def new_context(browser, live_server):
    """Open a browser context, logged in as ``user`` if one is given (the test client's session cookie).

    The contexts are closed when the test ends, before its database is flushed, so none
    of their pages (the ticket view polls for presence) reaches the live server during
    the next test.
    """
    opened = []

    def open_context(user=None):
        context = browser.new_context(viewport=VIEWPORT)
        opened.append(context)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
        return context

    yield open_context
    for context in opened:
        context.close()
