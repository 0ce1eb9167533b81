"""wagtail-helpdesk: a pluggable helpdesk for Wagtail sites.

Plugins import :data:`hookimpl` from here; nothing in this module touches models,
so importing it is safe before Django is set up.
"""

import pluggy

__version__ = "0.1.0.dev0"

#: Marker for plugin hook implementations: ``@hookimpl def helpdesk_register_channels(): ...``
hookimpl = pluggy.HookimplMarker("wagtail_helpdesk")

__all__ = ["__version__", "hookimpl"]
