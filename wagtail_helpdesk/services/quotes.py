"""Trimming the quoted conversation and the signature off a reply, so agents read what is new.

Mail clients append the whole previous conversation under an attribution
line ("On … wrote:", "W dniu … pisze:", Outlook's "From: … Sent: …" block,
"-----Original Message-----") or as "> " lines, and a signature under "-- ".
:func:`trim_text` and :func:`trim_html` cut at the earliest such marker; when
nothing would be left (a message that is all quote), they keep everything.
The untrimmed original always stays on the inbound record (``raw``).

Forwarded messages are *not* trimmed: what a customer forwards (an order
confirmation, a courier's mail) is the content.
"""

from __future__ import annotations

import re

from ..sanitize import html_to_text

_ATTRIBUTION = re.compile(
    r"""^\s*(
        (On|Am|Le|El|Il|Op)\s.{4,200}\s(wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|schreef)\s?:
      | W\sdniu\s.{4,200}\s(pisze|napisał\(a\)|napisał|napisała)\s?:
      | Dnia\s.{4,200}\s(pisze|napisał\(a\)|napisał|napisała)\s?:
      | .{4,200}\s(napisał\(a\)|napisał|napisała)\s?:
      | .{4,200}\s(пише|написав\(ла\)|написав|написала|писал\(а\)|пишет)\s?:
      | .{4,200}\s(rašė|parašė)\s?:
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(Original\s+Message|Ursprüngliche\s+Nachricht|Wiadomość\s+oryginalna|Oryginalna\s+wiadomość"
    r"|Оригінальне\s+повідомлення|Исходное\s+сообщение|Pradinis\s+laiškas|Originalus\s+laiškas|Message\s+d'origine)"
    r"\s*-{2,}\s*$",
    re.IGNORECASE,
)
#: The first line of Outlook's header block, and the lines that must follow it.
_OUTLOOK_FROM = re.compile(r"^\s*\*?(From|Od|Від|От|Nuo|Von|De)\s*:\*?\s+\S", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(
    r"^\s*\*?(Sent|Date|Wysłano|Data|Надіслано|Отправлено|Дата|Išsiųsta|Data|Gesendet|Envoyé)\s*:", re.IGNORECASE
)
_SIGNATURE = re.compile(r"^--\s?$")
_MOBILE = re.compile(
    r"^\s*(Sent\s+from\s+my\s+\w+|Sent\s+from\s+(Mail|Outlook|Yahoo\s+Mail)\b|Get\s+Outlook\s+for\s+\w+"
    r"|Wysłane\s+z\s+(mojego\s+)?\w+|Wysłano\s+z\s+(mojego\s+)?\w+"
    r"|Надіслано\s+з\s+(мого\s+)?\w+|Отправлено\s+с\s+(моего\s+)?\w+|Išsiųsta\s+iš\s+(mano\s+)?\w+"
    r"|Von\s+meinem\s+\w+\s+gesendet|Envoyé\s+de\s+mon\s+\w+)",
    re.IGNORECASE,
)
_UNDERLINE = re.compile(r"^\s*_{10,}\s*$")
#: What a customer forwards is the content: nothing below this line is trimmed.
_FORWARDED = re.compile(
    r"^\s*(-{2,}\s*(Forwarded\s+message|Weitergeleitete\s+Nachricht|Przekazana\s+wiadomość|Wiadomość\s+przekazana"
    r"|Переслане\s+повідомлення|Пересланное\s+сообщение|Persiųstas\s+laiškas)|Begin\s+forwarded\s+message\s*:)",
    re.IGNORECASE,
)

#: Where the quoted conversation or signature starts in the HTML of common clients.
_HTML_MARKERS = re.compile(
    r"""<(div|blockquote)[^>]*\bclass=["'][^"']*\b(gmail_quote|gmail_signature|moz-cite-prefix|moz-signature|yahoo_quoted)\b
      | <blockquote[^>]*\btype=["']?cite
      | <div[^>]*\bid=["']?(appendonsend|divRplyFwdMsg|mail-editor-reference-message-container|Signature)\b
      | <hr[^>]*\bid=["']?stopSpelling
      | <div[^>]*>\s*(Sent\s+from\s+my\s|Get\s+Outlook\s+for\s|Wysłane\s+z\s|Надіслано\s+з\s|Išsiųsta\s+iš\s)
      | <div[^>]*style=["'][^"']*border-top:\s*solid\s+\#(E1E1E1|B5C4DF)""",
    re.IGNORECASE | re.VERBOSE,
)


def _cut_index(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if _FORWARDED.match(line):
            return None
        pair = line + " " + lines[index + 1] if index + 1 < len(lines) else line
        if _SIGNATURE.match(line) or _ORIGINAL.match(line) or _MOBILE.match(line):
            return index
        if _ATTRIBUTION.match(line) or (not line.rstrip().endswith(":") and _ATTRIBUTION.match(pair)):
            return index
        if _UNDERLINE.match(line) and index + 1 < len(lines) and _OUTLOOK_FROM.match(lines[index + 1]):
            return index
        if _OUTLOOK_FROM.match(line) and any(_OUTLOOK_NEXT.match(nxt) for nxt in lines[index + 1 : index + 4]):
            return index
    # A trailing block of "> " lines (inline answers between quotes stay).
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    start = end
    while start and (lines[start - 1].startswith(">") or not lines[start - 1].strip()):
        start -= 1
    if start < end and any(line.startswith(">") for line in lines[start:end]):
        return start
    return None


def trim_text(text: str) -> tuple[str, str]:
    """``(visible, removed)``: the new part of a plain-text reply and the quote/signature cut off it."""
    lines = (text or "").replace("\r\n", "\n").split("\n")
    index = _cut_index(lines)
    if index is None:
        return text, ""
    visible = "\n".join(lines[:index]).rstrip()
    if not visible.strip():
        return text, ""
    return visible, "\n".join(lines[index:]).strip()


def trim_html(html: str) -> str:
    """The HTML of a reply up to its quoted conversation or signature (the caller sanitises it)."""
    match = _HTML_MARKERS.search(html or "")
    if match is None:
        return html
    visible = html[: match.start()]
    return visible if html_to_text(visible).strip() else html


__all__ = ["trim_html", "trim_text"]
