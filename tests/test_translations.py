"""The Polish, Ukrainian and Lithuanian catalogues: complete, true to the code, and what customers really see.

The .po files are read with a small parser of our own (polib is not a dependency);
the pages and the acknowledgement go through Django's real translation machinery.
"""

from __future__ import annotations

import gettext
import html
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

import wagtail_helpdesk
from tests.conftest import need_service
from wagtail_helpdesk.models import ContactFormPage, Ticket
from wagtail_helpdesk.services import intake
from wagtail_helpdesk.testing.factories import QueueFactory, inbound_message
from wagtail_helpdesk.testing.pages import default_site_root

PACKAGE_DIR = Path(wagtail_helpdesk.__file__).resolve().parent
LANGUAGES = ["pl", "uk", "lt"]

#: What a customer reads, per language: a few labels of the contact form, the
#: landing page, an error and the acknowledgement mail.
SEEN = {
    "pl": {
        "form": ["Imię i nazwisko", "Adres e-mail", "W czym możemy pomóc?", "Załączniki", "Wyślij"],
        "expired": "Formularz wygasł. Prosimy wysłać go ponownie.",
        "landing": ["Dziękujemy", "Numer Twojego zgłoszenia:"],
        "subject": "Otrzymaliśmy Twoją wiadomość: Zamówienie nie dotarło",
        "body": ["Dzień dobry, Anna Nowak,", "Dziękujemy za kontakt.", "Ta wiadomość została wysłana automatycznie."],
    },
    "uk": {
        "form": ["Ваше ім'я", "Адреса електронної пошти", "Чим ми можемо допомогти?", "Вкладення", "Надіслати"],
        "expired": "Термін дії форми минув. Будь ласка, надішліть її ще раз.",
        "landing": ["Дякуємо", "Номер вашого звернення:"],
        "subject": "Ми отримали ваше повідомлення: Замовлення не надійшло",
        "body": ["Добрий день, Анна Коваленко!", "Дякуємо, що звернулися до нас.", "надіслано автоматично"],
    },
    "lt": {
        "form": ["Jūsų vardas", "El. pašto adresas", "Kuo galime padėti?", "Priedai", "Siųsti"],
        "expired": "Formos galiojimas baigėsi. Prašome pateikti ją dar kartą.",
        "landing": ["Dėkojame", "Jūsų užklausos numeris:"],
        "subject": "Gavome jūsų žinutę: Užsakymas neatkeliavo",
        "body": ["Sveiki, Ona Petraitienė,", "Dėkojame, kad susisiekėte su mumis.", "išsiųstas automatiškai"],
    },
}
CUSTOMERS = {
    "pl": ("Anna Nowak", "Zamówienie nie dotarło"),
    "uk": ("Анна Коваленко", "Замовлення не надійшло"),
    "lt": ("Ona Petraitienė", "Užsakymas neatkeliavo"),
}


@pytest.fixture(autouse=True)
def _restore_language():
    """LocaleMiddleware leaves the requested language active in the thread; later tests must not inherit it."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


# --- a small .po reader -------------------------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.msgctxt, self.msgid, self.msgid_plural)


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+"(.*)"$')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def read_po(path: Path) -> list[Entry]:
    """Every live entry of a .po file, the header (msgid "") first; obsolete ``#~`` entries are left out."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal current, target
        if current is not None and (current.msgid or current.msgstr):
            entries.append(current)
        current, target = None, None

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            finish()
            continue
        if line.startswith("#"):
            if current is not None and current.msgstr:
                finish()
            current = current or Entry()
            if line.startswith("#,"):
                current.flags += [flag.strip() for flag in line[2:].split(",")]
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, value = match.group(1), match.group(2), _unescape(match.group(3))
            if keyword in ("msgctxt", "msgid") and current is not None and (current.msgstr or current.msgid):
                finish()
            current = current or Entry()
            if keyword == "msgstr":
                target = ("msgstr", int(index or 0))
                current.msgstr[target[1]] = value
            else:
                target = (keyword, 0)
                setattr(current, keyword, value)
        elif line.startswith('"') and current is not None and target is not None:
            value = _unescape(line[1:-1])
            if target[0] == "msgstr":
                current.msgstr[target[1]] += value
            else:
                setattr(current, target[0], getattr(current, target[0]) + value)
    finish()
    return entries


def catalogue(language: str, root: Path = PACKAGE_DIR) -> list[Entry]:
    return read_po(root / "locale" / language / "LC_MESSAGES" / "django.po")


def messages(language: str) -> list[Entry]:
    return [entry for entry in catalogue(language) if entry.msgid]


def header(language: str) -> dict[str, str]:
    first = catalogue(language)[0]
    assert first.msgid == "", "the header comes first"
    return dict(re.findall(r"^([^:\n]+): (.*)$", first.msgstr[0], re.M))


#: ``%(name)s``, ``%s``, ``%(limit)d``, ``%(status)r``, ``{{ ticket.reference }}`` and HTML tags must survive.
_PLACEHOLDER = re.compile(
    r"%\([^)]+\)[#0 +-]*\d*(?:\.\d+)?[a-zA-Z]|%[#0 +-]*\d*(?:\.\d+)?[sdifr]|\{\{[^}]*\}\}|<[^>]+>"
)


def placeholders(text: str) -> Counter:
    return Counter(_PLACEHOLDER.findall(text.replace("%%", "")))


# --- the catalogues themselves ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    entries = messages(language)
    assert len(entries) > 200
    untranslated = [entry.msgid for entry in entries if not all(entry.msgstr.values())]
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_give_every_form_the_language_has(language):
    nplurals = int(re.search(r"nplurals=(\d+)", header(language)["Plural-Forms"]).group(1))
    for entry in messages(language):
        expected = list(range(nplurals)) if entry.msgid_plural is not None else [0]
        assert sorted(entry.msgstr) == expected, entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_and_markup_in_translations_match_the_original(language):
    for entry in messages(language):
        # Every plural form carries the number: in uk and lt the "singular" form also serves 21, 31...
        wanted = placeholders(entry.msgid_plural if entry.msgid_plural is not None else entry.msgid)
        for text in entry.msgstr.values():
            assert placeholders(text) == wanted, f"{entry.msgid!r} -> {text!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_names_the_language_and_uses_djangos_plural_rule(language):
    ours = header(language)
    djangos = read_po(Path(django.__file__).parent / "conf" / "locale" / language / "LC_MESSAGES" / "django.po")[0]
    django_header = dict(re.findall(r"^([^:\n]+): (.*)$", djangos.msgstr[0], re.M))
    assert ours["Language"] == language
    assert ours["Content-Type"] == "text/plain; charset=UTF-8"
    # The same rule as Django's and Wagtail's catalogues, so all of them count alike.
    assert ours["Plural-Forms"] == django_header["Plural-Forms"]
    assert "fuzzy" not in catalogue(language)[0].flags


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    """A .po edited without ``compilemessages`` would ship old text: the .mo must say the same."""
    mo = PACKAGE_DIR / "locale" / language / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in messages(language):
        if entry.msgid_plural is not None:
            continue
        if entry.msgctxt is not None:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr[0]
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr[0], entry.msgid


def test_catalogues_hold_exactly_the_strings_marked_in_the_package(tmp_path, monkeypatch):
    """``makemessages`` over a copy of the package finds no string the catalogues lack, and they keep no stale one."""
    if not shutil.which("xgettext") or not shutil.which("msgmerge"):
        need_service("GNU gettext", "xgettext/msgmerge are needed to extract the package's strings")
    copy = tmp_path / "wagtail_helpdesk"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("locale", "__pycache__", "*.pyc"))
    (copy / "locale").mkdir()
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["pl"], verbosity=0)
    in_code = {entry.key for entry in catalogue("pl", root=copy) if entry.msgid}
    for language in LANGUAGES:
        shipped = {entry.key for entry in messages(language)}
        assert sorted(in_code - shipped, key=str) == [], f"not in the {language} catalogue: run makemessages"
        assert sorted(shipped - in_code, key=str) == [], f"stale in the {language} catalogue: run makemessages"


# --- what customers see -----------------------------------------------------------------------------------------------


@pytest.fixture
def contact_page(db):
    home = default_site_root()
    contact = ContactFormPage(title="Contact", slug="contact", queue=QueueFactory(slug="support", name="Support"))
    home.add_child(instance=contact)
    return contact


def _text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_form_speaks_the_language_the_browser_asks_for(client, contact_page, language):
    text = _text(client.get(contact_page.url, HTTP_ACCEPT_LANGUAGE=language))
    for label in SEEN[language]["form"]:
        assert label in text
    assert "How can we help?" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_expired_form_error_is_in_the_customers_language(client, contact_page, language):
    data = {"name": "A", "email": "a@mail.example", "subject": "S", "message": "M", "token": "stale", "website": ""}
    text = _text(client.post(contact_page.url, data, HTTP_ACCEPT_LANGUAGE=language))
    assert SEEN[language]["expired"] in text
    assert not Ticket.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_landing_page_and_ticket_keep_the_customers_language(client, contact_page, language):
    form = _text(client.get(contact_page.url, HTTP_ACCEPT_LANGUAGE=language))
    token = re.search(r'name="token" value="([0-9a-f]{32})"', form).group(1)
    data = {"name": "A B", "email": "ab@mail.example", "subject": "S", "message": "M", "token": token, "website": ""}
    text = _text(client.post(contact_page.url, data, HTTP_ACCEPT_LANGUAGE=language))
    ticket = Ticket.objects.get()
    for phrase in SEEN[language]["landing"]:
        assert phrase in text
    assert ticket.reference in text
    assert ticket.language == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_acknowledgement_mail_is_written_in_the_tickets_language(
    db, language, mailoutbox, django_capture_on_commit_callbacks
):
    name, subject = CUSTOMERS[language]
    with django_capture_on_commit_callbacks(execute=True):
        ticket = intake.receive(inbound_message(language=language, sender_name=name, subject=subject)).ticket
    mail = mailoutbox[-1]
    assert mail.subject == f"[{ticket.reference}] {SEEN[language]['subject']}"
    for phrase in SEEN[language]["body"]:
        assert phrase in mail.body
    assert ticket.reference in mail.body
    assert "Thank you for contacting us" not in mail.body
