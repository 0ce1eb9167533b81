"""Registering a plugin for the duration of a test."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from ..plugins.manager import get_plugin_manager
from ..services import channels


@contextlib.contextmanager
def registered_plugin(plugin: ModuleType | Any, name: str | None = None) -> Iterator[Any]:
    """Register ``plugin`` (a module or an object with ``@hookimpl`` methods), unregister it after.

    Usage::

        with registered_plugin(MyPlugin()):
            intake.receive(...)
    """
    pm = get_plugin_manager()
    registered_name = pm.register(plugin, name=name)
    channels.reset_registry()
    try:
        yield plugin
    finally:
        pm.unregister(name=registered_name)
        channels.reset_registry()
