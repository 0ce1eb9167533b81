"""A small Wagtail e-shop ("Hearth & Kettle") that uses wagtail-helpdesk as a site builder would.

The Celery app is imported here so that the package's ``shared_task`` s bind
to it (the standard Django + Celery layout).
"""

from .celery import app as celery_app

__all__ = ["celery_app"]
