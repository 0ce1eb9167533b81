import pytest
from django.core.checks import run_checks

from wagtail_helpdesk.conf import DEFAULTS, helpdesk_settings
from wagtail_helpdesk.services.references import find_references, format_reference


def test_defaults_apply_and_override_settings_is_seen(settings):
    assert DEFAULTS["REFERENCE_PREFIX"] == helpdesk_settings.REFERENCE_PREFIX
    settings.WAGTAIL_HELPDESK_REFERENCE_PREFIX = "SHOP"
    assert helpdesk_settings.REFERENCE_PREFIX == "SHOP"
    assert format_reference(42) == "SHOP-000042"


def test_unknown_setting_names_are_an_error():
    with pytest.raises(AttributeError):
        helpdesk_settings.NO_SUCH_THING  # noqa: B018


def test_references_are_found_whatever_the_format(settings):
    settings.WAGTAIL_HELPDESK_REFERENCE_PREFIX = "HD"
    settings.WAGTAIL_HELPDESK_REFERENCE_FORMAT = "{prefix}-2026-{number:06d}"
    assert format_reference(123) == "HD-2026-000123"
    assert find_references("Re: [hd-2026-000123] and HD-2026-000123, not XHD-2026-1") == ["HD-2026-000123"]


@pytest.mark.parametrize(
    "overrides, check_id",
    [
        ({"WAGTAIL_HELPDESK_SANITIZER": "lxml"}, "wagtail_helpdesk.E001"),
        ({"WAGTAIL_HELPDESK_PLUGINS": ["no.such.module"]}, "wagtail_helpdesk.E003"),
    ],
)
def test_system_checks_report_bad_configuration(settings, overrides, check_id):
    for name, value in overrides.items():
        setattr(settings, name, value)
    assert check_id in {message.id for message in run_checks()}


def test_private_media_inside_public_media_is_refused(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.WAGTAIL_HELPDESK_PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    assert "wagtail_helpdesk.E004" in {message.id for message in run_checks()}


def test_shipped_configuration_passes_the_checks():
    assert [m for m in run_checks() if m.id.startswith("wagtail_helpdesk")] == []


def test_missing_url_include_is_reported(settings):
    settings.ROOT_URLCONF = "wagtail.admin.urls"
    assert "wagtail_helpdesk.E005" in {message.id for message in run_checks()}
