"""The test site's URLs plus anymail's webhooks, as a site with the ``anymail`` extra mounts them."""

from django.urls import include, path

from tests.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("anymail/", include("anymail.urls")), *site_urlpatterns]
