"""The shop's help centre: categories and articles in English, translated into Polish.

The articles are plain data in ``kb_content/en.py`` and ``kb_content/pl.py``
(``CATEGORIES`` and ``ARTICLES``, in the format of
``wagtail_helpdesk.services.kb_import``).  The Polish pages are Wagtail
translations of the English ones (same ``translation_key``, made with
``copy_for_translation``), so the language switcher links them.  Until the
content package exists, a two-article sample keeps the help centre visible.

Safe to run again: pages are found by slug and updated.
"""

from __future__ import annotations

import importlib
from typing import Any

from wagtail.models import Locale, Page

from wagtail_helpdesk.models import KBRelatedArticle, KnowledgeBasePage
from wagtail_helpdesk.services import kb_import

SLUG = "help"
TITLES = {"en": "Help centre", "pl": "Centrum pomocy"}
INTROS = {
    "en": "Answers about delivery, returns, warranty, payments, your account and orders.",
    "pl": "Odpowiedzi o dostawie, zwrotach, gwarancji, płatnościach, koncie i zamówieniach.",
}

SAMPLE = {
    "en": {
        "CATEGORIES": [{"key": "returns", "title": "Returns and refunds", "intro": "Sending things back."}],
        "ARTICLES": [
            {
                "key": "how-to-return",
                "category": "returns",
                "title": "How to return an item",
                "summary": "Return anything within 30 days: print the label, pack it, drop it off.",
                "tags": ["return", "refund"],
                "applies_to": ["All products"],
                "related": ["refund-time"],
                "body": [
                    ("steps", ["Open My orders and choose Return.", "Print the label.", "Drop the parcel off."]),
                    ("callout", {"kind": "tip", "text": "Keep the receipt until the refund arrives."}),
                ],
            },
            {
                "key": "refund-time",
                "category": "returns",
                "title": "When will I get my refund?",
                "summary": "Within 14 days of the return reaching our warehouse.",
                "tags": ["refund"],
                "applies_to": [],
                "related": ["how-to-return"],
                "body": [("paragraph", "We refund to the card or account you paid with, within 14 days.")],
            },
        ],
    },
    "pl": {
        "CATEGORIES": [{"key": "returns", "title": "Zwroty", "intro": "Odsyłanie towaru."}],
        "ARTICLES": [
            {
                "key": "how-to-return",
                "category": "returns",
                "title": "Jak zwrócić towar",
                "summary": "Zwrot w ciągu 30 dni: wydrukuj etykietę, zapakuj i nadaj paczkę.",
                "tags": ["zwrot"],
                "applies_to": ["Wszystkie produkty"],
                "related": ["refund-time"],
                "body": [("steps", ["Otwórz Moje zamówienia i wybierz Zwrot.", "Wydrukuj etykietę.", "Nadaj paczkę."])],
            },
            {
                "key": "refund-time",
                "category": "returns",
                "title": "Kiedy otrzymam zwrot pieniędzy?",
                "summary": "W ciągu 14 dni od dotarcia zwrotu do magazynu.",
                "tags": ["zwrot pieniędzy"],
                "applies_to": [],
                "related": ["how-to-return"],
                "body": [("paragraph", "Zwracamy pieniądze na kartę lub konto, z którego zapłacono.")],
            },
        ],
    },
}


def content(language: str) -> dict[str, Any]:
    """``CATEGORIES`` and ``ARTICLES`` of one language, from ``kb_content`` or the sample."""
    try:
        module = importlib.import_module(f"example_site.shop.demo.kb_content.{language}")
    except ModuleNotFoundError:
        return SAMPLE[language]
    return {"CATEGORIES": module.CATEGORIES, "ARTICLES": module.ARTICLES}


def ensure_kb(home: Page) -> KnowledgeBasePage:
    """The English help centre under ``home`` and its Polish translation."""
    english = content("en")
    root = kb_import.load(
        home,
        title=TITLES["en"],
        slug=SLUG,
        categories=english["CATEGORIES"],
        articles=english["ARTICLES"],
        intro=INTROS["en"],
    )
    translate(root, "pl", content("pl"))
    return root


def translate(root: KnowledgeBasePage, language: str, data: dict[str, Any]) -> None:
    """Create or update the translations of ``root``'s tree in ``language`` from plain data."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    categories = {item["key"]: item for item in data["CATEGORIES"]}
    articles = {item["key"]: item for item in data["ARTICLES"]}
    pl_root = _translation(root, locale)
    pl_root.title, pl_root.intro = TITLES.get(language, root.title), kb_import.rich(INTROS.get(language, ""))
    pl_root.save_revision().publish()
    translated = {}
    for category in root.get_children().specific():
        item = categories.get(category.slug)
        if item is None:
            continue
        pl_category = _translation(category, locale)
        pl_category.title, pl_category.intro = item["title"], kb_import.rich(item.get("intro", ""))
        pl_category.save_revision().publish()
        for article in category.get_children().specific():
            if article.slug in articles:
                translated[article.slug] = (_translation(article, locale), articles[article.slug])
    for pl_article, item in translated.values():
        pl_article.title = item["title"]
        pl_article.summary = item.get("summary", "")
        pl_article.body = kb_import.body_from_plain(item.get("body", []))
        pl_article.applies_to = ", ".join(item.get("applies_to", []))[:255]
        pl_article.tags.set(list(item.get("tags", [])))
        pl_article.related_links = [
            KBRelatedArticle(target=translated[key][0], sort_order=order)
            for order, key in enumerate(item.get("related", []))
            if key in translated
        ]
        pl_article.save_revision().publish()


def _translation(page: Page, locale: Locale) -> Page:
    """The page's translation in ``locale``, copied (with its parents) the first time."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    return page.copy_for_translation(locale, copy_parents=True).specific
