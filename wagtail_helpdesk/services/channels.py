"""The channel registry, built from ``helpdesk_register_channels``."""

from __future__ import annotations

import threading

from ..exceptions import UnknownChannel
from ..types import Channel

_registry: dict[str, Channel] | None = None
_duplicates: list[str] = []
_lock = threading.Lock()


def _build() -> dict[str, Channel]:
    from ..plugins.manager import hook

    registry: dict[str, Channel] = {}
    _duplicates.clear()
    # pluggy returns results of the most recently registered plugin first, so a
    # site plugin that registers a channel code wins over the built-in one.
    for channels in hook().helpdesk_register_channels():
        for channel in channels or []:
            if channel.code in registry:
                _duplicates.append(channel.code)
                continue
            registry[channel.code] = channel
    return registry


def get_channels() -> dict[str, Channel]:
    """All registered channels by code."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                _registry = _build()
    return _registry


def get_channel(code: str) -> Channel:
    """The channel with ``code``; raises :class:`UnknownChannel` if none is registered."""
    try:
        return get_channels()[code]
    except KeyError:
        raise UnknownChannel(f"No channel {code!r} is registered.") from None


def duplicate_codes() -> list[str]:
    """Channel codes registered more than once (reported by the system checks)."""
    get_channels()
    return list(_duplicates)


def reset_registry() -> None:
    global _registry
    _registry = None
