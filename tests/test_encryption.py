"""Mailbox passwords are encrypted at rest, readable across a SECRET_KEY rotation, and a lost key is reported.

None of these needs a mail server: the poller gives up before connecting when
it cannot decrypt the password.
"""

from __future__ import annotations

import importlib

import pytest
from django.core.checks import run_checks
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from wagtail_helpdesk import encryption, tasks
from wagtail_helpdesk.exceptions import UndecryptableSecret
from wagtail_helpdesk.models import Mailbox
from wagtail_helpdesk.services import mailboxes
from wagtail_helpdesk.testing.factories import QueueFactory

PASSWORD = "s3cret-Zażółć"
APP = "wagtail_helpdesk"
BEFORE = (APP, "0002_postgresql_indexes")
MIGRATION = importlib.import_module("wagtail_helpdesk.migrations.0003_mailbox_password_encrypted")


def stored_column(mailbox: Mailbox) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT password_encrypted FROM wagtail_helpdesk_mailbox WHERE id = %s", [mailbox.pk])
        return cursor.fetchone()[0]


def make_mailbox(**kwargs) -> Mailbox:
    kwargs.setdefault("password", PASSWORD)
    return Mailbox.objects.create(
        name="Support", queue=QueueFactory(), host="127.0.0.1", port=1, username="support", **kwargs
    )


@pytest.mark.django_db
def test_the_database_column_holds_a_token_not_the_password():
    mailbox = make_mailbox()

    column = stored_column(mailbox)

    assert column and PASSWORD not in column and "s3cret" not in column
    assert Mailbox.objects.get(pk=mailbox.pk).password == PASSWORD


@pytest.mark.django_db
def test_the_longest_password_the_form_takes_fits_the_column():
    mailbox = make_mailbox(password="ż" * 255)

    assert len(stored_column(mailbox)) <= Mailbox._meta.get_field("password_encrypted").max_length
    assert Mailbox.objects.get(pk=mailbox.pk).password == "ż" * 255


@pytest.mark.django_db
def test_an_empty_password_stays_empty():
    mailbox = make_mailbox(password="")

    assert stored_column(mailbox) == ""
    assert Mailbox.objects.get(pk=mailbox.pk).password == ""


@pytest.mark.django_db
def test_after_rotating_secret_key_with_a_fallback_the_password_is_still_read_and_saving_reencrypts_it():
    with override_settings(SECRET_KEY="the-old-secret-key"):
        mailbox = make_mailbox()
    old_token = stored_column(mailbox)

    with override_settings(SECRET_KEY="the-new-secret-key", SECRET_KEY_FALLBACKS=["the-old-secret-key"]):
        mailbox = Mailbox.objects.get(pk=mailbox.pk)
        assert mailbox.password == PASSWORD
        mailbox.host = "imap.shop.example"
        mailbox.save()

    assert stored_column(mailbox) != old_token
    with override_settings(SECRET_KEY="the-new-secret-key", SECRET_KEY_FALLBACKS=[]):
        assert Mailbox.objects.get(pk=mailbox.pk).password == PASSWORD


@pytest.mark.django_db
def test_without_the_key_it_was_encrypted_with_the_password_cannot_be_read():
    with override_settings(SECRET_KEY="the-old-secret-key"):
        mailbox = make_mailbox()

    with override_settings(SECRET_KEY="the-new-secret-key", SECRET_KEY_FALLBACKS=[]):
        with pytest.raises(UndecryptableSecret):
            Mailbox.objects.get(pk=mailbox.pk).password  # noqa: B018
        Mailbox.objects.get(pk=mailbox.pk).save()  # saving other fields keeps the token for a later fix

    with override_settings(SECRET_KEY="the-old-secret-key"):
        assert Mailbox.objects.get(pk=mailbox.pk).password == PASSWORD


@pytest.mark.django_db
def test_dedicated_helpdesk_secret_keys_replace_secret_key_and_rotate_the_same_way():
    with override_settings(WAGTAIL_HELPDESK_SECRET_KEYS=["helpdesk-key-1"]):
        mailbox = make_mailbox()

    with override_settings(WAGTAIL_HELPDESK_SECRET_KEYS=["helpdesk-key-2", "helpdesk-key-1"], SECRET_KEY="other"):
        assert Mailbox.objects.get(pk=mailbox.pk).password == PASSWORD
    with override_settings(WAGTAIL_HELPDESK_SECRET_KEYS=["helpdesk-key-2"]), pytest.raises(UndecryptableSecret):
        encryption.decrypt(stored_column(mailbox))
    with pytest.raises(UndecryptableSecret):  # SECRET_KEY alone never opened it
        encryption.decrypt(stored_column(mailbox))


@pytest.mark.parametrize("keys", ["one-key-as-a-string", [], ["ok", ""]])
def test_badly_shaped_helpdesk_secret_keys_fail_the_system_check(keys):
    with override_settings(WAGTAIL_HELPDESK_SECRET_KEYS=keys):
        assert "wagtail_helpdesk.E006" in {message.id for message in run_checks()}


def test_well_shaped_helpdesk_secret_keys_pass_the_system_check():
    with override_settings(WAGTAIL_HELPDESK_SECRET_KEYS=["new", "old"]):
        assert "wagtail_helpdesk.E006" not in {message.id for message in run_checks()}


@pytest.mark.django_db(transaction=True)
def test_a_poll_that_cannot_decrypt_the_password_records_why_and_the_task_goes_on():
    with override_settings(SECRET_KEY="the-old-secret-key"):
        mailbox = make_mailbox()

    with override_settings(SECRET_KEY="the-new-secret-key", SECRET_KEY_FALLBACKS=[]):
        with pytest.raises(mailboxes.MailboxError, match="Enter the mailbox password again"):
            mailboxes.poll(Mailbox.objects.get(pk=mailbox.pk))
        assert tasks.poll_mailbox(mailbox.pk) == 0  # the scheduled task does not crash

    mailbox.refresh_from_db()
    assert mailbox.last_polled_at is not None
    assert mailbox.last_error == str(mailboxes.UNREADABLE_PASSWORD)
    assert "SECRET_KEY_FALLBACKS" in mailbox.last_error


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_an_existing_clear_text_password():
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    try:
        state = executor.loader.project_state(BEFORE)
        OldMailbox = state.apps.get_model(APP, "Mailbox")
        Queue = state.apps.get_model(APP, "Queue")
        queue = Queue.objects.create(name="Support", slug="support")
        old = OldMailbox.objects.create(name="Old", queue=queue, host="h", username="u", password=PASSWORD)
        OldMailbox.objects.create(name="None", queue=queue, host="h", username="u", password="")

        add_column = MIGRATION.Migration.operations[0]
        with_both = state.clone()
        add_column.state_forwards(APP, with_both)
        with connection.schema_editor() as editor:
            add_column.database_forwards(APP, editor, state, with_both)
            MIGRATION.encrypt_passwords(with_both.apps, editor)
        rows = dict(with_both.apps.get_model(APP, "Mailbox").objects.values_list("name", "password_encrypted"))

        assert rows["None"] == ""
        assert PASSWORD not in rows["Old"]
        assert encryption.decrypt(rows["Old"]) == PASSWORD

        with connection.schema_editor() as editor:
            add_column.database_backwards(APP, editor, with_both, state)
        executor = MigrationExecutor(connection)
        executor.migrate([(APP, "0003_mailbox_password_encrypted")])
        assert Mailbox.objects.get(pk=old.pk).password == PASSWORD  # the whole migration does the same

        executor = MigrationExecutor(connection)
        executor.migrate([BEFORE])  # and back: the clear text returns to the old column
        state = executor.loader.project_state(BEFORE)
        assert state.apps.get_model(APP, "Mailbox").objects.get(pk=old.pk).password == PASSWORD
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
