import pytest

from wagtail_helpdesk.sanitize import clean_html, html_to_text

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="javascript\u200b:alert(1)">x</a>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<form action="https://evil.example"><input name=x></form>',
    "<!--<script>alert(1)</script>-->",
    '<div onmouseover="alert(1)">hover</div>',
]


@pytest.fixture(params=["bleach", "nh3"])
def engine(request, settings):
    settings.WAGTAIL_HELPDESK_SANITIZER = request.param
    return request.param


@pytest.mark.parametrize("attack", ATTACKS)
def test_attacks_are_neutralised(engine, attack):
    cleaned = clean_html(attack).lower()
    for needle in ("<script", "javascript", "onerror", "onmouseover", "<iframe", "<form", "style=", "<svg"):
        assert needle not in cleaned, (engine, attack, cleaned)


def test_ordinary_formatting_survives(engine):
    html = (
        '<p>Hello <strong>there</strong>, see <a href="https://shop.example/faq">the FAQ</a>.</p><ul><li>one</li></ul>'
    )
    cleaned = clean_html(html)
    assert "<strong>there</strong>" in cleaned
    assert 'href="https://shop.example/faq"' in cleaned
    assert "<li>one</li>" in cleaned


def test_nul_bytes_are_removed(engine):
    assert "\x00" not in clean_html("<p>a\x00b</p>")


def test_html_to_text_keeps_lines_and_entities():
    assert html_to_text("<p>Fish &amp; chips</p><p>Line<br>two</p><script>x()</script>") == "Fish & chips\nLine\ntwo"


INLINE = {"logo@mail.example": "/helpdesk/attachments/7/?inline=abc&x=1"}


@pytest.mark.parametrize("attack", ATTACKS)
def test_resolving_inline_images_still_neutralises_every_attack(engine, attack):
    cleaned = clean_html(attack, cid_urls=INLINE).lower()
    for needle in ("<script", "javascript", "onerror", "onmouseover", "<iframe", "<form", "style=", "<svg"):
        assert needle not in cleaned, (engine, attack, cleaned)


def test_a_known_cid_image_gets_its_url_and_an_unknown_one_loses_its_source(engine):
    html = (
        '<p>Logo:</p><img src="cid:logo@mail.example" alt="logo"><img src="CID:%3Clogo@MAIL.example%3E">'
        '<img src="cid:stranger@mail.example" alt="?"><a href="cid:logo@mail.example">link</a>'
    )
    cleaned = clean_html(html, cid_urls=INLINE)
    assert cleaned.count('src="/helpdesk/attachments/7/?inline=abc&amp;x=1"') == 2  # RFC 2392 %-encoding, any case
    assert '<img alt="?">' in cleaned
    assert 'href="cid:logo@mail.example"' in cleaned  # only images are resolved


def test_without_a_map_cid_images_are_stored_as_received(engine):
    assert clean_html('<img src="cid:logo@mail.example">') == '<img src="cid:logo@mail.example">'


def test_a_hostile_cid_is_only_ever_a_key(engine):
    hostile = {'x" onerror="alert(1)': "/ok/", "javascript:alert(2)": "/ok2/"}
    cleaned = clean_html(
        '<img src="cid:x&quot; onerror=&quot;alert(1)"><img src="cid:javascript:alert(2)">'
        '<img src="javascript:alert(3)">',
        cid_urls=hostile,
    )
    assert cleaned == '<img src="/ok/"><img src="/ok2/"><img>'
