"""The periodic tasks a host merges into its ``CELERY_BEAT_SCHEDULE``::

    from wagtail_helpdesk.beat import BEAT_SCHEDULE
    CELERY_BEAT_SCHEDULE = {**BEAT_SCHEDULE, **your_own}

A static schedule, because django-celery-beat cannot be installed with every
Django version we support.
"""

BEAT_SCHEDULE = {
    "wagtail-helpdesk-flush-outbox": {"task": "wagtail_helpdesk.flush_outbox", "schedule": 60.0},
    "wagtail-helpdesk-assign-waiting": {"task": "wagtail_helpdesk.assign_waiting_tickets", "schedule": 60.0},
    "wagtail-helpdesk-poll-mailboxes": {"task": "wagtail_helpdesk.poll_mailboxes", "schedule": 60.0},
    "wagtail-helpdesk-sla-sweep": {"task": "wagtail_helpdesk.sla_sweep", "schedule": 60.0},
    "wagtail-helpdesk-timed-rules": {"task": "wagtail_helpdesk.run_timed_rules", "schedule": 300.0},
    "wagtail-helpdesk-flush-webhooks": {"task": "wagtail_helpdesk.flush_webhooks", "schedule": 60.0},
    # Yesterday's article views below a batch; once per day however often it runs.
    "wagtail-helpdesk-flush-kb-views": {"task": "wagtail_helpdesk.flush_kb_views", "schedule": 3600.0},
}
