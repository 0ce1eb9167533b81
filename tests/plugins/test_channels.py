"""The built-in channels pass the same contract suite a third-party channel runs."""

import uuid

import pytest

from wagtail_helpdesk.plugins.email import EmailChannel
from wagtail_helpdesk.plugins.webform import WebFormChannel
from wagtail_helpdesk.testing.contract import ChannelContract


@pytest.fixture
def sent(mailoutbox):
    return lambda: mailoutbox


class TestWebFormChannel(ChannelContract):
    @pytest.fixture
    def channel(self):
        return WebFormChannel()

    @pytest.fixture
    def make_payload(self):
        def make(external_id, sender):
            token = uuid.uuid5(uuid.NAMESPACE_URL, external_id).hex
            return {"token": token, "email": sender, "name": "Ann", "subject": "Hello", "message": "Where is it?"}

        return make

    @pytest.fixture
    def bad_payload(self):
        return {"email": "x@mail.example", "message": "no token"}


class TestEmailChannel(ChannelContract):
    @pytest.fixture
    def channel(self):
        return EmailChannel()

    @pytest.fixture
    def make_payload(self):
        def make(external_id, sender):
            return (
                f"From: Ann <{sender}>\r\nTo: support@shop.example\r\nSubject: Hello\r\n"
                f"Message-ID: <{external_id}@mail.example>\r\n\r\nWhere is my parcel?\r\n"
            ).encode()

        return make

    @pytest.fixture
    def bad_payload(self):
        return b"   "
