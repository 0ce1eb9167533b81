"""Example wagtail-helpdesk channel; the adapter is in :mod:`helpdesk_sms.plugin`."""
