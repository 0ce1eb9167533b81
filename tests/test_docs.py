"""The documentation cannot silently fall behind the code.

Hook docstrings are the hook reference (docs/plugins/hooks.rst renders them
with autodoc), so their shape is checked here; every hook, type and setting
must appear in the docs; tables copied from code are compared with the code;
and the Sphinx build must pass with warnings as errors.
"""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pluggy
import pytest

from wagtail_helpdesk import hookspecs, types
from wagtail_helpdesk.conf import DEFAULTS, PREFIX
from wagtail_helpdesk.plugins.manager import DEFAULT_PLUGINS
from wagtail_helpdesk.services.workflow import TRANSITIONS

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _hooks() -> dict[str, Any]:
    """Every hookspec in hookspecs.py, in the order the module defines them."""
    pm = pluggy.PluginManager("wagtail_helpdesk")
    found = [
        func
        for name, func in inspect.getmembers(hookspecs, inspect.isfunction)
        if pm.parse_hookspec_opts(hookspecs, name) is not None
    ]
    return {func.__name__: func for func in sorted(found, key=lambda f: f.__code__.co_firstlineno)}


HOOKS = _hooks()


def _is_firstresult(name: str) -> bool:
    opts = pluggy.PluginManager("wagtail_helpdesk").parse_hookspec_opts(hookspecs, name)
    return bool(opts and opts.get("firstresult"))


def _docstring(name: str) -> str:
    """The hook's docstring with whitespace collapsed, so line breaks don't matter."""
    return " ".join((inspect.getdoc(HOOKS[name]) or "").split())


def _read(relative: str) -> str:
    return (DOCS / relative).read_text(encoding="utf-8")


def test_hookspecs_module_defines_hooks():
    assert len(HOOKS) >= 7
    assert all(name.startswith("helpdesk_") for name in HOOKS)


@pytest.mark.parametrize("name", HOOKS)
def test_hook_docstring_documents_every_parameter(name):
    doc = _docstring(name)
    assert doc, f"{name} has no docstring"
    for parameter in inspect.signature(HOOKS[name]).parameters:
        assert f":param {parameter}:" in doc, f"{name} does not document its parameter {parameter!r}"


@pytest.mark.parametrize("name", [name for name in HOOKS if _is_firstresult(name)])
def test_firstresult_hook_says_it_stops_at_the_first_non_none_result(name):
    assert "Stops at first non-None result" in _docstring(name)


@pytest.mark.parametrize("name", [name for name in HOOKS if not _is_firstresult(name)])
def test_hook_that_collects_all_results_does_not_claim_to_stop_at_the_first(name):
    assert "Stops at first non-None result" not in _docstring(name)


@pytest.mark.parametrize("name", HOOKS)
def test_hook_that_returns_a_value_documents_what_it_returns(name):
    if HOOKS[name].__annotations__.get("return") in ("None", None):
        return
    assert ":returns:" in _docstring(name)


@pytest.mark.parametrize("name", HOOKS)
def test_hook_docstring_names_its_built_in_implementation_its_limits_and_its_version(name):
    doc = _docstring(name)
    assert "Built-in implementation:" in doc
    assert "Must not:" in doc
    assert ".. versionadded::" in doc


def test_hook_reference_renders_every_hook_in_the_order_of_hookspecs():
    rendered = re.findall(
        r"^\.\. autofunction:: wagtail_helpdesk\.hookspecs\.(\w+)\s*$", _read("plugins/hooks.rst"), re.M
    )
    assert rendered == list(HOOKS)


def test_hook_reference_documents_every_public_type():
    public = {
        name
        for name, obj in vars(types).items()
        if inspect.isclass(obj) and obj.__module__ == types.__name__ and not name.startswith("_")
    }
    documented = set(
        re.findall(r"^\.\. autoclass:: wagtail_helpdesk\.types\.(\w+)\s*$", _read("plugins/hooks.rst"), re.M)
    )
    assert documented == public


def _documented_settings() -> dict[str, str]:
    """Each ``.. setting::`` name in configuration.rst, with its text up to the next one."""
    text = _read("configuration.rst")
    parts = re.split(r"^\.\. setting:: (\S+)\s*$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_setting_is_documented():
    documented = _documented_settings()
    missing = [PREFIX + key for key in DEFAULTS if PREFIX + key not in documented]
    assert not missing, f"Document these in docs/configuration.rst: {missing}"


def test_the_settings_reference_documents_no_setting_that_does_not_exist():
    unknown = [name for name in _documented_settings() if name.removeprefix(PREFIX) not in DEFAULTS]
    assert not unknown


def _literal(value: Any) -> str:
    """How the docs spell a Python value: strings in double quotes, the rest as repr."""
    return f'"{value}"' if isinstance(value, str) else repr(value)


@pytest.mark.parametrize("key", DEFAULTS)
def test_settings_reference_states_the_real_default(key):
    section = _documented_settings().get(PREFIX + key, "")
    default = DEFAULTS[key]
    if isinstance(default, (list, tuple, dict)) and default:
        missing = [item for item in default if _literal(item) not in section]
        assert not missing, f"{PREFIX}{key}: the documented default lacks {missing}"
    else:
        assert f"Default: ``{_literal(default)}``" in section


def test_status_transition_table_matches_the_workflow():
    rows = re.findall(r"^\s+\* - ``(\w+)``\n\s+- (.+)$", _read("concepts.rst"), re.M)
    documented = {status: set(re.findall(r"``(\w+)``", targets)) for status, targets in rows}
    assert documented == {str(status): {str(target) for target in targets} for status, targets in TRANSITIONS.items()}


def test_plugin_guide_lists_every_built_in_plugin():
    guide = _read("plugins/index.rst")
    for name, module in DEFAULT_PLUGINS.items():
        assert f"* - ``{name}``\n     - ``{module}``" in guide


def test_changelog_has_an_unreleased_section():
    changelog = (DOCS.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog


def test_documentation_builds_without_warnings(tmp_path):
    """As CI and ``make docs`` build it: a fresh interpreter without Django settings, so a page that
    documents a module which imports models (it would need ``django.setup()``) fails here too."""
    pytest.importorskip("sphinx.cmd.build", reason="Sphinx is not installed")
    warnings = tmp_path / "warnings.txt"
    arguments = ["-W", "--keep-going", "-E", "-q", "-b", "html", "-w", str(warnings)]
    arguments += ["-d", str(tmp_path / "doctrees"), str(DOCS), str(tmp_path / "html")]
    environment = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *arguments], env=environment, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, warnings.read_text(encoding="utf-8") + result.stderr[-3000:]
    assert (tmp_path / "html" / "plugins" / "hooks.html").is_file()
