"""Settings shared by every environment of the example shop.

``dev.py`` runs with no services at all (SQLite, eager Celery, mail into
files); ``production.py`` expects PostgreSQL and Redis.  Both read
``DATABASE_URL`` the same way the test settings do.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
#: Everything the site writes at run time (database, sent mail, attachments); ignored by git.
VAR_DIR = Path(os.environ.get("EXAMPLE_SITE_VAR_DIR", PROJECT_DIR / "var"))

INSTALLED_APPS = [
    "example_site.home",
    "example_site.shop",
    "wagtail_helpdesk",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    # The knowledge base: table blocks, the routable search page, sitemaps.
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    # Multilingual help centre: locales in the admin, "Translate" for pages.
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",  # is the modelsearch app on Wagtail 7.4+; do not add "modelsearch" as well
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI for api/helpdesk/v1/docs/ without a CDN
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # the sitemap.xml template
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"
WSGI_APPLICATION = "example_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The site's base.html, which the helpdesk's templates extend.
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]


def database_from_url(url: str) -> dict:
    """A ``DATABASES`` entry from ``sqlite:////abs/path`` or ``postgresql://user:pw@host:port/name``."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        return sqlite_database(Path(unquote(parsed.path)))
    if parsed.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"Unsupported DATABASE_URL scheme {parsed.scheme!r} (use sqlite or postgresql)")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parsed.path.lstrip("/") or "helpdesk_shop",
        "USER": unquote(parsed.username or "postgres"),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "127.0.0.1",
        "PORT": parsed.port or 5432,
        "CONN_MAX_AGE": 60,
    }


def sqlite_database(path: Path) -> dict:
    """SQLite tuned for a development server: WAL lets page views read while a request writes,
    and IMMEDIATE transactions avoid "database is locked" between runserver threads."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("pl", "Polski"), ("uk", "Українська"), ("lt", "Lietuvių")]
TIME_ZONE = "Europe/Vilnius"
USE_I18N = True
# One help article per language (English and Polish), linked as translations.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("pl", "Polski")]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = PROJECT_DIR / "media"

WAGTAIL_SITE_NAME = "Hearth & Kettle"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

DEFAULT_FROM_EMAIL = "Hearth & Kettle support <support@hearth-kettle.example>"

# --- wagtail-helpdesk -------------------------------------------------------
# The shop's own plugin: recognises order numbers and shows the customer's orders to agents.
WAGTAIL_HELPDESK_PLUGINS = ["example_site.shop.helpdesk_plugin"]
# Attachments live outside public media and are served only through the helpdesk's checked view.
WAGTAIL_HELPDESK_PRIVATE_MEDIA_ROOT = str(VAR_DIR / "private")

# --- Celery -----------------------------------------------------------------
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
