"""Mailbox passwords are encrypted at rest: ``password`` (clear text) becomes ``password_encrypted``.

Existing passwords are encrypted with the key configured when the migration
runs (see ``wagtail_helpdesk.encryption``); going back decrypts them into the
clear-text column again, or leaves a password empty when no configured key
opens it.
"""

from django.db import migrations, models

from wagtail_helpdesk import encryption
from wagtail_helpdesk.exceptions import UndecryptableSecret


def encrypt_passwords(apps, schema_editor):
    Mailbox = apps.get_model("wagtail_helpdesk", "Mailbox")
    manager = Mailbox.objects.using(schema_editor.connection.alias)
    for pk, password in manager.exclude(password="").values_list("pk", "password"):
        # update(), not save(): touches only the new column
        manager.filter(pk=pk).update(password_encrypted=encryption.encrypt(password))


def decrypt_passwords(apps, schema_editor):
    Mailbox = apps.get_model("wagtail_helpdesk", "Mailbox")
    manager = Mailbox.objects.using(schema_editor.connection.alias)
    for pk, token in manager.exclude(password_encrypted="").values_list("pk", "password_encrypted"):
        try:
            password = encryption.decrypt(token)
        except UndecryptableSecret:
            password = ""
        manager.filter(pk=pk).update(password=password[:255])


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_helpdesk", "0002_postgresql_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="mailbox",
            name="password_encrypted",
            field=models.CharField(
                blank=True, default="", editable=False, max_length=2000, verbose_name="password (encrypted)"
            ),
        ),
        migrations.RunPython(encrypt_passwords, decrypt_passwords, elidable=False),
        migrations.RemoveField(
            model_name="mailbox",
            name="password",
        ),
    ]
