#!/usr/bin/env python
"""Django's command-line utility for the example site: ``python example_site/manage.py runserver``."""

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    # Python puts this script's folder first on sys.path; that folder holds
    # ``celery.py``, which would shadow the real Celery package.  Replace it
    # with the repository root so ``example_site`` and ``wagtail_helpdesk``
    # import as packages.
    if sys.path and Path(sys.path[0] or ".").resolve() == REPO_ROOT / "example_site":
        sys.path[0] = str(REPO_ROOT)
    else:
        sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
