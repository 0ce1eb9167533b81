"""Builds the one pluggy ``PluginManager`` of the helpdesk.

Order of registration: built-in plugins (``DEFAULT_PLUGINS``), then the modules
named in ``WAGTAIL_HELPDESK_PLUGINS``, then distributions exposing the
``wagtail_helpdesk`` entry-point group.  Any name in
``WAGTAIL_HELPDESK_DISABLED_PLUGINS`` is blocked.  pluggy calls the most recently
registered implementation first, so site and third-party plugins run before
built-ins, and built-in decision hooks are ``trylast`` on top of that.

The manager is built lazily on first use, after the app registry is ready, and
calls no hooks itself.
"""

from __future__ import annotations

import importlib
import logging
import threading
from importlib import metadata
from typing import Any

import pluggy

from .. import hookspecs
from ..conf import helpdesk_settings

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "wagtail_helpdesk"

#: Built-in plugins, registered under their short names.  Among the routers,
#: the last registered is called first: the order of consultation is rules
#: (a wrapper around the others), sticky, load, default (``trylast``).  Among
#: the matchers: reply address, then Message-IDs and references, then the
#: cross-channel subject rule.
DEFAULT_PLUGINS: dict[str, str] = {
    "webform": "wagtail_helpdesk.plugins.webform",
    "email": "wagtail_helpdesk.plugins.email",
    "cross_channel": "wagtail_helpdesk.plugins.cross_channel",
    "api_channel": "wagtail_helpdesk.plugins.api_channel",
    "reference_matcher": "wagtail_helpdesk.plugins.reference_matcher",
    "reply_address": "wagtail_helpdesk.plugins.reply_address",
    "default_router": "wagtail_helpdesk.plugins.default_router",
    "load_router": "wagtail_helpdesk.plugins.load_router",
    "sticky_router": "wagtail_helpdesk.plugins.sticky_router",
    "rules_router": "wagtail_helpdesk.plugins.rules_router",
    "template_autoreply": "wagtail_helpdesk.plugins.template_autoreply",
    "agent_notifier": "wagtail_helpdesk.plugins.agent_notifier",
    "automation": "wagtail_helpdesk.plugins.automation",
    "webhooks": "wagtail_helpdesk.plugins.webhooks",
    "kb_feedback": "wagtail_helpdesk.plugins.kb_feedback",
    "kb_suggester": "wagtail_helpdesk.plugins.kb_suggester",
}

_pm: pluggy.PluginManager | None = None
_lock = threading.Lock()


def build_plugin_manager() -> pluggy.PluginManager:
    """Return a new, fully loaded manager (tests use this for a fresh one)."""
    pm = pluggy.PluginManager("wagtail_helpdesk")
    pm.add_hookspecs(hookspecs)
    for name in helpdesk_settings.DISABLED_PLUGINS:
        pm.set_blocked(name)
    for name, module_path in DEFAULT_PLUGINS.items():
        if not pm.is_blocked(name):
            pm.register(importlib.import_module(module_path), name=name)
    for module_path in helpdesk_settings.PLUGINS:
        if not pm.is_blocked(module_path):
            pm.register(importlib.import_module(module_path), name=module_path)
    pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    # A misspelt helpdesk_* implementation would otherwise be ignored silently.
    pm.check_pending()
    if logger.isEnabledFor(logging.DEBUG):
        pm.add_hookcall_monitoring(_before_hookcall, _after_hookcall)
    return pm


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide manager, built on first use."""
    global _pm
    if _pm is None:
        with _lock:
            if _pm is None:
                _pm = build_plugin_manager()
    return _pm


def reset_plugin_manager() -> None:
    """Forget the manager (settings changed); the next call builds it again."""
    global _pm
    _pm = None
    from ..services import channels

    channels.reset_registry()


def get_plugins() -> list[dict[str, Any]]:
    """Describe registered plugins: name, hooks implemented, distribution version."""
    pm = get_plugin_manager()
    dists = {id(plugin): dist for plugin, dist in pm.list_plugin_distinfo()}
    result = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda item: str(item[0])):
        if plugin is None:  # blocked
            continue
        dist = dists.get(id(plugin))
        result.append(
            {
                "name": name,
                "module": getattr(plugin, "__name__", repr(plugin)),
                "hooks": sorted(h.name for h in pm.get_hookcallers(plugin) or []),
                "version": dist.version if dist is not None else None,
                "builtin": name in DEFAULT_PLUGINS,
            }
        )
    return result


def installed_entry_points() -> list[metadata.EntryPoint]:
    """Entry points in our group, whether or not they are blocked."""
    return list(metadata.entry_points(group=ENTRY_POINT_GROUP))


def _before_hookcall(hook_name: str, hook_impls: list, kwargs: dict) -> None:
    logger.debug("hook %s -> %s", hook_name, [impl.plugin_name for impl in hook_impls])


def _after_hookcall(outcome: Any, hook_name: str, hook_impls: list, kwargs: dict) -> None:
    try:
        logger.debug("hook %s returned %r", hook_name, outcome.get_result())
    except BaseException as exc:  # the outcome re-raises the plugin's error
        logger.debug("hook %s raised %r", hook_name, exc)


def hook() -> Any:
    """Shortcut for ``get_plugin_manager().hook`` used by the services."""
    return get_plugin_manager().hook
