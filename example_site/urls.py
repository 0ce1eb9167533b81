from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Customers log in here to see "My requests" in the helpdesk portal.
    path("accounts/", include("django.contrib.auth.urls")),
    # Attachment downloads and the inbound webhooks of channel plugins.
    path("helpdesk/", include("wagtail_helpdesk.urls")),
    # The REST API, its channel gateway and its docs page (api/helpdesk/v1/docs/).
    path("api/helpdesk/", include("wagtail_helpdesk.api.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Wagtail's page serving last: it catches every remaining URL.  English pages
# keep their unprefixed URLs; Polish ones live under /pl/.
urlpatterns += [
    path("sitemap.xml", sitemap),
    *i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False),
]
