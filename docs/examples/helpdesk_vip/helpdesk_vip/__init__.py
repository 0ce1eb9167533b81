"""Example wagtail-helpdesk plugin; the hook implementations are in :mod:`helpdesk_vip.plugin`."""
