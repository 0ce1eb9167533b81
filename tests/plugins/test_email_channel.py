"""Parsing real-world (and broken) mail into InboundMessages."""

from pathlib import Path

import pytest

from wagtail_helpdesk.exceptions import InvalidInbound
from wagtail_helpdesk.models import OutboundMessage
from wagtail_helpdesk.plugins.email import EmailChannel
from wagtail_helpdesk.services import intake

EML = Path(__file__).parent / "eml"


def parse(name):
    return EmailChannel().parse((EML / name).read_bytes())


def test_encoded_headers_and_latin2_quoted_printable_body_are_decoded():
    message = parse("latin2_qp.eml")
    assert message.sender_name == "Zoë Müller"
    assert message.subject == "Reklamacja ąćę"
    assert message.body_text.strip() == "Dzień dobry, czajnik przeciekł."
    assert message.external_id == "<latin2-1@mail.example>"


def test_html_only_mail_becomes_readable_text():
    message = parse("html_only.eml")
    assert message.body_text == "Hello team\nSecond line"
    assert "alert" not in message.body_text


def test_unknown_charset_is_decoded_with_replacement_not_lost():
    message = parse("unknown_charset.eml")
    assert "order" in message.body_text


def test_multipart_without_boundary_still_gives_a_message():
    message = parse("multipart_no_boundary.eml")
    assert message.external_id == "<noboundary-1@mail.example>"


def test_attachments_and_thread_references_are_kept():
    message = parse("multipart_attachments.eml")
    assert message.body_text.startswith("See the attached photo.")
    # invoice.pdf is a program in disguise: left out, with a note.
    assert [a.filename for a in message.attachments] == ["damage.png"]
    assert message.reply_to == ("<hd1.abc@shop.example>", "<first@mail.example>", "<hd1.abc@shop.example>")


def test_auto_replies_are_flagged_and_get_no_acknowledgement(db, django_capture_on_commit_callbacks):
    message = parse("auto_reply.eml")
    assert message.metadata["auto_submitted"] is True
    with django_capture_on_commit_callbacks(execute=True):
        intake.receive(message)
    assert not OutboundMessage.objects.exists()


def test_a_disguised_program_is_dropped_with_a_visible_note_and_the_mail_is_still_taken(db):
    result = intake.receive(parse("multipart_attachments.eml"))
    assert [a.filename for a in result.message.attachments.all()] == ["damage.png"]
    assert "invoice.pdf is not a file type we accept" in result.message.body_text


def test_missing_message_id_gets_a_stable_one():
    raw = b"From: a@mail.example\r\nSubject: x\r\n\r\nbody\r\n"
    assert EmailChannel().parse(raw).external_id == EmailChannel().parse(raw).external_id


@pytest.mark.parametrize("payload", [b"", "text, not bytes", None])
def test_empty_or_wrong_type_payload_is_rejected(payload):
    with pytest.raises(InvalidInbound):
        EmailChannel().parse(payload)


@pytest.mark.parametrize(
    "header",
    [
        "Auto-Submitted: auto-replied",
        "Auto-Submitted: auto-generated",
        "X-Autoreply: yes",
        "X-Autorespond: on",
        "Precedence: bulk",
        "Precedence: junk",
        "Precedence: list",
        "Precedence: auto_reply",
        "List-Id: <a.b.example>",
        "List-Unsubscribe: <mailto:x@y.example>",
        "Return-Path: <>",
    ],
)
def test_every_rfc_3834_and_vendor_marker_flags_the_mail_as_automatic(header):
    raw = f"From: bot@mail.example\r\n{header}\r\nSubject: x\r\nMessage-ID: <a@b>\r\n\r\nbody\r\n".encode()
    assert EmailChannel().parse(raw).metadata["auto_submitted"] is True


def test_auto_submitted_no_is_a_person():
    raw = b"From: anna@mail.example\r\nAuto-Submitted: no\r\nSubject: x\r\nMessage-ID: <a@b>\r\n\r\nbody\r\n"
    assert EmailChannel().parse(raw).metadata["auto_submitted"] is False


def test_inline_images_keep_their_content_id_and_other_files_have_none():
    corpus = Path(__file__).resolve().parents[1] / "email_corpus"
    related = EmailChannel().parse((corpus / "inline_image_cid_related.eml").read_bytes())
    assert [(a.filename, a.content_id) for a in related.attachments] == [("image001.png", "image001.png@01DA")]
    assert 'src="cid:image001.png@01DA"' in related.body_html
    plain = EmailChannel().parse((corpus / "attachment_rfc2231_filename.eml").read_bytes())
    assert plain.attachments and {a.content_id for a in plain.attachments} == {""}
