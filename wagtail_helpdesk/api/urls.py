"""Include in the site's URLconf: ``path("api/helpdesk/", include("wagtail_helpdesk.api.urls"))``.

Endpoints are versioned under ``v1/``; the URL namespace is ``wagtail_helpdesk_api``.
"""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from . import gateway, reading, schema, views

app_name = "wagtail_helpdesk_api"

router = SimpleRouter()
router.register("tickets", views.TicketViewSet, basename="ticket")
router.register("customers", views.CustomerViewSet, basename="customer")
router.register("queues", views.QueueViewSet, basename="queue")
router.register("templates", views.ReplyTemplateViewSet, basename="template")
router.register("canned-responses", reading.CannedResponseViewSet, basename="canned-response")
router.register("kb/articles", reading.KBArticleViewSet, basename="kb-article")

v1 = [
    *router.urls,
    re_path(
        r"^tickets/(?P<reference>[^/]+)/canned-responses/(?P<canned_id>[^/]+)/render/$",
        reading.RenderCannedResponseView.as_view(),
        name="ticket-canned-response-render",
    ),
    path("kb/search/", reading.KBSearchView.as_view(), name="kb-search"),
    path("gateway/messages/", gateway.GatewayMessageView.as_view(), name="gateway-messages"),
    path("schema/", schema.SchemaView.as_view(), name="schema"),
    path("docs/", schema.DocsView.as_view(), name="docs"),
]

urlpatterns = [path("v1/", include(v1))]
