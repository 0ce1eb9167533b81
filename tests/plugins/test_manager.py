import sys
import textwrap

import pytest
from django.core.management import call_command

from wagtail_helpdesk.plugins.manager import DEFAULT_PLUGINS, get_plugin_manager, get_plugins
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.services.channels import get_channels
from wagtail_helpdesk.testing.factories import inbound_message

pytestmark = pytest.mark.django_db


def test_built_in_plugins_are_registered_by_name():
    names = {plugin["name"] for plugin in get_plugins()}
    assert set(DEFAULT_PLUGINS) <= names


def test_a_built_in_can_be_disabled_by_setting(settings, django_capture_on_commit_callbacks, mailoutbox):
    settings.WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["template_autoreply", "webform"]
    assert "template_autoreply" not in {p["name"] for p in get_plugins()}
    assert "web" not in get_channels()
    with django_capture_on_commit_callbacks(execute=True):
        intake.receive(inbound_message(channel="email"))
    assert mailoutbox == []


@pytest.fixture
def installed_distribution(tmp_path, monkeypatch):
    """A real distribution on sys.path whose metadata declares our entry point."""
    package = tmp_path / "helpdesk_parrot"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "plugin.py").write_text(
        textwrap.dedent(
            """
            from wagtail_helpdesk import hookimpl
            from wagtail_helpdesk.types import Classification

            @hookimpl
            def helpdesk_classify_message(message, ticket):
                return Classification(tags=["parrot"])
            """
        )
    )
    dist_info = tmp_path / "helpdesk_parrot-1.2.3.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: helpdesk-parrot\nVersion: 1.2.3\n")
    (dist_info / "entry_points.txt").write_text("[wagtail_helpdesk]\nparrot = helpdesk_parrot.plugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "parrot"
    sys.modules.pop("helpdesk_parrot.plugin", None)
    sys.modules.pop("helpdesk_parrot", None)


def test_plugin_from_an_installed_distribution_is_picked_up(installed_distribution):
    plugins = {p["name"]: p for p in get_plugins()}
    assert plugins["parrot"]["version"] == "1.2.3"
    assert plugins["parrot"]["hooks"] == ["helpdesk_classify_message"]
    ticket = intake.receive(inbound_message()).ticket
    assert list(ticket.tags.values_list("name", flat=True)) == ["parrot"]


def test_an_installed_plugin_can_be_blocked(installed_distribution, settings):
    settings.WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["parrot"]
    assert "parrot" not in {p["name"] for p in get_plugins()}


def test_plugins_named_in_settings_are_registered(settings, tmp_path, monkeypatch):
    (tmp_path / "site_rules.py").write_text(
        "from wagtail_helpdesk import hookimpl\n"
        "from wagtail_helpdesk.types import Classification\n"
        "@hookimpl\n"
        "def helpdesk_classify_message(message, ticket):\n"
        "    return Classification(category='site')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    settings.WAGTAIL_HELPDESK_PLUGINS = ["site_rules"]
    assert intake.receive(inbound_message()).ticket.category == "site"
    sys.modules.pop("site_rules", None)


def test_manager_is_built_once_and_rebuilt_when_settings_change(settings):
    first = get_plugin_manager()
    assert get_plugin_manager() is first
    settings.WAGTAIL_HELPDESK_DISABLED_PLUGINS = ["email"]
    assert get_plugin_manager() is not first


def test_helpdesk_plugins_command_lists_plugins_and_channels(capsys):
    call_command("helpdesk_plugins")
    out = capsys.readouterr().out
    assert "default_router (built-in): helpdesk_route_ticket" in out
    assert "email (wagtail_helpdesk.plugins.email)" in out


def test_hook_calls_are_traced_at_debug_level(caplog):
    import logging

    with caplog.at_level(logging.DEBUG, logger="wagtail_helpdesk.plugins.manager"):
        from wagtail_helpdesk.plugins.manager import reset_plugin_manager

        reset_plugin_manager()
        intake.receive(inbound_message())
    assert any("hook helpdesk_route_ticket" in record.getMessage() for record in caplog.records)
