# ruff: noqa: E501  (mail text is data: it keeps the lines a client writes)
"""Writes the corpus: real-world-style mail as the clients format it, and ``expected.json``.

Run ``python tests/email_corpus/generate.py`` after changing a case; the .eml
files are committed, so the tests read files, not this script.  Each case
states its expectation by hand (sender, subject, a snippet of the visible text
after trimming, text that must be trimmed away, attachment names, automatic,
bounce, outcome): nothing here is computed by the code under test.
"""

from __future__ import annotations

import base64
import json
import quopri
from email.header import Header
from pathlib import Path

HERE = Path(__file__).parent
CASES: list[dict] = []
DATE = "Date: Tue, 01 Dec 2026 10:15:00 +0100\r\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def b64(data: bytes) -> str:
    text = base64.b64encode(data).decode()
    return "\r\n".join(text[i : i + 76] for i in range(0, len(text), 76))


def qp(text: str, charset: str) -> str:
    return quopri.encodestring(text.encode(charset)).decode("ascii").replace("\n", "\r\n")


def ew(text: str, charset: str = "utf-8") -> str:
    return Header(text, charset).encode()


def case(name: str, raw: str | bytes, **expect) -> None:
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    expect.setdefault("outcome", "ticket")
    expect.setdefault("attachments", [])
    expect.setdefault("automatic", False)
    expect.setdefault("bounce", False)
    expect.setdefault("not_text", [])
    CASES.append({"name": name, **expect})
    (HERE / f"{name}.eml").write_bytes(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))


def head(sender: str, subject: str, mid: str, extra: str = "", to: str = "Support <support@shop.example>") -> str:
    return (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n{DATE}Message-ID: <{mid}>\r\nMIME-Version: 1.0\r\n{extra}"
    )


def alternative(text: str, html: str, charset: str = "utf-8", boundary: str = "000000000000alt") -> str:
    return (
        f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n\r\n'
        f'--{boundary}\r\nContent-Type: text/plain; charset="{charset}"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        f"{qp(text, charset)}\r\n"
        f'--{boundary}\r\nContent-Type: text/html; charset="{charset}"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        f"{qp(html, charset)}\r\n--{boundary}--\r\n"
    )


def plain(text: str, charset: str = "utf-8", cte: str = "quoted-printable", flowed: bool = False) -> str:
    body = qp(text, charset) if cte == "quoted-printable" else b64(text.encode(charset)) if cte == "base64" else text
    fmt = "; format=flowed" if flowed else ""
    return f'Content-Type: text/plain; charset="{charset}"{fmt}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{body}\r\n'


# ---- Gmail ---------------------------------------------------------------------------------------
case(
    "gmail_reply_utf8",
    head(
        "Anna Nowak <anna.nowak@gmail.com>",
        "Re: [HD-000123] Kettle leaks",
        "CAF1@mail.gmail.com",
        "In-Reply-To: <hd5.1@shop.example>\r\nReferences: <hd5.1@shop.example>\r\n",
    )
    + alternative(
        "Yes, the lid is cracked too.\n\nOn Mon, Dec 1, 2026 at 9:00 AM Support <support@shop.example> wrote:\n\n> Could you send a photo?\n> Thanks\n",
        '<div dir="ltr">Yes, the lid is cracked too.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Dec 1, 2026 at 9:00 AM Support wrote:<br></div><blockquote class="gmail_quote">Could you send a photo?</blockquote></div>',
    ),
    sender="anna.nowak@gmail.com",
    subject="Re: [HD-000123] Kettle leaks",
    text="Yes, the lid is cracked too.",
    not_text=["Could you send a photo?"],
)
case(
    "gmail_wrapped_attribution",
    head("Piotr <piotr@gmail.com>", "Re: Order 4711", "CAF2@mail.gmail.com")
    + plain(
        "Thanks, that works.\n\nOn Mon, Dec 1, 2026 at 9:00 AM Customer Support Team of the Shop <\nsupport@shop.example> wrote:\n\n> Please restart the device.\n"
    ),
    sender="piotr@gmail.com",
    subject="Re: Order 4711",
    text="Thanks, that works.",
    not_text=["restart the device"],
)
case(
    "gmail_html_only_with_signature",
    head("Marta <marta@gmail.com>", "Invoice needed", "CAF3@mail.gmail.com")
    + 'Content-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
    + qp(
        '<div dir="ltr">Please send an invoice for order 5120.<br><br><div class="gmail_signature">Marta Lis<br>Accountant</div></div>',
        "utf-8",
    ),
    sender="marta@gmail.com",
    subject="Invoice needed",
    text="Please send an invoice for order 5120.",
    not_text=["Accountant"],
)

# ---- Outlook -------------------------------------------------------------------------------------
case(
    "outlook_original_message",
    head(
        '"Kowalski, Jan" <jan.kowalski@firma.pl>',
        "RE: Delivery",
        "DB9P1@EUR01.prod.outlook.com",
        "Thread-Index: AQHZ\r\nX-MS-Has-Attach: \r\n",
    )
    + plain(
        "The courier did not come.\n\n-----Original Message-----\nFrom: Support\nSent: Monday, December 1, 2026 9:00 AM\nSubject: Delivery\n\nThe parcel leaves today.\n",
        "windows-1252",
    ),
    sender="jan.kowalski@firma.pl",
    subject="RE: Delivery",
    text="The courier did not come.",
    not_text=["parcel leaves today"],
)
case(
    "outlook_from_sent_block_html",
    head("Jan Kowalski <jan@firma.pl>", "RE: Warranty", "DB9P2@EUR01.prod.outlook.com")
    + alternative(
        "The serial number is XK-22.\n\n________________________________\nFrom: Support <support@shop.example>\nSent: Monday, December 1, 2026 09:00\nTo: Jan Kowalski\nSubject: Warranty\n\nPlease send the serial number.\n",
        '<html><body><div>The serial number is XK-22.</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg"><b>From:</b> Support<br><b>Sent:</b> Monday</div><div>Please send the serial number.</div></body></html>',
        "windows-1252",
    ),
    sender="jan@firma.pl",
    subject="RE: Warranty",
    text="The serial number is XK-22.",
    not_text=["Please send the serial number"],
)
case(
    "outlook_polish_windows1250",
    head(
        "=?windows-1250?Q?Ma=B3gorzata_W=F3jcik?= <m.wojcik@firma.pl>",
        "=?windows-1250?Q?ODP:_Zam=F3wienie_4711?=",
        "AM0PR1@EUR02.prod.outlook.com",
    )
    + plain(
        "Dzień dobry, paczka jest uszkodzona.\n\nOd: Obsługa <support@shop.example>\nWysłano: poniedziałek, 1 grudnia 2026 09:00\nDo: Małgorzata Wójcik\nTemat: Zamówienie 4711\n\nCzy paczka dotarła?\n",
        "windows-1250",
    ),
    sender="m.wojcik@firma.pl",
    subject="ODP: Zamówienie 4711",
    text="Dzień dobry, paczka jest uszkodzona.",
    not_text=["Czy paczka dotarła"],
    sender_name="Małgorzata Wójcik",
)
case(
    "outlook_get_outlook_for_ios",
    head("Eva <eva@outlook.com>", "Return label", "BY5PR1@namprd.outlook.com")
    + plain(
        "Where is my return label?\n\nGet Outlook for iOS\n________________________________\nFrom: Support\nSent: Monday\n"
    ),
    sender="eva@outlook.com",
    subject="Return label",
    text="Where is my return label?",
    not_text=["Get Outlook for iOS"],
)
case(
    "outlook_ks_c_5601_korean",
    head("Kim <kim@example.kr>", "=?ks_c_5601-1987?B?" + b64("주문".encode("cp949")) + "?=", "KR1@outlook.com")
    + 'Content-Type: text/plain; charset="ks_c_5601-1987"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    + b64("주문 확인 부탁드립니다".encode("cp949"))
    + "\r\n",
    sender="kim@example.kr",
    subject="주문",
    text="주문 확인 부탁드립니다",
)

# ---- Apple Mail, Thunderbird, mobile --------------------------------------------------------------
case(
    "apple_mail_reply_iphone",
    head("Tomas <tomas@icloud.com>", "Re: Refund", "A1B2C3@icloud.com", "X-Mailer: iPhone Mail (21A329)\r\n")
    + alternative(
        "Still no refund.\n\nSent from my iPhone\n\n> On 1 Dec 2026, at 09:00, Support <support@shop.example> wrote:\n>\n> Refund sent.\n",
        '<html><body dir="auto">Still no refund.<br><br><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">On 1 Dec 2026, at 09:00, Support wrote:<br>Refund sent.</blockquote></div></body></html>',
        boundary="Apple-Mail-1",
    ),
    sender="tomas@icloud.com",
    subject="Re: Refund",
    text="Still no refund.",
    not_text=["Refund sent", "Sent from my iPhone"],
)
case(
    "apple_mail_macos_plain",
    head("Lena <lena@me.com>", "Re: Colour", "D4E5@me.com", "X-Mailer: Apple Mail (2.3774)\r\n")
    + plain(
        "Blue, please.\n\n> On 1. Dec 2026, at 09:00, Support <support@shop.example> wrote:\n> \n> Which colour?\n"
    ),
    sender="lena@me.com",
    subject="Re: Colour",
    text="Blue, please.",
    not_text=["Which colour"],
)
case(
    "thunderbird_flowed",
    head("Karl <karl@posteo.de>", "Re: Spare part", "5f1@posteo.de", "User-Agent: Mozilla Thunderbird\r\n")
    + plain(
        "I need the part\nnumber 55-A.\n\nOn 01.12.2026 09:00, Support wrote:\n> Which part?\n", flowed=True, cte="8bit"
    ),
    sender="karl@posteo.de",
    subject="Re: Spare part",
    text="number 55-A.",
    not_text=["Which part?"],
)
case(
    "thunderbird_html_moz_cite",
    head("Karl <karl@posteo.de>", "Re: Spare part 2", "5f2@posteo.de")
    + alternative(
        "Part 55-B as well.\n\nAm 01.12.2026 um 09:00 schrieb Support:\n> Anything else?\n",
        '<html><body><p>Part 55-B as well.</p><div class="moz-cite-prefix">Am 01.12.2026 um 09:00 schrieb Support:</div><blockquote type="cite">Anything else?</blockquote></body></html>',
    ),
    sender="karl@posteo.de",
    subject="Re: Spare part 2",
    text="Part 55-B as well.",
    not_text=["Anything else?"],
)
case(
    "android_polish_wyslane",
    head("Ola <ola@wp.pl>", "Re: Reklamacja", "AND1@wp.pl")
    + plain(
        "Przesyłam zdjęcie jutro.\n\nWysłane z mojego telefonu Samsung\n\n-------- Oryginalna wiadomość --------\nOd: Obsługa\n",
        "utf-8",
        "base64",
    ),
    sender="ola@wp.pl",
    subject="Re: Reklamacja",
    text="Przesyłam zdjęcie jutro.",
    not_text=["Wysłane z mojego", "Obsługa"],
)

# ---- Languages and charsets ---------------------------------------------------------------------------
case(
    "polish_w_dniu_pisze_latin2",
    head(f"{ew('Zofia Żak', 'iso-8859-2')} <zofia@onet.pl>", ew("Re: Płatność", "iso-8859-2"), "PL1@onet.pl")
    + plain(
        "Zapłaciłam wczoraj.\n\nW dniu 1.12.2026 o 09:00, Obsługa pisze:\n> Czekamy na płatność.\n",
        "iso-8859-2",
        "base64",
    ),
    sender="zofia@onet.pl",
    subject="Re: Płatność",
    text="Zapłaciłam wczoraj.",
    not_text=["Czekamy na płatność"],
    sender_name="Zofia Żak",
)
case(
    "ukrainian_koi8u_pyshe",
    head(f"{ew('Олена Коваль', 'koi8-u')} <olena@ukr.net>", ew("Відп: Замовлення", "koi8-u"), "UA1@ukr.net")
    + plain(
        "Дякую, отримала посилку.\n\nпн, 1 груд. 2026 р. о 09:00 Підтримка <support@shop.example> пише:\n> Посилку відправлено.\n",
        "koi8-u",
    ),
    sender="olena@ukr.net",
    subject="Відп: Замовлення",
    text="Дякую, отримала посилку.",
    not_text=["Посилку відправлено"],
    sender_name="Олена Коваль",
)
case(
    "ukrainian_outlook_vid_nadislano",
    head("Taras <taras@ukr.net>", "=?utf-8?B?0JLQhtCU0J86INCg0LDRhdGD0L3QvtC6?=", "UA2@ukr.net")
    + plain(
        "Рахунок потрібен на фірму.\n\nВід: Підтримка <support@shop.example>\nНадіслано: 1 грудня 2026 р. 9:00\nКому: Taras\nТема: Рахунок\n\nЯкий рахунок?\n"
    ),
    sender="taras@ukr.net",
    subject="ВІДП: Рахунок",
    text="Рахунок потрібен на фірму.",
    not_text=["Який рахунок?"],
)
case(
    "lithuanian_windows1257_rase",
    head("Rūta <ruta@gmail.lt>", ew("Re: Grąžinimas", "windows-1257"), "LT1@gmail.lt")
    + plain(
        "Prekę grąžinsiu rytoj.\n\n2026-12-01, pr, 09:00, Pagalba <support@shop.example> rašė:\n> Kada grąžinsite?\n",
        "windows-1257",
    ),
    sender="ruta@gmail.lt",
    subject="Re: Grąžinimas",
    text="Prekę grąžinsiu rytoj.",
    not_text=["Kada grąžinsite"],
)
case(
    "lithuanian_outlook_nuo_issiusta",
    head("Jonas <jonas@bite.lt>", "RE: Sąskaita", "LT2@bite.lt")
    + plain(
        "Sąskaitą gavau.\n\nNuo: Pagalba <support@shop.example>\nIšsiųsta: 2026 m. gruodžio 1 d. 09:00\nKam: Jonas\nTema: Sąskaita\n\nSiunčiame sąskaitą.\n",
        "utf-8",
        "8bit",
    ),
    sender="jonas@bite.lt",
    subject="RE: Sąskaita",
    text="Sąskaitą gavau.",
    not_text=["Siunčiame sąskaitą"],
)
case(
    "russian_windows1251_base64",
    head(f"{ew('Иван', 'windows-1251')} <ivan@mail.ru>", ew("Re: Доставка", "windows-1251"), "RU1@mail.ru")
    + plain(
        "Когда будет доставка?\n\n1 декабря 2026 г., в 9:00, Поддержка <support@shop.example> писал(а):\n> Доставка завтра.\n",
        "windows-1251",
        "base64",
    ),
    sender="ivan@mail.ru",
    subject="Re: Доставка",
    text="Когда будет доставка?",
    not_text=["Доставка завтра"],
)
case(
    "utf8_emoji_subject_base64",
    head("Mia <mia@proton.me>", ew("Great service 🎉 thanks"), "EMO1@proton.me")
    + plain("All good now 👍", "utf-8", "base64"),
    sender="mia@proton.me",
    subject="Great service 🎉 thanks",
    text="All good now 👍",
)
case(
    "mislabelled_latin1_is_utf8",
    head("Jürgen <juergen@web.de>", "Lieferung", "DE1@web.de")
    + 'Content-Type: text/plain; charset="iso-8859-1"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
    + "Die Lieferung ist beschädigt, Größe falsch.\r\n",
    sender="juergen@web.de",
    subject="Lieferung",
    text="Die Lieferung ist beschädigt, Größe falsch.",
)
case(
    "windows1252_smart_quotes_labelled_latin1",
    head("Claire <claire@orange.fr>", "Question", "FR1@orange.fr")
    + 'Content-Type: text/plain; charset="iso-8859-1"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
    + "It=92s the =93large=94 model =96 thanks=85\r\n",
    sender="claire@orange.fr",
    subject="Question",
    text="It’s the “large” model – thanks…",
)
case(
    "unknown_charset_label",
    head("Bob <bob@example.com>", "Order status", "UNK1@example.com")
    + 'Content-Type: text/plain; charset="x-unknown-8bit"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
    + "Where is order 9001? Caf\u00e9.\r\n",
    sender="bob@example.com",
    subject="Order status",
    text="Where is order 9001? Café.",
)
case(
    "eight_bit_headers",
    b"From: \xc5\x81ukasz W\xc3\xb3jcik <lukasz@o2.pl>\r\nTo: support@shop.example\r\nSubject: Zam\xc3\xb3wienie \xc5\xbc\xc3\xb3\xc5\x82te\r\n"
    + DATE.encode()
    + b"Message-ID: <8BIT1@o2.pl>\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    + "Proszę o fakturę.\r\n".encode(),
    sender="lukasz@o2.pl",
    subject="Zamówienie żółte",
    text="Proszę o fakturę.",
    sender_name="Łukasz Wójcik",
)
case(
    "encoded_word_subject_folded",
    head(
        "Nina <nina@seznam.cz>",
        "=?UTF-8?Q?Reklamace_v=C3=BDrobku?=\r\n =?ISO-8859-2?B?IOi52A==?= =?UTF-8?B?IOKAkyDEjWVybsO9?=",
        "CZ1@seznam.cz",
    )
    + plain("Výrobek je vadný.", "utf-8"),
    sender="nina@seznam.cz",
    subject="Reklamace výrobku čšŘ – černý",
    text="Výrobek je vadný.",
)
case(
    "very_long_lines",
    head("Long <long@example.com>", "Long line", "LONG1@example.com")
    + 'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
    + "Start "
    + "word " * 1600
    + "end.\r\n",
    sender="long@example.com",
    subject="Long line",
    text="Start word word",
)
case(
    "broken_base64_body",
    head("Eve <eve@example.com>", "Broken base64", "B64BAD@example.com")
    + 'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    + "SGVsbG8sIG15IG9yZGVyIGlzIGxhdGU=garbage!!\r\n",
    sender="eve@example.com",
    subject="Broken base64",
    text="Hello, my order is late",
)

# ---- Structure: HTML-only, inline images, attachments, forwards --------------------------------------------
case(
    "html_only_lists_and_links",
    head("Shop Fan <fan@example.com>", "Two problems", "HTML1@example.com")
    + 'Content-Type: text/html; charset="utf-8"\r\n\r\n'
    + "<html><head><style>p{color:red}</style></head><body><p>Two problems:</p><ul><li>The handle</li><li>The lid</li></ul>"
    '<p>See <a href="https://example.com/x">my photo</a>.</p><script>alert(1)</script></body></html>\r\n',
    sender="fan@example.com",
    subject="Two problems",
    text="The handle",
    not_text=["alert(1)", "color:red"],
)
case(
    "inline_image_cid_related",
    head("Ann <ann@example.com>", "Scratch on the door", "CID1@example.com")
    + 'Content-Type: multipart/related; boundary="rel"\r\n\r\n--rel\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n'
    + '<p>Here is the scratch:</p><img src="cid:image001.png@01DA">\r\n--rel\r\nContent-Type: image/png; name="image001.png"\r\n'
    + "Content-Transfer-Encoding: base64\r\nContent-ID: <image001.png@01DA>\r\nContent-Disposition: inline\r\n\r\n"
    + b64(PNG)
    + "\r\n--rel--\r\n",
    sender="ann@example.com",
    subject="Scratch on the door",
    text="Here is the scratch:",
    attachments=["image001.png"],
)
case(
    "nested_mixed_alternative_related",
    head("Ben <ben@example.com>", "Invoice and photo", "NEST1@example.com")
    + 'Content-Type: multipart/mixed; boundary="mix"\r\n\r\n--mix\r\nContent-Type: multipart/alternative; boundary="alt"\r\n\r\n'
    + '--alt\r\nContent-Type: text/plain; charset="utf-8"\r\n\r\nInvoice and photo attached.\r\n'
    + '--alt\r\nContent-Type: multipart/related; boundary="rel"\r\n\r\n--rel\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n'
    + '<p>Invoice and photo attached.</p><img src="cid:logo@x">\r\n--rel\r\nContent-Type: image/png\r\nContent-ID: <logo@x>\r\n'
    + "Content-Transfer-Encoding: base64\r\n\r\n"
    + b64(PNG)
    + "\r\n--rel--\r\n--alt--\r\n"
    + '--mix\r\nContent-Type: application/pdf; name="invoice.pdf"\r\nContent-Disposition: attachment; filename="invoice.pdf"\r\n'
    + "Content-Transfer-Encoding: base64\r\n\r\n"
    + b64(PDF)
    + "\r\n--mix--\r\n",
    sender="ben@example.com",
    subject="Invoice and photo",
    text="Invoice and photo attached.",
    attachments=["logo.png", "invoice.pdf"],
)
case(
    "attachment_rfc2231_filename",
    head("Iga <iga@example.pl>", "Faktura", "2231@example.pl")
    + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nW załączniku.\r\n'
    + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=utf-8''Faktura%20%C5%BC%C3%B3%C5%82ta.pdf\r\n"
    + "Content-Transfer-Encoding: base64\r\n\r\n"
    + b64(PDF)
    + "\r\n--b--\r\n",
    sender="iga@example.pl",
    subject="Faktura",
    text="W załączniku.",
    attachments=["Faktura żółta.pdf"],
)
case(
    "attachment_outlook_encoded_word_filename",
    head("Jan <jan@firma.pl>", "Zdjęcia", "EWNAME@firma.pl")
    + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZdjęcia w załączniku.\r\n'
    + f'--b\r\nContent-Type: image/png; name="{ew("zdjęcie 1.png")}"\r\nContent-Disposition: attachment; filename="{ew("zdjęcie 1.png")}"\r\n'
    + "Content-Transfer-Encoding: base64\r\n\r\n"
    + b64(PNG)
    + "\r\n--b--\r\n",
    sender="jan@firma.pl",
    subject="Zdjęcia",
    text="Zdjęcia w załączniku.",
    attachments=["zdjęcie 1.png"],
)
case(
    "forbidden_program_attachment",
    head("Max <max@example.com>", "Setup file", "EXE1@example.com")
    + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nPlease run this.\r\n'
    + '--b\r\nContent-Type: application/x-msdownload; name="setup.exe"\r\nContent-Disposition: attachment; filename="setup.exe"\r\n'
    + "Content-Transfer-Encoding: base64\r\n\r\n"
    + b64(b"MZ\x90\x00\x03" + b"\x00" * 60)
    + "\r\n"
    + '--b\r\nContent-Type: application/pdf; name="ok.pdf"\r\nContent-Disposition: attachment; filename="ok.pdf"\r\n'
    + "Content-Transfer-Encoding: base64\r\n\r\n"
    + b64(PDF)
    + "\r\n--b--\r\n",
    sender="max@example.com",
    subject="Setup file",
    text="setup.exe is not a file type we accept",
    attachments=["ok.pdf"],
)
case(
    "oversized_attachment",
    head("Big <big@example.com>", "Huge scan", "BIG1@example.com")
    + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe scan is attached.\r\n'
    + '--b\r\nContent-Type: application/pdf; name="scan.pdf"\r\nContent-Disposition: attachment; filename="scan.pdf"\r\n'
    + "Content-Transfer-Encoding: base64\r\n\r\n"
    + b64(PDF + b"0" * 300_000)
    + "\r\n--b--\r\n",
    sender="big@example.com",
    subject="Huge scan",
    text="scan.pdf is larger than",
    attachments=[],
)
case(
    "attachment_only_no_text",
    head("Scan <scanner@example.com>", "Scanned document", "SCAN1@example.com")
    + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: application/pdf; name="doc.pdf"\r\n'
    + 'Content-Disposition: attachment; filename="doc.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
    + b64(PDF)
    + "\r\n--b--\r\n",
    sender="scanner@example.com",
    subject="Scanned document",
    text="",
    attachments=["doc.pdf"],
)
case(
    "gmail_forwarded_inline",
    head("Kasia <kasia@gmail.com>", "Fwd: Your order 4711 has shipped", "FWD1@mail.gmail.com")
    + plain(
        "This never arrived.\n\n---------- Forwarded message ---------\nFrom: Shop <orders@shop.example>\nDate: Mon, Nov 30, 2026\nSubject: Your order 4711 has shipped\n\nTracking number: PL123456789\n"
    ),
    sender="kasia@gmail.com",
    subject="Fwd: Your order 4711 has shipped",
    text="Tracking number: PL123456789",
)
case(
    "forwarded_as_attachment",
    head("Kasia <kasia@gmail.com>", "FW: courier mail", "FWD2@mail.gmail.com")
    + 'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee the courier\'s mail.\r\n'
    + "--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
    + "From: courier@dpd.example\r\nSubject: Delivery failed\r\nMessage-ID: <inner@dpd.example>\r\n\r\nWe could not deliver.\r\n--b--\r\n",
    sender="kasia@gmail.com",
    subject="FW: courier mail",
    text="See the courier's mail.",
    attachments=["Delivery failed.eml"],
)
case(
    "reply_to_from_contact_form_relay",
    head(
        "Shop Forms <no-reply@forms.example>",
        "Contact: broken zip",
        "RELAY1@forms.example",
        "Reply-To: Real Customer <real.customer@example.com>\r\n",
    )
    + plain("The zip on my bag broke."),
    sender="real.customer@example.com",
    subject="Contact: broken zip",
    text="The zip on my bag broke.",
)
case(
    "signature_dash_dash",
    head("Anna <anna@example.com>", "Question about size", "SIG1@example.com")
    + plain("Is size M in stock?\n\n-- \nAnna Nowak\nHead of Purchasing\n+48 600 000 000\n"),
    sender="anna@example.com",
    subject="Question about size",
    text="Is size M in stock?",
    not_text=["Head of Purchasing"],
)
case(
    "trailing_gt_quote_no_attribution",
    head("Ed <ed@example.com>", "Re: stock", "GT1@example.com")
    + plain("OK, I will wait.\n\n> We expect stock next week.\n> Regards\n"),
    sender="ed@example.com",
    subject="Re: stock",
    text="OK, I will wait.",
    not_text=["We expect stock"],
)
case(
    "all_quoted_keeps_everything",
    head("Quiet <quiet@example.com>", "Re: hello", "ALLQ1@example.com") + plain("> You wrote this to us.\n"),
    sender="quiet@example.com",
    subject="Re: hello",
    text="You wrote this to us.",
)

# ---- Malformed --------------------------------------------------------------------------------------------
case(
    "multipart_missing_boundary",
    head("Nob <nob@example.com>", "No boundary", "NOB1@example.com")
    + "Content-Type: multipart/mixed\r\n\r\nThis body has no boundary at all.\r\n",
    sender="nob@example.com",
    subject="No boundary",
    text="This body has no boundary at all.",
)
case(
    "missing_message_id",
    "From: Old Client <old@example.com>\r\nTo: support@shop.example\r\nSubject: No id\r\n"
    + DATE
    + "\r\nMy client sets no Message-ID.\r\n",
    sender="old@example.com",
    subject="No id",
    text="My client sets no Message-ID.",
)
case(
    "malformed_from_missing_bracket",
    "From: Broken Name <broken@example.com\r\nTo: support@shop.example\r\nSubject: Bracket\r\nMessage-ID: <BR1@example.com>\r\n"
    + DATE
    + "\r\nMy From header is broken.\r\n",
    sender="broken@example.com",
    subject="Bracket",
    text="My From header is broken.",
)
case(
    "malformed_no_sender",
    "To: support@shop.example\r\nSubject: Who sent this\r\nMessage-ID: <NOSENDER1@example.com>\r\n"
    + DATE
    + "\r\nNobody signed this.\r\n",
    sender="",
    subject="Who sent this",
    text="Nobody signed this.",
    outcome="quarantine",
)
case(
    "malformed_garbage",
    b"\x00\x01\x02 this is not mail \xff\xfe\r\n",
    sender="",
    subject="",
    text="",
    outcome="quarantine",
)

# ---- Automatic mail: RFC 3834, vendors, lists ---------------------------------------------------------
for name, extra, subject in [
    ("auto_reply_rfc3834", "Auto-Submitted: auto-replied\r\n", "Automatic reply: Kettle"),
    ("auto_generated_notification", "Auto-Submitted: auto-generated\r\n", "Your ticket in our system"),
    ("out_of_office_x_autoreply", "X-Autoreply: yes\r\n", "Out of office"),
    ("x_autorespond", "X-Autorespond: Out of office\r\n", "Away until Monday"),
    ("precedence_bulk", "Precedence: bulk\r\n", "Newsletter December"),
    ("precedence_junk", "Precedence: junk\r\n", "You have won"),
    (
        "mailing_list_list_id",
        "List-Id: <deals.lists.example.com>\r\nList-Unsubscribe: <mailto:leave@lists.example.com>\r\n",
        "[deals] Weekly deals",
    ),
    (
        "exchange_auto_reply",
        "X-Auto-Response-Suppress: All\r\nX-MS-Exchange-Inbox-Rules-Loop: away@corp.example\r\nAuto-Submitted: auto-replied\r\n",
        "Automatische Antwort: Kettle",
    ),
]:
    case(
        name,
        head("Robot <away@corp.example>", subject, f"{name}@corp.example", extra)
        + plain("I am away from the office until Monday."),
        sender="away@corp.example",
        subject=subject,
        text="I am away from the office",
        automatic=True,
    )

# ---- Bounces ---------------------------------------------------------------------------------------------------
case(
    "dsn_postfix_rfc822_headers",
    head(
        "Mail Delivery System <MAILER-DAEMON@mx.shop.example>",
        "Undelivered Mail Returned to Sender",
        "DSN1@mx.shop.example",
        "Auto-Submitted: auto-replied\r\n",
        to="support@shop.example",
    )
    + 'Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n'
    + "--r\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n"
    + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.shop.example\r\n\r\n"
    + "Final-Recipient: rfc822; gone@mail.example\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
    + "--r\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: support@shop.example\r\nMessage-ID: <hd42.abc@shop.example>\r\nSubject: [HD-000042] Thanks\r\n--r--\r\n",
    sender="MAILER-DAEMON@mx.shop.example",
    subject="Undelivered Mail Returned to Sender",
    text="could not be delivered",
    automatic=True,
    bounce=True,
    outcome="bounce",
)
case(
    "dsn_exchange_message_rfc822",
    head(
        "Microsoft Outlook <postmaster@corp.example>",
        "Undeliverable: Thanks",
        "DSN2@corp.example",
        to="support@shop.example",
    )
    + 'Content-Type: multipart/report; report-type=delivery-status; boundary="r"\r\n\r\n'
    + "--r\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDelivery has failed to these recipients or groups.\r\n"
    + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns;corp.example\r\n\r\nFinal-Recipient: rfc822;left@corp.example\r\n"
    + "Action: failed\r\nStatus: 5.2.1\r\n"
    + "--r\r\nContent-Type: message/rfc822\r\n\r\nFrom: support@shop.example\r\nMessage-ID: <hd43.def@shop.example>\r\nSubject: Thanks\r\n\r\nBody\r\n--r--\r\n",
    sender="postmaster@corp.example",
    subject="Undeliverable: Thanks",
    text="Delivery has failed",
    automatic=True,
    bounce=True,
    attachments=["Thanks.eml"],
    outcome="bounce",
)
case(
    "bounce_plain_mailer_daemon",
    head("MAILER-DAEMON@old.example", "failure notice", "DSN3@old.example", to="support@shop.example")
    + plain(
        "Hi. This is the qmail-send program at old.example.\nI'm afraid I wasn't able to deliver your message.\n\n--- Below this line is a copy of the message.\n\nMessage-ID: <hd44.ghi@shop.example>\n"
    ),
    sender="MAILER-DAEMON@old.example",
    subject="failure notice",
    text="qmail-send",
    automatic=True,
    bounce=True,
    outcome="bounce",
)


if __name__ == "__main__":
    (HERE / "expected.json").write_text(json.dumps(CASES, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(CASES)} messages written to {HERE}")
