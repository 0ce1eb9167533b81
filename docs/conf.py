"""Sphinx configuration for the wagtail-helpdesk documentation.

The hook reference is generated from ``wagtail_helpdesk/hookspecs.py`` with
autodoc, so the docstrings there are the documentation.  The modules autodoc
imports (``hookspecs``, ``types``, ``exceptions``) import no models, so the
build needs no Django settings.  Build with::

    sphinx-build -W --keep-going -b html docs docs/_build/html
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wagtail_helpdesk import __version__  # noqa: E402

project = "wagtail-helpdesk"
author = "wagtail-helpdesk contributors"
copyright = "wagtail-helpdesk contributors"
release = __version__
version = ".".join(__version__.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
]

exclude_patterns = ["_build", "examples/**/build", "examples/**/*.egg-info"]
templates_path: list[str] = []
html_static_path: list[str] = []
html_theme = "alabaster"
html_theme_options = {
    "description": "A pluggable helpdesk for Wagtail sites",
    "fixed_sidebar": True,
}

# Type hints are shown in the signature as written (they are strings under
# ``from __future__ import annotations``); the ``:param:`` text explains them.
autodoc_typehints = "signature"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}


def setup(app):
    """``.. setting:: NAME`` marks a setting's documentation; ``:setting:`NAME``` links to it.

    The same cross-reference type Django's own docs use, so each setting gets an
    index entry, and ``tests/test_docs.py`` can find every documented setting.
    """
    app.add_crossref_type(directivename="setting", rolename="setting", indextemplate="pair: %s; setting")
    return {"parallel_read_safe": True}
