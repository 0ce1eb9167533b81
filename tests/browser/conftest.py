"""Real-browser tests: Playwright driving Debian's chromium against a live server."""

import os
import shutil

import pytest

from tests.conftest import need_service

# Sync Playwright runs an event loop in the test thread; the ORM refuses to run
# there unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        need_service("chromium", f"no chromium at {CHROMIUM} (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    }
