"""A fixed corpus of short e-shop help articles and the queries customers type.

Relevance tests assert that the expected article is in the top three for
every query, on SQLite and on PostgreSQL.
"""

CATEGORIES = [
    {"key": "shipping", "title": "Shipping and delivery", "intro": "Delivery times, costs and carriers."},
    {"key": "returns", "title": "Returns and refunds", "intro": "Sending things back and getting your money."},
    {"key": "warranty", "title": "Warranty and complaints", "intro": "Faulty products and repairs."},
    {"key": "payments", "title": "Payments", "intro": "Ways to pay, invoices and payment problems."},
    {"key": "account", "title": "Your account", "intro": "Signing in, passwords and personal data."},
    {"key": "orders", "title": "Orders and tracking", "intro": "Following and changing an order."},
]


def _a(key, category, title, summary, tags, text, applies_to=(), related=()):
    return {
        "key": key,
        "category": category,
        "title": title,
        "summary": summary,
        "tags": list(tags),
        "applies_to": list(applies_to),
        "related": list(related),
        "body": [("paragraph", text)],
    }


ARTICLES = [
    _a(
        "delivery-times",
        "shipping",
        "Delivery times",
        "How long delivery takes to each country.",
        ["delivery", "shipping"],
        "Orders placed before 2 pm leave our warehouse the same working day. "
        "Courier delivery within the country takes one to two working days, abroad three to seven.",
    ),
    _a(
        "shipping-costs",
        "shipping",
        "Shipping costs",
        "What delivery costs and when it is free.",
        ["shipping", "price"],
        "Standard shipping costs 4.99. Orders over 50 ship free of charge. Express courier costs 9.99.",
    ),
    _a(
        "parcel-lockers",
        "shipping",
        "Delivery to a parcel locker",
        "Choosing a parcel locker at checkout.",
        ["locker", "pickup"],
        "Pick a parcel locker near you at checkout. You get a pickup code by text message "
        "and have 48 hours to collect the parcel.",
    ),
    _a(
        "international-shipping",
        "shipping",
        "Shipping abroad",
        "Countries we ship to and customs duties.",
        ["international", "customs"],
        "We ship to all EU countries, the UK, Norway and Switzerland. "
        "Outside the EU the recipient may pay customs duty and import VAT.",
    ),
    _a(
        "damaged-parcel",
        "shipping",
        "My parcel arrived damaged",
        "What to do when the box or goods are damaged.",
        ["damage", "courier"],
        "Write a damage report with the courier when the box is crushed or torn. "
        "Take photos of the packaging and the goods and send them to us.",
    ),
    _a(
        "return-policy",
        "returns",
        "How to return an item",
        "Returning a product within 30 days.",
        ["return", "policy"],
        "You can return any item within 30 days of delivery without giving a reason. "
        "Print the return label from your account and drop the package at a post office.",
    ),
    _a(
        "refund-time",
        "returns",
        "When will I get my refund?",
        "How long a refund takes after we receive a return.",
        ["refund", "money"],
        "We refund the money within 14 days of receiving the returned item, to the same card or account you paid with.",
    ),
    _a(
        "exchange-size",
        "returns",
        "Exchanging for another size",
        "Swapping clothes or shoes for a different size.",
        ["exchange", "size"],
        "Choose exchange instead of refund in the return form and pick the new size. "
        "We send the replacement as soon as the return is scanned.",
    ),
    _a(
        "return-costs",
        "returns",
        "Who pays for return shipping?",
        "Return postage costs and free returns.",
        ["return", "postage"],
        "Returns within the country are free with our prepaid label. From abroad you pay the postage yourself.",
    ),
    _a(
        "warranty-claim",
        "warranty",
        "Making a warranty claim",
        "Reporting a faulty product under warranty.",
        ["warranty", "faulty"],
        "All products have a two-year warranty. Describe the fault and attach the receipt; "
        "we arrange pickup for repair or replacement.",
    ),
    _a(
        "repair-status",
        "warranty",
        "Checking a repair",
        "Following a product sent for repair.",
        ["repair", "service"],
        "Repairs take up to 21 days. You get an email when the service centre "
        "receives the device and when it is sent back.",
    ),
    _a(
        "complaint-rejected",
        "warranty",
        "My complaint was rejected",
        "What you can do when a complaint is refused.",
        ["complaint", "appeal"],
        "If you disagree with the decision you can appeal within 14 days or ask for an independent expert opinion.",
    ),
    _a(
        "payment-methods",
        "payments",
        "Payment methods",
        "Cards, bank transfer, BLIK and PayPal.",
        ["payment", "card", "blik"],
        "We accept Visa and Mastercard, PayPal, BLIK and bank transfer. "
        "Cash on delivery is available for domestic orders.",
    ),
    _a(
        "payment-failed",
        "payments",
        "My payment failed",
        "What to do when a card payment is declined.",
        ["payment", "declined"],
        "If the bank declined your card, check the limit and 3-D Secure confirmation, "
        "then retry the payment from the order page. The order waits for 48 hours.",
    ),
    _a(
        "invoice",
        "payments",
        "Getting a VAT invoice",
        "Requesting an invoice for a company purchase.",
        ["invoice", "vat", "company"],
        "Tick 'I need an invoice' at checkout and enter your company tax number. "
        "The invoice is emailed when the order ships.",
    ),
    _a(
        "instalments",
        "payments",
        "Paying in instalments",
        "Spreading the cost over monthly payments.",
        ["instalments", "credit"],
        "Orders over 300 can be paid in 3 to 24 monthly instalments through our "
        "finance partner. The decision takes a few minutes.",
    ),
    _a(
        "reset-password",
        "account",
        "Resetting your password",
        "What to do if you forgot your password.",
        ["password", "login"],
        "Click 'Forgot password' on the sign-in page and enter your email address. "
        "The reset link is valid for one hour.",
    ),
    _a(
        "delete-account",
        "account",
        "Deleting your account",
        "Closing your account and erasing personal data.",
        ["gdpr", "privacy", "account"],
        "You can delete your account in the privacy settings. "
        "We erase your personal data within 30 days, keeping invoices as the law requires.",
    ),
    _a(
        "change-email",
        "account",
        "Changing your email address",
        "Updating the address we write to.",
        ["email", "profile"],
        "Open your profile, enter the new email address and confirm it from the message we send there.",
    ),
    _a(
        "newsletter",
        "account",
        "Unsubscribing from the newsletter",
        "Stopping marketing emails.",
        ["newsletter", "unsubscribe"],
        "Use the unsubscribe link at the bottom of any newsletter, or untick marketing consent in your profile.",
    ),
    _a(
        "track-order",
        "orders",
        "Tracking your order",
        "Where to find the tracking number of a parcel.",
        ["tracking", "order"],
        "When your order ships we email the tracking number and a link to the carrier's "
        "tracking page. You also find it under My orders.",
    ),
    _a(
        "cancel-order",
        "orders",
        "Cancelling an order",
        "Cancelling before the order ships.",
        ["cancel", "order"],
        "You can cancel an order in My orders until it is packed. After shipping, return it instead.",
    ),
    _a(
        "change-address",
        "orders",
        "Changing the delivery address",
        "Correcting the address of a placed order.",
        ["address", "order"],
        "Contact us quickly: we can change the delivery address until the parcel is handed to the courier.",
    ),
    _a(
        "missing-item",
        "orders",
        "An item is missing from my order",
        "When the parcel is incomplete.",
        ["missing", "incomplete"],
        "Large orders sometimes ship in several parcels; check the shipping email. "
        "If an item is really missing, tell us within 7 days.",
    ),
    _a(
        "gift-cards",
        "payments",
        "Gift cards and vouchers",
        "Redeeming a gift card or discount code.",
        ["gift", "voucher", "discount"],
        "Enter the gift card or voucher code in the basket. "
        "Gift cards are valid for 12 months and can be used for several orders.",
    ),
]

#: (what a customer types, the article that answers it)
SEARCH_CASES = [
    ("how long does delivery take", "delivery-times"),
    ("free shipping", "shipping-costs"),
    ("parcel locker pickup code", "parcel-lockers"),
    ("do you ship to norway", "international-shipping"),
    ("box arrived crushed", "damaged-parcel"),
    ("return an item", "return-policy"),
    ("when do I get my money back", "refund-time"),
    ("exchange shoes for another size", "exchange-size"),
    ("return postage", "return-costs"),
    ("faulty product warranty", "warranty-claim"),
    ("repair status", "repair-status"),
    ("complaint rejected", "complaint-rejected"),
    ("pay with blik", "payment-methods"),
    ("card declined", "payment-failed"),
    ("vat invoice for my company", "invoice"),
    ("monthly instalments", "instalments"),
    ("forgot password", "reset-password"),
    ("delete my account", "delete-account"),
    ("where is my tracking number", "track-order"),
    ("cancel my order", "cancel-order"),
    ("redeem voucher code", "gift-cards"),
    ("unsubscribe newsletter", "newsletter"),
]
