"""The helpdesk domain: no requests, forms, serializers or templates of pages here.

Each state change happens in one function, so events, notifications and the
outbox cannot be skipped by any entry point.
"""
