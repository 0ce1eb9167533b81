"""The one place HTML from customers, mail and agents is cleaned.

Everything stored in a ``body_html`` field went through :func:`clean_html`.
The engine is bleach by default (a required dependency).  bleach 6.4.0 is its
final release and the project is unmaintained, so ``WAGTAIL_HELPDESK_SANITIZER
= "nh3"`` switches to nh3 (``pip install wagtail-helpdesk[nh3]``) with the same
policy.  Mail HTML shown to agents is additionally rendered in a sandboxed
iframe, so one sanitizer miss is never an XSS.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
import urllib.parse
from collections.abc import Mapping

from .conf import helpdesk_settings

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "img", "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel", "cid"})

#: Elements whose content is dropped with the tag, not kept as text.
_DROPPED_CONTENT_TAGS = {"script", "style", "head", "title", "template", "noscript", "iframe", "object", "embed",
                         "svg", "math"}  # fmt: skip
_DROP_WITH_CONTENT = re.compile(
    rf"<({'|'.join(sorted(_DROPPED_CONTENT_TAGS))})\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_URL_ATTRIBUTES = {"href", "src"}


def _safe_url(value: str) -> bool:
    """Allow relative URLs and allowed schemes only, after removing what browsers ignore.

    Both engines check schemes themselves, but a scheme broken up by invisible
    characters (``javascript\u200b:``) passes them as a "relative" URL.
    """
    visible = "".join(ch for ch in value if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf"))
    scheme, colon, _rest = visible.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return True
    return scheme.lower() in ALLOWED_PROTOCOLS


def _bleach_attribute(tag: str, name: str, value: str) -> bool:
    if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
        return False
    return name not in _URL_ATTRIBUTES or _safe_url(value)


def _nh3_attribute(tag: str, name: str, value: str) -> str | None:
    return value if name not in _URL_ATTRIBUTES or _safe_url(value) else None


def clean_text(text: str) -> str:
    """Remove NUL and other control characters that databases and browsers choke on."""
    return _CONTROL_CHARS.sub("", text or "")


def clean_html(value: str, *, cid_urls: Mapping[str, str] | None = None) -> str:
    """Return ``value`` with only the allowed tags, attributes and URL schemes left.

    ``cid_urls`` is for *showing* stored HTML, never for storing it: a
    ``Content-ID → URL`` map of the inline images that came with the same
    message.  With it, an ``<img src="cid:…">`` whose Content-ID is in the map
    gets that URL, and one whose Content-ID is not loses its ``src``.  The
    Content-ID is only ever a key here; nothing of it reaches the output.
    """
    if not value:
        return ""
    value = clean_text(value)
    images = None if cid_urls is None else {_cid_key(cid): url for cid, url in cid_urls.items() if _cid_key(cid)}
    if helpdesk_settings.SANITIZER == "nh3":
        import nh3

        def attribute_filter(tag: str, name: str, attribute: str) -> str | None:
            if images is not None and tag == "img" and name == "src" and _is_cid(attribute):
                return images.get(_cid_key(attribute.strip()[4:]))
            return _nh3_attribute(tag, name, attribute)

        return nh3.clean(
            value,
            tags=set(ALLOWED_TAGS),
            attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(ALLOWED_PROTOCOLS),
            attribute_filter=attribute_filter,
            clean_content_tags=_DROPPED_CONTENT_TAGS,
            link_rel="noopener noreferrer nofollow",
        )
    from bleach.sanitizer import Cleaner

    value = _DROP_WITH_CONTENT.sub("", value)
    cleaner = Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_bleach_attribute,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=None if images is None else [functools.partial(_inline_images_filter(), images=images)],
    )
    return cleaner.clean(value)


def _is_cid(url: str) -> bool:
    return url.strip()[:4].lower() == "cid:"


def _cid_key(content_id: str) -> str:
    """RFC 2392: a ``cid:`` URL is the Content-ID, %-encoded, without angle brackets."""
    return urllib.parse.unquote(content_id).strip().strip("<>").lower()


@functools.cache
def _inline_images_filter() -> type:
    # bleach is imported lazily, as in clean_html(), so sites on nh3 never load it.
    from bleach.html5lib_shim import Filter

    class InlineImages(Filter):
        """Runs after bleach's sanitizer: resolves or drops ``cid:`` image sources."""

        def __init__(self, source, images: dict[str, str]):
            super().__init__(source)
            self.images = images

        def __iter__(self):
            for token in super().__iter__():
                if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "img":
                    # bleach keeps character references as written: decode them before comparing.
                    src = html.unescape(token["data"].get((None, "src"), ""))
                    if _is_cid(src):
                        url = self.images.get(_cid_key(src.strip()[4:]))
                        if url:
                            token["data"][(None, "src")] = url
                        else:
                            del token["data"][(None, "src")]
                yield token

    return InlineImages


_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|tr|blockquote|pre|table)\s*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def html_to_text(value: str) -> str:
    """A readable plain-text version of (untrusted) HTML, for HTML-only messages."""
    value = _DROP_WITH_CONTENT.sub("", clean_text(value))
    value = _BLOCK_END.sub("\n", value)
    value = html.unescape(_TAG.sub("", value))
    lines = [line.strip() for line in value.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
