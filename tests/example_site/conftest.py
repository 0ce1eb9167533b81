"""Fixtures for the example site's tests.

Importing anything from ``example_site`` runs its ``__init__``, which creates
the site's Celery app (the standard Django + Celery layout), and Celery makes
the newest app the current one.  The suite's worker tests rely on the suite's
own app being current, so it is put back right after the import.
"""

import pytest
from celery import current_app

from wagtail_helpdesk.testing.plugins import registered_plugin

_suite_app = current_app._get_current_object()
from example_site.shop import helpdesk_plugin  # noqa: E402

_suite_app.set_current()


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: runs the example site in a subprocess (tens of seconds); runs in CI too")


@pytest.fixture
def shop_plugin():
    """The shop's plugin, registered as ``WAGTAIL_HELPDESK_PLUGINS`` registers it on the example site."""
    with registered_plugin(helpdesk_plugin, name="example_site.shop.helpdesk_plugin"):
        yield helpdesk_plugin
