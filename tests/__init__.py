# Make the tests' Celery app current so shared tasks bind to it (as a project's __init__ does).
from .celery_app import app as celery_app

__all__ = ["celery_app"]
