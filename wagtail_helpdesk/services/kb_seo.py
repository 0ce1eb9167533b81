"""Structured data for knowledge-base articles: schema.org Article, and FAQPage for Q&A blocks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.utils.safestring import SafeString, mark_safe

from ..blocks import questions_and_answers

if TYPE_CHECKING:
    from django.http import HttpRequest

    from ..models import KBArticlePage


def article_json_ld(article: KBArticlePage, request: HttpRequest | None = None) -> SafeString:
    """The ``<script type="application/ld+json">`` payload for an article, safe to put in a page.

    Editors' text goes into a script element, so ``<``, ``>`` and ``&`` are
    written as JSON unicode escapes: a title containing ``</script>`` cannot
    end the element.
    """
    url = article.get_full_url(request)
    graph: list[dict[str, Any]] = [
        {
            "@type": "Article",
            "headline": article.title[:110],
            "description": article.summary,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": article.locale.language_code if article.locale_id else "",
            "datePublished": article.first_published_at.isoformat() if article.first_published_at else None,
            "dateModified": article.last_published_at.isoformat() if article.last_published_at else None,
        }
    ]
    pairs = questions_and_answers(article.body)
    if pairs:
        graph.append(
            {
                "@type": "FAQPage",
                "mainEntity": [
                    {"@type": "Question", "name": question, "acceptedAnswer": {"@type": "Answer", "text": answer}}
                    for question, answer in pairs
                ],
            }
        )
    data = {"@context": "https://schema.org", "@graph": graph}
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # the characters that could end the script element are escaped
