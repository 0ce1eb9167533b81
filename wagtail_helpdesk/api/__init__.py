"""The REST API (Django REST framework): tickets, messages, customers, queues, templates and the channel gateway.

Mount it in the site's URLconf, e.g.
``path("api/helpdesk/", include("wagtail_helpdesk.api.urls"))``; endpoints live
under ``v1/``.  Views here parse and shape; every change goes through
``services`` (``workflow``, ``intake.receive``, ``gateway``).
"""
