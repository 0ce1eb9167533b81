from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Customer(models.Model):
    """Somebody who contacts the helpdesk, with or without a site account.

    The email is stored lower-cased (``services.customers`` normalises it), so
    a plain unique index finds a returning customer.
    """

    # High-volume data, not content: keep it out of Wagtail's reference index,
    # which would otherwise add three queries to every save.
    wagtail_reference_index_ignore = True

    email = models.EmailField(_("email"), max_length=254, blank=True, db_index=True)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("site user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpdesk_customer",
    )
    #: The customer's identity in the shop: account, customer or contract number.
    shop_account = models.CharField(_("shop account"), max_length=100, blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        constraints = [
            models.UniqueConstraint(fields=["email"], condition=~Q(email=""), name="helpdesk_customer_unique_email")
        ]

    def __str__(self) -> str:
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or self.email or self.phone or f"#{self.pk}"


class CustomerIdentity(models.Model):
    """The customer's handle in one channel: a chat id, a phone number, a messenger user."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="identities")
    channel = models.CharField(_("channel"), max_length=32)
    handle = models.CharField(_("handle"), max_length=255)

    class Meta:
        verbose_name = _("customer identity")
        verbose_name_plural = _("customer identities")
        constraints = [models.UniqueConstraint(fields=["channel", "handle"], name="helpdesk_identity_unique")]

    def __str__(self) -> str:
        return f"{self.channel}:{self.handle}"
