"""Admin URLs of the ticket view's JSON endpoints, mounted by ``wagtail_hooks`` under ``/admin/``."""

from django.urls import path

from .collision import CannedResponseView, PresenceView

urlpatterns = [
    path("helpdesk/ticket/<int:pk>/presence/", PresenceView.as_view(), name="wagtail_helpdesk_ticket_presence"),
    path(
        "helpdesk/ticket/<int:pk>/canned/<int:canned_pk>/",
        CannedResponseView.as_view(),
        name="wagtail_helpdesk_ticket_canned",
    ),
]
