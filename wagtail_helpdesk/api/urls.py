"""Include in the site's URLconf: ``path("api/helpdesk/", include("wagtail_helpdesk.api.urls"))``.

Endpoints are versioned under ``v1/``; the URL namespace is ``wagtail_helpdesk_api``.
"""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import gateway, schema, views

app_name = "wagtail_helpdesk_api"

router = SimpleRouter()
router.register("tickets", views.TicketViewSet, basename="ticket")
router.register("customers", views.CustomerViewSet, basename="customer")
router.register("queues", views.QueueViewSet, basename="queue")
router.register("templates", views.ReplyTemplateViewSet, basename="template")

v1 = [
    *router.urls,
    path("gateway/messages/", gateway.GatewayMessageView.as_view(), name="gateway-messages"),
    path("schema/", schema.SchemaView.as_view(), name="schema"),
    path("docs/", schema.DocsView.as_view(), name="docs"),
]

urlpatterns = [path("v1/", include(v1))]
