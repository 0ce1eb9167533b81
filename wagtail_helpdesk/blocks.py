"""StreamField blocks of knowledge-base articles.

The block names (``paragraph``, ``heading``, ``steps``, ``callout``, ``code``,
``image``, ``video``, ``table``, ``qa``) are stored in every article's JSON and
used by the demo content and by data imports, so they are a contract: rename
one and existing articles lose that block.
"""

from __future__ import annotations

from typing import Any

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

#: Rich-text features offered inside articles: enough for help texts, no layout.
RICH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "code"]


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
        label=_("kind"),
    )
    text = blocks.RichTextBlock(features=RICH_FEATURES, label=_("text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "wagtail_helpdesk/kb/blocks/callout.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.CharBlock(required=False, max_length=40, label=_("language"))
    code = blocks.TextBlock(label=_("code"))

    class Meta:
        icon = "code"
        label = _("Code")
        template = "wagtail_helpdesk/kb/blocks/code.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(required=False, max_length=255, label=_("caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "wagtail_helpdesk/kb/blocks/image.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=255, label=_("question"))
    answer = blocks.RichTextBlock(features=RICH_FEATURES, label=_("answer"))


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=[*RICH_FEATURES, "h3", "h4"], label=_("Paragraph"))
    heading = blocks.CharBlock(max_length=120, label=_("Heading"), template="wagtail_helpdesk/kb/blocks/heading.html")
    steps = blocks.ListBlock(
        blocks.RichTextBlock(features=RICH_FEATURES),
        label=_("Steps"),
        template="wagtail_helpdesk/kb/blocks/steps.html",
    )
    callout = CalloutBlock()
    code = CodeBlock()
    image = ImageBlock()
    video = EmbedBlock(label=_("Video"), icon="media")
    table = TableBlock(label=_("Table"), template="wagtail_helpdesk/kb/blocks/table.html")
    qa = blocks.ListBlock(
        QuestionBlock(), label=_("Questions and answers"), icon="help", template="wagtail_helpdesk/kb/blocks/qa.html"
    )


def table_value(header: list[str], rows: list[list[str]]) -> dict[str, Any]:
    """The ``table`` block's stored value for a plain ``{"header": [...], "rows": [[...]]}`` table.

    TableBlock stores the header as the first data row plus a flag; importers
    and the demo loader write plain tables and convert here.
    """
    return {
        "data": [list(header), *[list(row) for row in rows]],
        "first_row_is_table_header": bool(header),
        "first_col_is_header": False,
        "table_caption": "",
    }


def questions_and_answers(body: Any) -> list[tuple[str, str]]:
    """Every (question, plain-text answer) of the ``qa`` blocks of a body, for FAQPage JSON-LD."""
    pairs = []
    for block in body:
        if block.block_type != "qa":
            continue
        for item in block.value:
            pairs.append((item["question"], " ".join(strip_tags(str(item["answer"])).split())))
    return pairs
