"""Hearth & Kettle's knowledge base in English.

Plain data for the demo loader; see the package docstring for the shape.
The facts (prices, periods, addresses) must agree with ``pl.py``.
"""

from __future__ import annotations

CATEGORIES = [
    {
        "key": "shipping",
        "title": "Shipping & delivery",
        "intro": "Where we ship, what it costs, how long it takes, and what to do if a parcel arrives damaged.",
    },
    {
        "key": "orders",
        "title": "Orders & tracking",
        "intro": "Follow your parcel, change or cancel an order, and sort out anything missing from a delivery.",
    },
    {
        "key": "returns",
        "title": "Returns & refunds",
        "intro": "You have 14 days to change your mind. Here is how to send something back and when the money arrives.",
    },
    {
        "key": "warranty",
        "title": "Warranty & complaints",
        "intro": "Something broke or does not work as it should? How the statutory guarantee, our warranty and "
        "the repair desk help.",
    },
    {
        "key": "payments",
        "title": "Payments & invoices",
        "intro": "Ways to pay, what to do when a payment fails, VAT invoices, instalments and refunds to your card.",
    },
    {
        "key": "account",
        "title": "Your account",
        "intro": "Creating an account, signing in, your personal data and the newsletter.",
    },
    {
        "key": "care",
        "title": "Product care",
        "intro": "Look after your cookware, kettles and knives so they last for years.",
    },
]

ARTICLES: list[dict] = []
SEARCH_CASES: list[tuple[str, str]] = []

# --- Shipping & delivery ---------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "shipping-costs",
        "category": "shipping",
        "title": "Shipping costs and free delivery",
        "summary": "What delivery costs in each country and from which order value it is free.",
        "tags": ["shipping", "delivery", "cost", "free shipping", "price"],
        "applies_to": ["All orders"],
        "related": ["delivery-times", "countries-we-ship-to", "parcel-lockers"],
        "body": [
            (
                "paragraph",
                "<p>Shipping is calculated at checkout from your delivery address and the total value of the "
                "goods (after any discount code). The price you see in the basket is the price you pay: there "
                "are no handling or packaging fees on top.</p>",
            ),
            (
                "table",
                {
                    "header": ["Destination", "Courier (DPD)", "Parcel locker / pick-up point", "Free from"],
                    "rows": [
                        ["Poland", "€4.90", "€3.90 (InPost Paczkomat)", "€99"],
                        [
                            "Zone 1: Germany, Czechia, Slovakia, Austria, Lithuania, Latvia, Estonia",
                            "€7.90",
                            "€7.90 (DPD Pickup)",
                            "€149",
                        ],
                        ["Zone 2: all other EU countries", "€12.90", "€12.90 (DPD Pickup)", "€199"],
                        ["Norway, Switzerland, United Kingdom", "€19.90", "not available", "no free delivery"],
                    ],
                },
            ),
            ("heading", "Large and heavy items"),
            (
                "paragraph",
                "<p>The <b>Barista Pro espresso machine</b> and the <b>Stand mixer 5 l</b> are too big for "
                "parcel lockers and always travel by DPD courier. They cost the normal courier price; we do not "
                "charge a bulky-item surcharge.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>If your basket is just under the free-delivery threshold, a small item such as "
                    "the <b>Digital kitchen scale</b> (€24.90) often costs about the same as the shipping "
                    "itself.</p>",
                },
            ),
            ("heading", "Returns and shipping costs"),
            (
                "paragraph",
                "<p>If you withdraw from the whole order within 14 days, we also refund what you paid for "
                "standard delivery. A prepaid return label costs €4.90 and is deducted from the refund, unless "
                "the item is faulty, damaged or not what you ordered. The article <i>How to return an item</i> "
                "explains the steps.</p>",
            ),
        ],
    },
    {
        "key": "delivery-times",
        "category": "shipping",
        "title": "Delivery times: when will my order arrive?",
        "summary": "When we dispatch orders and how many working days the courier needs to each country.",
        "tags": ["delivery", "time", "dispatch", "how long", "when will it come"],
        "applies_to": ["All orders"],
        "related": ["shipping-costs", "track-order", "courier-delivery"],
        "body": [
            (
                "paragraph",
                "<p>Orders paid by <b>13:00 (Polish time) on a working day</b> leave our warehouse in Poznań "
                "the same day. Orders paid later, at the weekend or on a public holiday in Poland leave on the "
                "next working day. For bank transfers, the clock starts when the money reaches our account, "
                "which usually takes one working day.</p>",
            ),
            (
                "table",
                {
                    "header": ["Destination", "Time in transit after dispatch"],
                    "rows": [
                        ["Poland", "1–2 working days"],
                        ["Zone 1: Germany, Czechia, Slovakia, Austria, Lithuania, Latvia, Estonia", "2–4 working days"],
                        ["Zone 2: all other EU countries", "3–6 working days"],
                        ["Norway, Switzerland, United Kingdom", "4–8 working days, plus customs clearance"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>As soon as the parcel leaves us, you receive an email with the tracking number. DPD then "
                "sends you a message on the morning of delivery with a one-hour time window.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>In November and December, and after large promotions, couriers can need one or "
                    "two extra days. If you need something for a fixed date, order at least a week ahead.</p>",
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "My order is late. When should I contact you?",
                        "answer": "<p>If the parcel has not arrived two working days after the end of the time "
                        "in the table, or its tracking has not moved for three working days, write to us with "
                        "your order number (for example SO-10042). We ask the courier to trace it.</p>",
                    },
                    {
                        "question": "Do you offer express or weekend delivery?",
                        "answer": "<p>Not at the moment. Orders in Poland usually arrive the next working "
                        "day anyway.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "countries-we-ship-to",
        "category": "shipping",
        "title": "Which countries do you ship to?",
        "summary": "We deliver to every EU country, Norway, Switzerland and the United Kingdom. Customs rules "
        "apply outside the EU.",
        "tags": ["countries", "international", "customs", "eu", "abroad"],
        "applies_to": ["All orders"],
        "related": ["shipping-costs", "delivery-times"],
        "body": [
            (
                "paragraph",
                "<p>We ship from our warehouse in Poznań, Poland, to all <b>27 EU countries</b>, and to "
                "<b>Norway, Switzerland and the United Kingdom</b>. We cannot deliver outside Europe, to "
                "military or PO box addresses, or to the Canary Islands, Ceuta, Melilla, Åland and other EU "
                "territories outside the EU VAT area.</p>",
            ),
            ("heading", "Orders within the EU"),
            (
                "paragraph",
                "<p>Prices in the shop include VAT at the rate of the country you ship to, and there are no "
                "customs formalities. What you pay at checkout is the final price.</p>",
            ),
            ("heading", "Orders to Norway, Switzerland and the United Kingdom"),
            (
                "paragraph",
                "<p>Goods leave the EU, so we remove the EU VAT at checkout. Your country then charges its own "
                "import VAT and, for some goods, customs duty. The courier collects them before delivery, "
                "often with a small clearance fee. We cannot pay these charges for you.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>If you refuse a parcel because of import charges, it comes back to us and we "
                    "refund the price of the goods. The delivery cost (€19.90) is not refunded: it pays for the "
                    "transport back.</p>",
                },
            ),
            ("heading", "Ordering for someone in another country"),
            (
                "paragraph",
                "<p>You can pay from any country and enter a different delivery address, for example to send "
                "a kettle to family. Shipping is priced by the delivery address, and the invoice shows the "
                "VAT of the destination country.</p>",
            ),
        ],
    },
    {
        "key": "courier-delivery",
        "category": "shipping",
        "title": "Courier delivery with DPD: time windows, missed deliveries and redirecting",
        "summary": "How DPD announces your delivery, what happens if you are not at home, and how to change "
        "the day or place.",
        "tags": ["courier", "dpd", "missed delivery", "redirect", "predict"],
        "applies_to": ["Courier deliveries"],
        "related": ["parcel-lockers", "track-order", "change-delivery-address"],
        "body": [
            (
                "paragraph",
                "<p>Home deliveries go with <b>DPD</b>. On the morning of delivery DPD sends an email and a "
                "text message (DPD Predict) with a one-hour time window, so please give a mobile number at "
                "checkout. The link in that message lets you change the delivery before the driver sets "
                "off.</p>",
            ),
            ("heading", "What you can change in the DPD message"),
            (
                "paragraph",
                "<ul><li>move the delivery to another working day,</li><li>have the parcel left with a "
                "neighbour or in a safe place you describe,</li><li>send it to a DPD Pickup point near "
                "you.</li></ul>",
            ),
            ("heading", "If you miss the driver"),
            (
                "steps",
                [
                    "The driver leaves a card or sends a message, and tries again on the next working day.",
                    "After a second failed attempt, the parcel goes to the nearest DPD Pickup point and you "
                    "get the address by email and text message.",
                    "The parcel waits there for 7 days. Bring the collection code and an ID.",
                    "Parcels not collected in time come back to us and are treated as a return: we refund the "
                    "goods and the delivery cost, minus €4.90 for the transport back.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Delivering to your workplace? Add the company name and floor in the second "
                    "address line, and a phone number that someone answers during office hours.</p>",
                },
            ),
            (
                "paragraph",
                "<p>If the tracking says the parcel was delivered but you do not have it, check with "
                "neighbours and the safe place you chose, then write to us within 3 working days. We open an "
                "investigation with DPD, which usually takes 3 working days.</p>",
            ),
        ],
    },
    {
        "key": "parcel-lockers",
        "category": "shipping",
        "title": "Delivery to a parcel locker or pick-up point",
        "summary": "Choose an InPost Paczkomat in Poland or a DPD Pickup point elsewhere, and collect your parcel "
        "when it suits you.",
        "tags": ["parcel locker", "inpost", "paczkomat", "pickup point", "collect"],
        "applies_to": ["All orders except Barista Pro espresso machine and Stand mixer 5 l"],
        "related": ["shipping-costs", "courier-delivery"],
        "body": [
            (
                "paragraph",
                "<p>At checkout, choose <b>Parcel locker / pick-up point</b> and pick a location on the map. In "
                "Poland we deliver to <b>InPost Paczkomat</b> lockers for €3.90; in the other EU countries to "
                "<b>DPD Pickup</b> points and lockers at the normal courier price. Free-delivery thresholds "
                "apply in the same way as for the courier.</p>",
            ),
            ("heading", "How collection works"),
            (
                "steps",
                [
                    "When the parcel is in the locker, you receive a text message and an email with a "
                    "collection code (InPost: also in the InPost app).",
                    "Go to the locker within 48 hours (DPD Pickup points: within 7 days).",
                    "Enter your phone number and the code, or scan the QR code, and the compartment opens.",
                    "Check the box before you leave. If it is damaged, take a photo at the locker.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>The <b>Barista Pro espresso machine</b> and the <b>Stand mixer 5 l</b> do not "
                    "fit in lockers, so orders containing them always go by courier.</p>",
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "I will not make it within 48 hours. What now?",
                        "answer": "<p>In the InPost app you can extend the collection time once. Otherwise the "
                        "parcel is moved to a nearby branch for a few more days, and then returned to us.</p>",
                    },
                    {
                        "question": "The locker I chose is full. Where will my parcel go?",
                        "answer": "<p>InPost redirects it to the nearest locker with space and tells you where "
                        "in the collection message.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "damaged-parcel",
        "category": "shipping",
        "title": "My parcel or the item inside arrived damaged",
        "summary": "What to do with a crushed box or a broken item, and how we make it right.",
        "tags": ["damaged", "broken", "crushed box", "transport damage", "dented"],
        "applies_to": ["All orders"],
        "related": ["missing-items", "make-a-complaint", "how-to-return"],
        "body": [
            (
                "paragraph",
                "<p>We pack every order to survive a rough journey, but now and then a parcel is dropped. "
                "Transport damage is our responsibility, not yours, and you never pay for it.</p>",
            ),
            ("heading", "When the courier hands you the parcel"),
            (
                "paragraph",
                "<p>Look at the box before you sign. If it is torn, wet or crushed, ask the driver to write a "
                "damage report, or refuse the parcel. Both are fine: a refused parcel comes back to us and we "
                "send a new one.</p>",
            ),
            ("heading", "If you notice the damage after unpacking"),
            (
                "steps",
                [
                    "Keep the item, the box and the packing material for now.",
                    "Take photos of the damage, of the outer box from several sides, and of the shipping label.",
                    "Write to us within 7 days through the contact form, quoting your order number "
                    "(for example SO-10042), and attach the photos.",
                    "Tell us whether you would prefer a replacement or a refund.",
                ],
            ),
            (
                "paragraph",
                "<p>We answer within one working day. Usually we send a replacement the same day and you can "
                "keep or recycle the damaged item. Sometimes the courier wants to inspect it: then DPD collects "
                "it from you free of charge, and we tell you in advance.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Already thrown the box away? Write to us anyway. Photos of the item are often "
                    "enough.</p>",
                },
            ),
        ],
    },
]

SEARCH_CASES += [
    ("shipping cost", "shipping-costs"),
    ("free delivery over how much", "shipping-costs"),
    ("how long does delivery take to germany", "delivery-times"),
    ("when will my order come", "delivery-times"),
    ("do you ship to uk", "countries-we-ship-to"),
    ("customs switzerland", "countries-we-ship-to"),
    ("missed the courier", "courier-delivery"),
    ("dpd redirect parcel", "courier-delivery"),
    ("paczkomat", "parcel-lockers"),
    ("pick up point locker", "parcel-lockers"),
    ("box arrived crushed", "damaged-parcel"),
    ("kettle arrived dented", "damaged-parcel"),
]

# --- Orders & tracking -----------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "track-order",
        "category": "orders",
        "title": "Where is my parcel? Tracking your order",
        "summary": "Where to find your tracking number and what each order status and tracking message means.",
        "tags": ["tracking", "where is my order", "status", "parcel", "tracking number"],
        "applies_to": ["All orders"],
        "related": ["delivery-times", "courier-delivery", "order-confirmation"],
        "body": [
            (
                "paragraph",
                "<p>When your order leaves our warehouse, we send a <b>shipping email</b> with the tracking "
                "number and a link to the courier's tracking page. DPD numbers start with <b>DPD</b>, InPost "
                "numbers are 24 digits long. If you have an account, you also find the link under <b>My "
                "account → Orders</b>.</p>",
            ),
            (
                "table",
                {
                    "header": ["Order status", "What it means"],
                    "rows": [
                        ["Placed", "We have your order and are waiting for the payment."],
                        ["Paid", "Payment received; the order is being picked and packed."],
                        ["Shipped", "The parcel has left us; tracking is active."],
                        ["Delivered", "The courier has confirmed delivery."],
                        ["Returned", "Your return has arrived at our warehouse and the refund is on its way."],
                        ["Cancelled", "The order was cancelled; any payment has been refunded."],
                    ],
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "The tracking link says the number is unknown.",
                        "answer": "<p>We print the label when we pack your parcel, and the courier's system "
                        "shows it only after the first scan at their depot. This can take until the evening "
                        "of the next working day.</p>",
                    },
                    {
                        "question": "Tracking has not moved for days.",
                        "answer": "<p>Parcels are not scanned on every lorry, so a quiet day or two is normal. "
                        "If nothing has changed for three working days, write to us with your order number "
                        "(for example SO-10042) and we ask the courier to trace the parcel.</p>",
                    },
                    {
                        "question": "I ordered as a guest. Can I still track my order?",
                        "answer": "<p>Yes. The tracking link is in the shipping email. If you cannot find it, "
                        "check your spam folder or ask us to send it again.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "change-delivery-address",
        "category": "orders",
        "title": "Change the delivery address of an order",
        "summary": "We can change the address until the parcel leaves us; after that the courier can still "
        "redirect it.",
        "tags": ["address", "change address", "wrong address", "moved", "redirect"],
        "applies_to": ["All orders"],
        "related": ["courier-delivery", "cancel-order", "track-order"],
        "body": [
            (
                "paragraph",
                "<p>Typed the wrong postcode or moved house? What we can do depends on the status of your "
                "order, which you see in the confirmation email or under <b>My account → Orders</b>.</p>",
            ),
            ("heading", "Status Placed or Paid: we change it for you"),
            (
                "steps",
                [
                    "Write to us through the contact form as soon as possible, quoting your order number.",
                    "Give the full new address: name, street and number, flat, postcode, town, country, and "
                    "a phone number for the courier.",
                    "We confirm the change by email. If the new address is in a different shipping zone, we "
                    "refund the difference or send you a payment link for it.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Orders paid before 13:00 on a working day are often packed within an hour or "
                    "two. If the order has already shipped, we can no longer change the label.</p>",
                },
            ),
            ("heading", "Status Shipped: ask the courier"),
            (
                "paragraph",
                "<p>For DPD parcels, use the link in the DPD Predict message or on the tracking page to send "
                "the parcel to a DPD Pickup point or another day. DPD can change the address within the same "
                "town; to another town, let the parcel come back to us and we send it again free of charge "
                "once it arrives. InPost parcels cannot be redirected to another locker once they are on "
                "the way.</p>",
            ),
            (
                "paragraph",
                "<p>For your next orders, save your new address under <b>My account → Addresses</b> so it is "
                "filled in at checkout.</p>",
            ),
        ],
    },
    {
        "key": "cancel-order",
        "category": "orders",
        "title": "Cancel an order or change what is in it",
        "summary": "Cancel for free until the order ships; after that, use your 14-day right of withdrawal.",
        "tags": ["cancel", "cancel order", "change order", "ordered twice", "mistake"],
        "applies_to": ["All orders"],
        "related": ["withdrawal-14-days", "change-delivery-address", "refund-timeline"],
        "body": [
            (
                "paragraph",
                "<p>Changed your mind, or ordered the same kettle twice by mistake? As long as your order has "
                "the status <b>Placed</b> or <b>Paid</b>, you can cancel it free of charge.</p>",
            ),
            (
                "steps",
                [
                    "Go to My account → Orders and press Cancel order next to the order. Guests: write to us "
                    "with the order number instead.",
                    "To cancel only one product, tell us which one; we remove it and refund its price.",
                    "You get an email confirming the cancellation, and the refund is issued within 3 working "
                    "days to the payment method you used.",
                ],
            ),
            ("heading", "If the order has already shipped"),
            (
                "paragraph",
                "<p>We cannot stop a parcel on its way. You can refuse it when the courier arrives, or accept "
                "it and send it back: both count as withdrawing from the purchase within 14 days. We refund "
                "the goods and the standard delivery cost, minus €4.90 for the transport back, as for any "
                "return with our label.</p>",
            ),
            ("heading", "Adding something to an order"),
            (
                "paragraph",
                "<p>Orders cannot be edited once they are placed, because the payment is already made for the "
                "exact amount. Simply place a second order; if both are paid before 13:00 on the same working "
                "day and go to the same address, we pack them together and refund the second shipping "
                "cost.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Unpaid orders (for example an interrupted card payment) are cancelled "
                    "automatically after 48 hours, and bank-transfer orders after 7 days without payment.</p>",
                },
            ),
        ],
    },
    {
        "key": "missing-items",
        "category": "orders",
        "title": "Something is missing from my parcel",
        "summary": "Some orders arrive in more than one parcel. How to check, and how we send what is really missing.",
        "tags": ["missing", "missing item", "incomplete", "wrong item", "second parcel"],
        "applies_to": ["All orders"],
        "related": ["track-order", "damaged-parcel"],
        "body": [
            (
                "paragraph",
                "<p>Before you write to us, two quick checks often solve the mystery:</p>",
            ),
            (
                "paragraph",
                "<ul><li><b>Is there a second parcel?</b> Large orders and bulky appliances travel separately. "
                "Your shipping email lists one tracking number per parcel, and the packing slip marks items "
                "that ship separately.</li><li><b>Is it hidden in the packaging?</b> Small parts such as the "
                "tamper of the Barista Pro espresso machine or the blender lid are sometimes packed inside the "
                "main box or under the moulded insert.</li></ul>",
            ),
            ("heading", "Report what is missing"),
            (
                "steps",
                [
                    "Write to us within 7 days of delivery, quoting your order number.",
                    "List the missing items and attach a photo of the packing slip and the open parcel.",
                    "If you can, add a photo of the shipping label: it shows the weight we sent.",
                ],
            ),
            (
                "paragraph",
                "<p>We compare the weight recorded when your parcel left us with what should have been in it. "
                "Usually we send the missing item the next working day, free of charge.</p>",
            ),
            ("heading", "You received the wrong item"),
            (
                "paragraph",
                "<p>Sorry about that. Send us a photo of what arrived. We send the right item straight away "
                "and email you a free return label for the wrong one; there is no need to wait for it to "
                "reach us first.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>If the outer box was opened or re-taped, do not sign for it without noting that "
                    "on the courier's device: it helps us claim the loss from the courier.</p>",
                },
            ),
        ],
    },
    {
        "key": "order-confirmation",
        "category": "orders",
        "title": "I did not receive an order confirmation email",
        "summary": "Why the confirmation can be missing, how to check whether your order went through, and how "
        "to get the email again.",
        "tags": ["confirmation", "email", "no email", "order number", "spam"],
        "applies_to": ["All orders"],
        "related": ["track-order", "failed-payment", "create-account"],
        "body": [
            (
                "paragraph",
                "<p>We send the confirmation within a few minutes of your order. It contains your order "
                "number (for example <b>SO-10042</b>), the items, the delivery address and the total. Keep it: "
                "the order number is the quickest way for us to find your order.</p>",
            ),
            ("heading", "If the email has not arrived"),
            (
                "steps",
                [
                    "Wait ten minutes and check the spam, junk or promotions folder.",
                    "Search your mailbox for hearth-kettle.example.",
                    "Check that the payment went through: a card or BLIK payment that was not confirmed "
                    "leaves the order unpaid.",
                    "If you have an account, look under My account → Orders. An order listed there exists, "
                    "even without the email.",
                ],
            ),
            (
                "qa",
                [
                    {
                        "question": "I think I typed my email address wrong.",
                        "answer": "<p>Write to us from your correct address with your name, the date and the "
                        "total of the order. We correct the address, so you also receive the shipping email "
                        "and invoice.</p>",
                    },
                    {
                        "question": "Money left my account but there is no order.",
                        "answer": "<p>Sometimes the bank takes the money but the shop does not get the "
                        "confirmation in time. Either the order appears within an hour, or the bank releases "
                        "the amount automatically, usually within 7 days. Write to us with the date and "
                        "amount if you are unsure; please do not pay twice.</p>",
                    },
                ],
            ),
            (
                "paragraph",
                '<p>To stop our emails landing in spam, add <a href="mailto:support@hearth-kettle.example">'
                "support@hearth-kettle.example</a> to your contacts.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("where is my parcel", "track-order"),
    ("tracking number not working", "track-order"),
    ("change delivery adress", "change-delivery-address"),
    ("wrong postcode on order", "change-delivery-address"),
    ("cancel my order", "cancel-order"),
    ("ordered twice by mistake", "cancel-order"),
    ("item missing from box", "missing-items"),
    ("got the wrong product", "missing-items"),
    ("no confirmation email", "order-confirmation"),
]

# --- Returns & refunds -----------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "withdrawal-14-days",
        "category": "returns",
        "title": "Your 14-day right to return (withdrawal from the purchase)",
        "summary": "You can withdraw from an online purchase within 14 days without giving a reason. What that "
        "means in practice.",
        "tags": ["return", "14 days", "withdrawal", "change my mind", "return policy"],
        "applies_to": ["All orders", "All products except those listed in Items that cannot be returned"],
        "related": ["how-to-return", "refund-timeline", "non-returnable-items"],
        "body": [
            (
                "paragraph",
                "<p>As a consumer in the EU, you may withdraw from a purchase made online within <b>14 "
                "days</b>, without giving any reason. We apply the same rule to business customers as a "
                "goodwill gesture.</p>",
            ),
            (
                "table",
                {
                    "header": ["Step", "Deadline"],
                    "rows": [
                        ["Tell us you are withdrawing", "14 days from the day you receive the goods"],
                        ["Send the goods back", "14 days from the day you told us"],
                        ["We issue the refund", "3 working days after the return arrives at our warehouse"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>If your order arrived in several parcels, the 14 days start when you receive the last one. "
                "It is enough to send your message, or the parcel, on the last day. To tell us, press "
                "<b>Return items</b> under My account → Orders, write to returns@hearth-kettle.example, or "
                "fill in the model withdrawal form attached to your order confirmation email.</p>",
            ),
            ("heading", "What you get back"),
            (
                "paragraph",
                "<ul><li>the full price of the items you return,</li><li>the standard delivery cost you paid, "
                "if you return the whole order,</li><li>minus €4.90 if you use our prepaid return label. The "
                "label is free if the item is faulty, damaged or not what you ordered.</li></ul>",
            ),
            ("heading", "Trying things out"),
            (
                "paragraph",
                "<p>You may unpack and handle the item as you would in a shop: check the size of a pan on your "
                "hob, hold a knife, switch on a kettle. If an item has been used beyond that, for example a "
                "pan used for cooking or a knife that has been sharpened, we may deduct its loss of value from "
                "the refund. We tell you the amount before we refund.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>A product that is faulty is not a matter for withdrawal: it is covered by the "
                    "two-year statutory guarantee, with no deadline of 14 days. See <i>Statutory guarantee and "
                    "manufacturer's warranty</i>.</p>",
                },
            ),
        ],
    },
    {
        "key": "how-to-return",
        "category": "returns",
        "title": "How to return an item",
        "summary": "Start a return online, get a prepaid label by email and drop the parcel off at a DPD Pickup "
        "point or InPost locker.",
        "tags": ["return", "return label", "send back", "how to return", "parcel"],
        "applies_to": ["All orders"],
        "related": ["withdrawal-14-days", "refund-timeline", "exchange-item"],
        "body": [
            (
                "steps",
                [
                    "Go to My account → Orders and press Return items next to the order. Without an account, "
                    "write to returns@hearth-kettle.example with your order number and the items you are "
                    "returning.",
                    "Within one working day we email you a prepaid return label: a DPD label to print, or in "
                    "Poland an InPost code that needs no printer.",
                    "Pack the items securely. The original box is welcome but not required; a sturdy carton "
                    "with padding is fine. Add a note with your order number.",
                    "Stick on the label and drop the parcel off at any DPD Pickup point or InPost locker within "
                    "14 days. Keep the receipt until the refund arrives.",
                ],
            ),
            (
                "paragraph",
                "<p>The label costs <b>€4.90</b>, which we deduct from your refund. It is free when the item "
                "is faulty, arrived damaged or is not what you ordered.</p>",
            ),
            ("heading", "Sending it yourself"),
            (
                "paragraph",
                "<p>You may also use any carrier you like, at your own cost. Please send it tracked, so that "
                "you can prove it was sent, to:</p>",
            ),
            (
                "code",
                {
                    "language": "text",
                    "code": "Hearth & Kettle – Returns\nul. Składowa 12\n61-897 Poznań\nPoland",
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>We cannot accept parcels sent cash on delivery or unpaid. The courier returns "
                    "them to the sender.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Returning a large appliance such as the <b>Barista Pro espresso machine</b>? Tell us, and "
                "DPD collects it from your home instead; the label price is the same. Empty the water tank "
                "and the bean hopper first.</p>",
            ),
        ],
    },
    {
        "key": "refund-timeline",
        "category": "returns",
        "title": "When will I get my refund?",
        "summary": "We refund within 3 working days of your return arriving; how long your bank or payment "
        "provider then takes.",
        "tags": ["refund", "money back", "how long", "refund status", "return"],
        "applies_to": ["Returns", "Cancelled orders"],
        "related": ["how-to-return", "refund-to-card", "withdrawal-14-days"],
        "body": [
            (
                "paragraph",
                "<p>When your return reaches our warehouse, we check it and issue the refund within <b>3 "
                "working days</b>. You get an email the moment we do, and the order status changes to "
                "<b>Returned</b>. For a cancelled order that had not shipped, we refund within 3 working days "
                "of the cancellation.</p>",
            ),
            (
                "paragraph",
                "<p>We always refund to the payment method you used. How long the money then takes to show "
                "up depends on it:</p>",
            ),
            (
                "table",
                {
                    "header": ["Payment method", "Money visible after we refund"],
                    "rows": [
                        ["Card, Apple Pay, Google Pay", "3–5 working days"],
                        ["PayPal", "within 1 working day"],
                        ["BLIK, Przelewy24", "1–3 working days"],
                        ["Bank transfer", "1–3 working days, to the account the payment came from"],
                        ["Klarna, PayPo", "the provider adjusts your plan within 1–2 days"],
                    ],
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "The tracking says my return was delivered, but I have no refund.",
                        "answer": "<p>Returns are checked in the order they arrive, which takes up to 3 "
                        "working days after delivery. If you have not received the refund email after that, "
                        "write to us with your order number.</p>",
                    },
                    {
                        "question": "Why is the refund lower than what I paid?",
                        "answer": "<p>Usually because of the return label (€4.90), or because you returned "
                        "only part of the order, in which case the delivery cost stays. The refund email lists "
                        "every line.</p>",
                    },
                    {
                        "question": "My card has expired or was replaced.",
                        "answer": "<p>Refunds reach the account behind the card anyway. If your bank rejects "
                        "it, we contact you for a bank transfer instead.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "exchange-item",
        "category": "returns",
        "title": "Exchanging an item for another size, colour or model",
        "summary": "We handle exchanges as a return and a new order, and can hold the new item for you for 7 days.",
        "tags": ["exchange", "swap", "different size", "colour", "replace"],
        "applies_to": ["All orders"],
        "related": ["how-to-return", "withdrawal-14-days", "make-a-complaint"],
        "body": [
            (
                "paragraph",
                "<p>Would a bigger pan suit you better than the one you bought, or the kettle in another "
                "finish? We do exchanges as a <b>return plus a new order</b>. That way you get the new item "
                "as fast as possible and pay the exact price of the new model, no more.</p>",
            ),
            ("heading", "The quickest way"),
            (
                "steps",
                [
                    "Place a new order for the item you want, as usual.",
                    "Start a return for the original item (see How to return an item), within 14 days of receiving it.",
                    "When the return arrives, we refund it within 3 working days.",
                ],
            ),
            (
                "paragraph",
                "<p>If you prefer not to pay twice for a while, write to us: we reserve the new item for "
                "<b>7 days</b> and send it as soon as your return parcel is scanned by the courier.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "Is the exchange free?",
                        "answer": "<p>The return label costs €4.90, and the new order has its normal shipping "
                        "cost (free in Poland from €99). If we sent you the wrong item, or the item is faulty, "
                        "the exchange costs you nothing at all.</p>",
                    },
                    {
                        "question": "The item I received is faulty. Is that an exchange?",
                        "answer": "<p>No: that is a complaint under the statutory guarantee, and we repair or "
                        "replace it free of charge, even after the 14 days. See Making a complaint.</p>",
                    },
                    {
                        "question": "Can I exchange a gift?",
                        "answer": "<p>Yes, with the order number or the gift receipt. The refund of the "
                        "original item goes to the person who paid, so for a gift we prefer to send the new "
                        "item once the return arrives.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "non-returnable-items",
        "category": "returns",
        "title": "Items that cannot be returned, and items used before returning",
        "summary": "A few items are excluded from the 14-day return, and used items may get a partial refund.",
        "tags": ["non returnable", "engraved", "used item", "opened", "exceptions"],
        "applies_to": ["Engraved knives and boards", "Coffee and tea", "Gift cards"],
        "related": ["withdrawal-14-days", "how-to-return"],
        "body": [
            (
                "paragraph",
                "<p>Almost everything we sell can be returned within 14 days. The law allows a few exceptions, "
                "and we apply only these:</p>",
            ),
            (
                "table",
                {
                    "header": ["Item", "Can it be returned?", "Why"],
                    "rows": [
                        ["Engraved chef's knife or cutting board", "No", "Made to your order and personalised"],
                        ["Coffee beans and loose tea, opened", "No", "Sealed food cannot be resold once opened"],
                        ["Coffee beans and loose tea, sealed", "Yes", "Normal 14-day return"],
                        ["Gift card", "Yes, if unused", "A used gift card is already a payment"],
                        ["Opened and tried appliance", "Yes", "Normal 14-day return"],
                    ],
                },
            ),
            ("heading", "Used items"),
            (
                "paragraph",
                "<p>You may check an item as you would in a shop. If it has been used further, we may deduct "
                "its loss of value from the refund. Typical examples:</p>",
            ),
            (
                "paragraph",
                "<ul><li>a non-stick or cast iron pan used for cooking: up to 50% of the price,</li><li>a "
                "kettle or espresso machine with limescale inside: the cost of cleaning, €15,</li><li>a knife "
                "that has been sharpened or has marks on the edge: up to 50% of the price.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>We always send you photos and the proposed amount first. If you do not agree, "
                    "we send the item back to you free of charge instead.</p>",
                },
            ),
            (
                "paragraph",
                "<p>None of this limits your rights when an item is faulty: faults are covered by the two-year "
                "statutory guarantee, however much the item has been used.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("return policy", "withdrawal-14-days"),
    ("can i return after 10 days", "withdrawal-14-days"),
    ("how do i send it back", "how-to-return"),
    ("return label", "how-to-return"),
    ("refund how long", "refund-timeline"),
    ("still no money back", "refund-timeline"),
    ("exchange for bigger pan", "exchange-item"),
    ("return engraved knife", "non-returnable-items"),
]

# --- Warranty & complaints -------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "warranty-vs-statutory",
        "category": "warranty",
        "title": "Statutory guarantee and manufacturer's warranty: what is the difference?",
        "summary": "Every product has a two-year statutory guarantee from us; many also have a longer warranty. "
        "How the two work together.",
        "tags": ["warranty", "guarantee", "statutory", "legal guarantee", "rights"],
        "applies_to": ["All products"],
        "related": ["warranty-periods", "make-a-complaint", "complaint-timelines"],
        "body": [
            (
                "paragraph",
                "<p>When something you bought from us is faulty, you have two independent routes. You choose "
                "which one to use, and using the warranty never takes away your statutory rights.</p>",
            ),
            (
                "table",
                {
                    "header": ["At a glance", "Statutory guarantee", "Manufacturer's warranty"],
                    "rows": [
                        ["Who gives it", "The law; you claim it from us, the seller", "The manufacturer, voluntarily"],
                        ["How long", "2 years from delivery, for every product", "12 months to 10 years, by product"],
                        ["What it covers", "Any lack of conformity with the contract", "What the warranty card says"],
                        ["Where you go", "Our repair desk", "Our repair desk, on the manufacturer's behalf"],
                    ],
                },
            ),
            ("heading", "The statutory guarantee"),
            (
                "paragraph",
                "<p>The product must be as described, fit for normal use and as durable as you can reasonably "
                "expect. If it is not, you can ask for a <b>repair or a replacement</b>, free of charge. If "
                "neither is possible, takes too long or fails, you can ask for a <b>price reduction</b> or "
                "<b>your money back</b>. A fault that shows up within two years of delivery is presumed to "
                "have been there from the start: you do not have to prove it.</p>",
            ),
            ("heading", "The manufacturer's warranty"),
            (
                "paragraph",
                "<p>Most of our products also carry a warranty from the manufacturer, up to 10 years for the "
                "<b>Cast iron skillet 28 cm</b>. It helps most after the two statutory years are over. You do "
                "not need to deal with the manufacturer: our repair desk handles both routes for you.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Not sure which route fits? Just describe the problem in your complaint. We "
                    "always apply the one that is better for you.</p>",
                },
            ),
        ],
    },
    {
        "key": "warranty-periods",
        "category": "warranty",
        "title": "Warranty periods by product, and what they do not cover",
        "summary": "How long each product's warranty lasts, and which kinds of wear and damage are excluded.",
        "tags": ["warranty period", "how long warranty", "coverage", "exclusions", "years"],
        "applies_to": ["All products"],
        "related": ["warranty-vs-statutory", "make-a-complaint", "non-stick-pan-care"],
        "body": [
            (
                "paragraph",
                "<p>The manufacturer's warranty starts on the day of delivery. Your order confirmation or "
                "invoice is your proof of purchase; there is no card to stamp or product to register.</p>",
            ),
            (
                "table",
                {
                    "header": ["Product", "Manufacturer's warranty"],
                    "rows": [
                        ["Cast iron skillet 28 cm", "10 years"],
                        ["Chef's knife 20 cm", "5 years"],
                        ["Barista Pro espresso machine, Stand mixer 5 l", "3 years"],
                        ["Copper kettle 1.7 l, Burr coffee grinder, PowerMix blender", "2 years"],
                        ["Four-slice toaster, Digital kitchen scale, Ceramic teapot 1 l", "2 years"],
                        ["Bamboo cutting board, Linen apron", "1 year"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Whatever the warranty period, the two-year statutory guarantee applies to every product, "
                "including the board and the apron.</p>",
            ),
            ("heading", "What the warranty does not cover"),
            (
                "paragraph",
                "<ul><li>normal wear: a knife that becomes blunt, a non-stick coating that wears off after "
                "years of use,</li><li>scratches from metal utensils or abrasive sponges on non-stick "
                "pans,</li><li>damage from limescale in kettles and espresso machines that were never "
                "descaled,</li><li>knives, boards and cast iron put in the dishwasher,</li><li>drops, "
                "cracks from thermal shock, repairs by someone else, and commercial use of "
                "appliances.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Rust on a cast iron skillet is not a fault: it means the seasoning needs "
                    "renewing. Our care article shows how in twenty minutes.</p>",
                },
            ),
            (
                "paragraph",
                "<p>After the warranty, our repair desk still repairs appliances at cost: we send you a quote "
                "first, and the diagnosis is free if you accept it.</p>",
            ),
        ],
    },
    {
        "key": "make-a-complaint",
        "category": "warranty",
        "title": "How to make a complaint about a faulty product",
        "summary": "What to send us when something is faulty, so that the repair desk can help on the first reply.",
        "tags": ["complaint", "faulty", "broken", "not working", "repair"],
        "applies_to": ["All products"],
        "related": ["repair-shipping", "complaint-timelines", "warranty-vs-statutory"],
        "body": [
            (
                "paragraph",
                "<p>Kettle not switching on, blender making a grinding noise, pan handle loose? Write to our "
                'repair desk through the <a href="/contact-us/">contact form</a> or to '
                "repair-desk@hearth-kettle.example. A complete first message saves a round of questions.</p>",
            ),
            ("heading", "What to include"),
            (
                "steps",
                [
                    "Your order number (for example SO-10042). No order number? Your name and the date of "
                    "purchase are enough.",
                    "The product, and for appliances the serial number from the label underneath (it starts with SN-).",
                    "What happens, since when, and what you have tried, for example a descaling cycle.",
                    "Photos, or a short video if the problem is a noise, a leak or an error light.",
                    "What you would like: repair, replacement, a price reduction or a refund.",
                ],
            ),
            (
                "paragraph",
                "<p>You receive a reference such as <b>HD-000123</b> by email. Reply to that email to add "
                "anything; do not start a new message, so everything stays in one place.</p>",
            ),
            ("heading", "What happens next"),
            (
                "paragraph",
                "<p>We answer within one working day. Often the problem can be solved straight away, with a "
                "spare part or a replacement. If we need to see the product, we book a free DPD collection "
                "from your home and email you a packing guide.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "Do I need the original box or receipt?",
                        "answer": "<p>No. The order number proves the purchase, and any sturdy box will do for "
                        "shipping.</p>",
                    },
                    {
                        "question": "Can I complain about something I bought as a gift?",
                        "answer": "<p>Yes. Whoever owns the product can complain, with the order number of "
                        "the purchase.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "repair-shipping",
        "category": "warranty",
        "title": "Sending a product to the repair desk",
        "summary": "How to prepare and pack an appliance for the free DPD collection, so it arrives safely and "
        "is repaired faster.",
        "tags": ["repair", "pick up", "collection", "packing", "send for repair"],
        "applies_to": ["Small appliances", "Barista Pro espresso machine", "Stand mixer 5 l"],
        "related": ["make-a-complaint", "complaint-timelines", "descale-espresso-machine"],
        "body": [
            (
                "paragraph",
                "<p>When our repair desk needs to see a product, we book a <b>free DPD collection</b> and "
                "send you the date by email. The driver brings the label but no box, so please have the "
                "parcel ready.</p>",
            ),
            ("heading", "Before you pack"),
            (
                "steps",
                [
                    "Unplug the appliance and let it cool down completely.",
                    "Empty the water tank, the drip tray and the bean hopper; run the grinder empty for a few seconds.",
                    "Clean off food and coffee residues. Hygiene matters: a dirty appliance is cleaned first, "
                    "which delays the repair.",
                    "Take off accessories that are not faulty (milk jug, tamper, blender jar, mixer bowl) and "
                    "keep them at home, unless they are part of the problem.",
                ],
            ),
            ("heading", "Packing"),
            (
                "paragraph",
                "<p>The original box with its inserts is best. Otherwise use a strong carton with at least "
                "5 cm of padding on every side, such as bubble wrap or crumpled paper. Put a note inside with "
                "your reference (for example HD-000123), your name and phone number.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Do not send descaler, cleaning tablets, beans or capsules with the appliance. "
                    "Liquids can leak during transport and damage other parcels.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Small items such as a knife or a cutting board do not need a collection: we email you a "
                "free return label instead. Wrap knife blades in cardboard and tape them, so that the edge "
                "cannot cut through the box.</p>",
            ),
            (
                "paragraph",
                "<p>When the parcel arrives, you receive an email, and you can follow the repair by replying "
                "to the email with your reference.</p>",
            ),
        ],
    },
    {
        "key": "complaint-timelines",
        "category": "warranty",
        "title": "How long does a complaint or repair take?",
        "summary": "When we answer, how long repairs take at our desk and at the manufacturer, and when you get "
        "a replacement instead.",
        "tags": ["repair time", "complaint status", "how long", "waiting", "replacement"],
        "applies_to": ["All products"],
        "related": ["make-a-complaint", "repair-shipping", "warranty-vs-statutory"],
        "body": [
            (
                "paragraph",
                "<p>We know a broken kettle or espresso machine is a daily annoyance, so we keep every step "
                "short and tell you where your complaint stands.</p>",
            ),
            (
                "table",
                {
                    "header": ["Step", "Usually", "At the latest"],
                    "rows": [
                        ["Our first answer to your complaint", "1 working day", "14 days"],
                        ["Collection by DPD", "1–2 working days after we book it", "5 working days"],
                        ["Repair at our repair desk in Poznań", "10 working days", "30 days"],
                        ["Repair at the manufacturer's service centre", "10–21 days", "30 days"],
                        ["Return delivery to you", "1–4 working days", "as in Delivery times"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>By law, we must respond to a complaint within <b>14 days</b>; if we do not, your complaint "
                "counts as accepted. In practice you hear from us within one working day.</p>",
            ),
            ("heading", "Replacement instead of repair"),
            (
                "paragraph",
                "<p>If a repair would take longer than 30 days, cannot be done, or the same fault comes back "
                "after a repair, we send you a new product instead. If the product is no longer available, "
                "we refund its price, or you choose a similar product.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "How do I find out how my repair is going?",
                        "answer": "<p>Reply to any email about your complaint (the subject contains your "
                        "reference, for example HD-000123). We send an update whenever the status changes.</p>",
                    },
                    {
                        "question": "Can I get a replacement appliance while mine is being repaired?",
                        "answer": "<p>For the Barista Pro espresso machine, yes: ask us and we lend you a "
                        "machine while the repair takes longer than 10 working days.</p>",
                    },
                ],
            ),
        ],
    },
]

SEARCH_CASES += [
    ("warranty or guarantee difference", "warranty-vs-statutory"),
    ("my rights faulty product 2 years", "warranty-vs-statutory"),
    ("how long is the warranty on the knife", "warranty-periods"),
    ("pan handle broke", "make-a-complaint"),
    ("kettle stopped working", "make-a-complaint"),
    ("how to pack espresso machine for repair", "repair-shipping"),
    ("repair taking too long", "complaint-timelines"),
]

# --- Payments & invoices ---------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "payment-methods",
        "category": "payments",
        "title": "Which payment methods can I use?",
        "summary": "Cards, Apple Pay and Google Pay, PayPal, BLIK and fast bank transfers, bank transfer in "
        "advance, and paying later.",
        "tags": ["payment", "pay", "card", "paypal", "blik"],
        "applies_to": ["All orders"],
        "related": ["failed-payment", "instalments", "invoices-vat"],
        "body": [
            (
                "paragraph",
                "<p>All prices are in euros and include VAT. You choose how to pay in the last step of the "
                "checkout; the methods offered depend on your delivery country.</p>",
            ),
            (
                "table",
                {
                    "header": ["Method", "Available in", "When we ship"],
                    "rows": [
                        ["Visa, Mastercard, Maestro", "All countries", "Right after payment"],
                        ["Apple Pay, Google Pay", "All countries", "Right after payment"],
                        ["PayPal", "All countries", "Right after payment"],
                        ["BLIK, Przelewy24 fast transfer", "Poland", "Right after payment"],
                        ["Bank transfer in advance", "All countries", "When the money arrives, usually 1 working day"],
                        ["Klarna: pay in 30 days or in 3 instalments", "EU countries except Poland", "Right away"],
                        ["PayPo: pay in 30 days or in 4 instalments", "Poland", "Right away"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>We do not offer cash on delivery. Card payments are protected by 3-D Secure: your bank "
                "asks you to confirm the payment in its app or with a code.</p>",
            ),
            ("heading", "Paying by bank transfer"),
            (
                "paragraph",
                "<p>After the order, you receive our bank details and a payment reference, which is your order "
                "number (for example SO-10042). Please use exactly that reference so that we can match your "
                "payment. We keep the order for <b>7 days</b>; after that it is cancelled automatically.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "My card is in another currency. What exchange rate do I pay?",
                        "answer": "<p>We always charge in euros. Your bank converts the amount at its own rate "
                        "and may add a fee; check with your bank if you are unsure.</p>",
                    },
                    {
                        "question": "Can I pay with a gift card?",
                        "answer": "<p>Yes. Enter the gift card code in the discount field of the basket. If "
                        "the order costs more, pay the rest with any other method.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "failed-payment",
        "category": "payments",
        "title": "My payment failed or was declined",
        "summary": "Why a payment fails, how to retry it without ordering again, and what happens to money that "
        "was blocked.",
        "tags": ["payment failed", "declined", "card rejected", "error", "retry payment"],
        "applies_to": ["Card, BLIK and online payments"],
        "related": ["payment-methods", "order-confirmation", "refund-to-card"],
        "body": [
            (
                "paragraph",
                "<p>If a payment does not go through, your order is not lost: it waits with the status "
                "<b>Placed</b> for <b>48 hours</b>. You can pay it again from the <b>Pay now</b> link in the "
                "confirmation email or under My account → Orders, with the same or another method.</p>",
            ),
            ("heading", "The most common reasons"),
            (
                "paragraph",
                "<ul><li>the 3-D Secure confirmation in your banking app was not approved in time (you have "
                "about 5 minutes),</li><li>internet payments or payments abroad are switched off for your "
                "card,</li><li>the daily card limit is reached,</li><li>a typo in the card number, expiry date "
                "or security code,</li><li>the BLIK code expired: it is valid for 2 minutes.</li></ul>",
            ),
            ("heading", "What to try"),
            (
                "steps",
                [
                    "Open the Pay now link and try once more, keeping your banking app at hand.",
                    "If the card is declined again, check your card settings or limits in your banking app.",
                    "Try another method, such as PayPal or BLIK.",
                    "Still not working? Write to our payments team at payments@hearth-kettle.example with your "
                    "order number and the exact error message. Never send us your card number.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Sometimes the bank blocks the amount even though the payment failed. It is not "
                    "a charge: the bank releases it automatically, usually within 7 days. If the money was "
                    "really taken twice, we refund the second payment; see <i>Refunds to your card</i>.</p>",
                },
            ),
        ],
    },
    {
        "key": "invoices-vat",
        "category": "payments",
        "title": "Invoices, VAT and company purchases",
        "summary": "Where to find your VAT invoice, how to get an invoice for your company, and how to correct one.",
        "tags": ["invoice", "vat", "vat number", "company", "tax"],
        "applies_to": ["All orders", "Business customers"],
        "related": ["payment-methods", "countries-we-ship-to"],
        "body": [
            (
                "paragraph",
                "<p>Every order gets a <b>VAT invoice</b> as a PDF. We email it when the order ships, and you "
                "can download it any time under My account → Orders. Prices include VAT at the rate of the "
                "delivery country, and the invoice shows it line by line.</p>",
            ),
            ("heading", "An invoice for your company"),
            (
                "steps",
                [
                    "At checkout, tick I need a company invoice.",
                    "Enter the company name, address and VAT identification number with its country prefix.",
                    "For companies in other EU countries we check the number in the EU VIES system straight "
                    "away. If it is valid, VAT is removed from the price (reverse charge), and the invoice "
                    "says so.",
                ],
            ),
            (
                "code",
                {
                    "language": "text",
                    "code": "Poland      PL + 10 digits          PL1234563218\n"
                    "Germany     DE + 9 digits           DE123456789\n"
                    "Lithuania   LT + 9 or 12 digits     LT100012345611",
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Please enter the VAT number when you order. Once an invoice has been issued to "
                    "a private person, tax rules do not allow us to add a company's VAT number to it "
                    "later.</p>",
                },
            ),
            ("heading", "Corrections"),
            (
                "paragraph",
                "<p>A typo in the company name or address? Write to payments@hearth-kettle.example with the "
                "order number and the correct details. We send a corrected invoice within 2 working days. "
                "When you return items, we issue a correction invoice for the refunded amount "
                "automatically.</p>",
            ),
        ],
    },
    {
        "key": "instalments",
        "category": "payments",
        "title": "Paying later or in instalments",
        "summary": "Spread the cost with Klarna or PayPo: how it works, who decides, and what happens when you "
        "return something.",
        "tags": ["instalments", "pay later", "klarna", "paypo", "credit"],
        "applies_to": ["Orders from €35"],
        "related": ["payment-methods", "refund-timeline"],
        "body": [
            (
                "paragraph",
                "<p>For orders from <b>€35</b> you can pay later or in parts. The service is provided by our "
                "partners: <b>Klarna</b> in the EU outside Poland, and <b>PayPo</b> in Poland. We receive "
                "the full amount straight away and ship your order as usual.</p>",
            ),
            (
                "table",
                {
                    "header": ["Option", "Provider", "How you pay", "Interest"],
                    "rows": [
                        ["Pay in 30 days", "Klarna or PayPo", "The whole amount within 30 days", "None"],
                        ["3 instalments", "Klarna", "One now, then every 30 days", "None"],
                        ["4 instalments", "PayPo", "One now, then every 30 days", "None"],
                    ],
                },
            ),
            ("heading", "How it works"),
            (
                "steps",
                [
                    "Choose Klarna or PayPo as the payment method at checkout.",
                    "The provider asks for a few details and decides within seconds. We do not see or store "
                    "that information.",
                    "You receive the payment plan from the provider by email and pay through their app.",
                ],
            ),
            (
                "qa",
                [
                    {
                        "question": "My instalment request was declined. Why?",
                        "answer": "<p>Only the provider knows: the decision is theirs, and we cannot change "
                        "it. You can still pay by card, PayPal or bank transfer.</p>",
                    },
                    {
                        "question": "What happens if I return something?",
                        "answer": "<p>We refund the provider, who reduces your plan or refunds what you already "
                        "paid, within 1–2 days of our refund. Keep paying any instalment that is due until the "
                        "plan has been updated.</p>",
                    },
                    {
                        "question": "Is there a fee for paying late?",
                        "answer": "<p>The provider may charge a reminder fee; its terms are shown before you "
                        "confirm.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "refund-to-card",
        "category": "payments",
        "title": "Refunds to your card, and double charges",
        "summary": "How long a card refund takes, how to recognise it on your statement, and what to do if you "
        "were charged twice.",
        "tags": ["refund", "card", "charged twice", "double payment", "bank statement"],
        "applies_to": ["Card, Apple Pay and Google Pay payments"],
        "related": ["refund-timeline", "failed-payment"],
        "body": [
            (
                "paragraph",
                "<p>We refund to the card you paid with; we cannot send a card payment back to another card "
                "or account. We issue the refund within 3 working days of your return arriving, and your bank "
                "then needs <b>3–5 working days</b> to show it. It appears as a credit from <b>HEARTH KETTLE</b>, "
                "sometimes with the order number.</p>",
            ),
            ("heading", "Charged twice?"),
            (
                "paragraph",
                "<p>Most double charges are not charges at all. When a first payment attempt fails and you "
                "try again, the bank may show the failed attempt as a <b>pending</b> amount. It disappears by "
                "itself, usually within 7 days.</p>",
            ),
            (
                "steps",
                [
                    "Look at both entries in your banking app: pending (blocked) or booked?",
                    "If one is still pending, wait 7 days; it will disappear.",
                    "If both are booked, write to payments@hearth-kettle.example with your order number, the "
                    "dates and amounts, or a screenshot with your card number hidden.",
                    "We check with the payment provider and refund the second payment the same day it is confirmed.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Please talk to us before you ask your bank for a chargeback. A chargeback takes "
                    "weeks, while we usually settle a double payment within 2 working days.</p>",
                },
            ),
            (
                "paragraph",
                "<p>If you paid with Apple Pay or Google Pay, the refund goes to the card behind it, and your "
                "phone shows it in the wallet's transaction list.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("can i pay with paypal", "payment-methods"),
    ("bank transfer details", "payment-methods"),
    ("card declined", "failed-payment"),
    ("payment didnt go through", "failed-payment"),
    ("invoice with vat number", "invoices-vat"),
    ("company invoce", "invoices-vat"),
    ("pay in instalments", "instalments"),
    ("charged twice", "refund-to-card"),
    ("refund to my card not showing", "refund-to-card"),
]

# --- Your account ----------------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "create-account",
        "category": "account",
        "title": "Creating an account (and ordering without one)",
        "summary": "You can order as a guest; an account adds order history, faster returns and saved addresses.",
        "tags": ["account", "register", "sign up", "guest checkout", "login"],
        "applies_to": ["All customers"],
        "related": ["password-reset", "delete-account", "newsletter"],
        "body": [
            (
                "paragraph",
                "<p>You do not need an account to shop with us: choose <b>Continue as guest</b> at checkout, "
                "and everything you need arrives by email. An account is handy if you order more than once:</p>",
            ),
            (
                "paragraph",
                "<ul><li>all your orders, invoices and tracking links in one place,</li><li>returns and "
                "cancellations with one click,</li><li>saved delivery and invoice addresses,</li><li>your "
                "complaints and messages to customer service, with their status.</li></ul>",
            ),
            ("heading", "Create an account"),
            (
                "steps",
                [
                    "Click Sign in at the top of any page, then Create an account.",
                    "Enter your name, email address and a password of at least 10 characters.",
                    "Open the confirmation email and click the link within 24 hours.",
                    "Sign in. Orders you placed as a guest with the same email address appear in your account "
                    "automatically.",
                ],
            ),
            (
                "qa",
                [
                    {
                        "question": "The confirmation link has expired.",
                        "answer": "<p>Try to sign in: the page offers to send a new link. The old one stops "
                        "working after 24 hours for your security.</p>",
                    },
                    {
                        "question": "Can I change my email address later?",
                        "answer": "<p>Yes, under My account → Personal details. We send a confirmation link to "
                        "the new address, and the change takes effect when you click it.</p>",
                    },
                    {
                        "question": "Can my company have one account for several people?",
                        "answer": "<p>Not yet: each account belongs to one person and one email address. "
                        "Invoices can still be addressed to your company.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "password-reset",
        "category": "account",
        "title": "Forgotten password or cannot sign in",
        "summary": "Reset your password with a link by email, and what to do if the email does not arrive or "
        "your account is locked.",
        "tags": ["password", "forgot password", "reset", "login problem", "locked"],
        "applies_to": ["Customer accounts"],
        "related": ["create-account", "delete-account"],
        "body": [
            ("heading", "Reset your password"),
            (
                "steps",
                [
                    "Click Sign in, then Forgotten your password?",
                    "Enter the email address of your account and press Send link.",
                    "Open the email from Hearth & Kettle and click the link. It works once, within 1 hour.",
                    "Choose a new password of at least 10 characters. You are signed in straight away.",
                ],
            ),
            (
                "paragraph",
                "<p>For your security, the page always says that an email has been sent, even if there is "
                "no account with that address. So if nothing arrives, the address may be different from the "
                "one you used for your account.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "The reset email does not arrive.",
                        "answer": "<p>Wait a few minutes and check the spam folder. Then try other addresses "
                        "you use. If you ordered as a guest, you have no password yet: create an account with "
                        "the same address instead.</p>",
                    },
                    {
                        "question": "It says my account is locked.",
                        "answer": "<p>After 5 wrong passwords in a row, we lock sign-in for 15 minutes to "
                        "stop people guessing. Wait, then reset your password rather than trying again.</p>",
                    },
                    {
                        "question": "The link says it is invalid.",
                        "answer": "<p>It has been used, it is older than 1 hour, or you requested a newer "
                        "one. Only the newest link works: request a new one and use it right away.</p>",
                    },
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>We never ask for your password by email or phone. If you receive a message "
                    "asking for it, do not reply, and forward it to support@hearth-kettle.example.</p>",
                },
            ),
        ],
    },
    {
        "key": "delete-account",
        "category": "account",
        "title": "Your personal data: copy, correction and deleting your account",
        "summary": "How to get a copy of your data, correct it or delete your account under the GDPR, and what "
        "we must keep.",
        "tags": ["gdpr", "delete account", "personal data", "privacy", "data export"],
        "applies_to": ["All customers"],
        "related": ["create-account", "newsletter"],
        "body": [
            (
                "paragraph",
                "<p>Under the GDPR you have the right to see the data we hold about you, to correct it, to "
                "take a copy with you, and to have it deleted. We answer every request within <b>30 days</b>, "
                "usually much sooner.</p>",
            ),
            ("heading", "Delete your account"),
            (
                "steps",
                [
                    "Sign in and go to My account → Privacy.",
                    "Press Delete my account and confirm with your password.",
                    "We send a confirmation email. Your account is deleted within 30 days; you can cancel by "
                    "replying to that email before then.",
                ],
            ),
            (
                "paragraph",
                "<p>No account, or cannot sign in? Write to support@hearth-kettle.example from the email "
                "address you used with us, so that we know the request is really yours.</p>",
            ),
            ("heading", "What we have to keep"),
            (
                "table",
                {
                    "header": ["Data", "How long", "Why"],
                    "rows": [
                        ["Invoices and order records", "5 years after the end of the year", "Tax law"],
                        ["Open complaints and repairs", "Until they are settled", "To finish the repair"],
                        ["Messages to customer service", "2 years, then deleted", "To handle follow-up questions"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Everything else, such as saved addresses, your password and newsletter preferences, is "
                "deleted. What we keep is no longer linked to an account, and is used only for the purpose "
                "in the table.</p>",
            ),
            (
                "callout",
                {
                    "kind": "info",
                    "text": "<p>Want a copy first? Under My account → Privacy press Download my data. You "
                    "receive a file with your orders, addresses and messages within 30 days, usually within a "
                    "day.</p>",
                },
            ),
        ],
    },
    {
        "key": "newsletter",
        "category": "account",
        "title": "Newsletter: subscribe, unsubscribe and your welcome discount",
        "summary": "What our newsletter contains, how often it comes, and how to stop it in one click.",
        "tags": ["newsletter", "unsubscribe", "emails", "discount code", "marketing"],
        "applies_to": ["All customers"],
        "related": ["create-account", "delete-account"],
        "body": [
            (
                "paragraph",
                "<p>Our newsletter comes <b>twice a month</b>: new products, care tips, recipes from our team "
                "and early access to sales. We never sell or share your address.</p>",
            ),
            ("heading", "Subscribe"),
            (
                "paragraph",
                "<p>Tick the newsletter box at checkout or under My account → Newsletter, or enter your "
                "address at the bottom of any page. We send a confirmation email first: nothing arrives until "
                "you click the link in it.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>New subscribers get a <b>10% discount code</b> for one order from €50, valid "
                    "for 30 days. It cannot be combined with other codes or used for gift cards.</p>",
                },
            ),
            ("heading", "Unsubscribe"),
            (
                "paragraph",
                "<p>Click <b>Unsubscribe</b> at the bottom of any newsletter, or untick the box under My "
                "account → Newsletter. It takes effect immediately; a newsletter that was already being sent "
                "may still arrive within a day.</p>",
            ),
            (
                "qa",
                [
                    {
                        "question": "I unsubscribed but still get emails from you.",
                        "answer": "<p>Order confirmations, shipping emails, invoices and answers from customer "
                        "service are not newsletters: you get them whenever you order or write to us. If a "
                        "real newsletter keeps coming, forward it to support@hearth-kettle.example.</p>",
                    },
                    {
                        "question": "My welcome code does not work.",
                        "answer": "<p>Check that the order is at least €50 before shipping, that it is "
                        "within 30 days of subscribing, and that no other code is in the basket.</p>",
                    },
                ],
            ),
        ],
    },
]

SEARCH_CASES += [
    ("create account", "create-account"),
    ("order without registering", "create-account"),
    ("forgot my pasword", "password-reset"),
    ("cant log in account locked", "password-reset"),
    ("delete my account gdpr", "delete-account"),
    ("unsubscribe newsletter", "newsletter"),
]

# --- Product care ----------------------------------------------------------------------------------------------

ARTICLES += [
    {
        "key": "non-stick-pan-care",
        "category": "care",
        "title": "Caring for non-stick pans",
        "summary": "Heat, utensils and washing habits that keep a non-stick coating slippery for years.",
        "tags": ["non-stick", "pan", "coating", "scratches", "frying pan"],
        "applies_to": ["Non-stick frying pans and saucepans"],
        "related": ["cast-iron-care", "warranty-periods"],
        "body": [
            (
                "paragraph",
                "<p>A non-stick coating is tough but not indestructible. Most pans that stop working after a "
                "year have been overheated, not scratched. With these habits, a good pan lasts three to five "
                "years of daily use.</p>",
            ),
            ("heading", "Before the first use"),
            (
                "paragraph",
                "<p>Wash the pan in warm soapy water, dry it, and wipe a teaspoon of oil over the surface with "
                "kitchen paper. That is all: non-stick pans do not need seasoning like cast iron.</p>",
            ),
            ("heading", "Every day"),
            (
                "paragraph",
                "<ul><li><b>Medium heat is enough.</b> Never heat an empty pan for more than a minute, and keep "
                "induction hobs off the boost setting.</li><li><b>Wood, silicone or nylon utensils.</b> Metal "
                "spatulas and whisks scratch the coating.</li><li><b>A little oil or butter, no spray.</b> "
                "Cooking sprays leave a sticky film that burns onto the coating.</li><li><b>Let it cool "
                "before washing.</b> Cold water on a hot pan can warp the base.</li></ul>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Our non-stick pans are dishwasher-safe, but dishwasher detergents wear the "
                    "coating faster. Washing by hand with a soft sponge takes a minute and doubles its "
                    "life.</p>",
                },
            ),
            (
                "qa",
                [
                    {
                        "question": "Food has started to stick. Is the coating worn out?",
                        "answer": "<p>Often it is just a burnt-on film. Simmer a cup of water with a tablespoon "
                        "of baking soda for 5 minutes, let it cool, and wipe it clean. If food still sticks "
                        "everywhere, the coating has reached the end of its life.</p>",
                    },
                    {
                        "question": "Is a scratched pan covered by the warranty?",
                        "answer": "<p>Scratches from metal utensils or abrasive sponges are not a fault. A "
                        "coating that blisters or peels off under normal use is: make a complaint and send us "
                        "photos.</p>",
                    },
                ],
            ),
        ],
    },
    {
        "key": "cast-iron-care",
        "category": "care",
        "title": "Cast iron skillet: seasoning, cleaning and removing rust",
        "summary": "How to clean, dry and re-season a cast iron skillet, and how to bring a rusty one back to life.",
        "tags": ["cast iron", "seasoning", "rust", "skillet", "cleaning"],
        "applies_to": ["Cast iron skillet 28 cm"],
        "related": ["non-stick-pan-care", "warranty-periods"],
        "body": [
            (
                "paragraph",
                "<p>Your <b>Cast iron skillet 28 cm</b> arrives pre-seasoned: it has a thin, baked-on layer of "
                "oil that protects it from rust and makes it more non-stick with every use. Look after that "
                "layer, and the skillet will outlive its 10-year warranty by decades.</p>",
            ),
            ("heading", "After cooking"),
            (
                "steps",
                [
                    "While the skillet is still warm, rinse it with hot water and scrub with a brush. A drop "
                    "of washing-up liquid is fine.",
                    "For stuck-on food, scrub with a tablespoon of coarse salt and a little water.",
                    "Dry it at once with a towel, then on the hob for a minute until all moisture is gone.",
                    "Rub in a few drops of oil with kitchen paper until the surface looks dry, not greasy.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Never soak cast iron or put it in the dishwasher. Water left on it for an hour "
                    "is enough to start rust.</p>",
                },
            ),
            ("heading", "Re-seasoning a dull or rusty skillet"),
            (
                "steps",
                [
                    "Scrub off rust with steel wool until you see bare grey iron, then wash and dry well.",
                    "Heat the oven to 230–250 °C.",
                    "Rub a very thin layer of rapeseed, sunflower or flaxseed oil all over, inside and out, "
                    "including the handle. Wipe off as much as you can.",
                    "Bake the skillet upside down for 1 hour, with a tray underneath for drips.",
                    "Switch off the oven and let the skillet cool inside. Repeat two or three times for a "
                    "deep, even finish.",
                ],
            ),
            (
                "paragraph",
                "<p>A patchy or brown surface after re-seasoning is normal and evens out as you cook. Frying "
                "bacon, potatoes or shallow-frying builds the layer fastest; very acidic dishes such as tomato "
                "sauce are best left until the seasoning is well established.</p>",
            ),
        ],
    },
    {
        "key": "descale-kettle",
        "category": "care",
        "title": "Descaling your kettle",
        "summary": "How often to descale, a safe method with citric acid, and how to keep the copper kettle shining.",
        "tags": ["descaling", "limescale", "kettle", "citric acid", "hard water"],
        "applies_to": ["Copper kettle 1.7 l", "All electric and stovetop kettles"],
        "related": ["descale-espresso-machine", "warranty-periods"],
        "body": [
            (
                "paragraph",
                "<p>Limescale makes a kettle slower and louder, leaves flakes in your tea, and can eventually "
                "damage the heating element. Damage caused by limescale is not covered by the warranty, but "
                "preventing it takes ten minutes.</p>",
            ),
            (
                "table",
                {
                    "header": ["Your water", "How to tell", "Descale every"],
                    "rows": [
                        ["Soft", "Almost no white marks in the kettle", "3 months"],
                        ["Medium", "A thin white film after a few weeks", "1 month"],
                        ["Hard", "White crust and flakes within days", "2 weeks"],
                    ],
                },
            ),
            ("heading", "Descaling with citric acid"),
            (
                "steps",
                [
                    "Fill the kettle with 1 litre of water and add 2 tablespoons (about 25 g) of citric acid, "
                    "or a sachet of kettle descaler.",
                    "Bring it to the boil and switch it off. Leave it to work for 20–30 minutes.",
                    "Pour the solution away and wipe loose scale out with a soft sponge. Never use metal or "
                    "scouring pads inside.",
                    "Rinse, then boil a full kettle of fresh water twice and pour it away.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Vinegar works too, diluted 1:1 with water, but the smell lingers. Citric acid "
                    "is odourless and cheap.</p>",
                },
            ),
            ("heading", "The outside of the copper kettle"),
            (
                "paragraph",
                "<p>Copper darkens naturally over time. To restore the shine, rub it with half a lemon dipped "
                "in salt, or with a copper polish, then rinse and dry with a soft cloth. Do not use abrasive "
                "sponges; they scratch the surface.</p>",
            ),
        ],
    },
    {
        "key": "knife-sharpening",
        "category": "care",
        "title": "Keeping your chef's knife sharp",
        "summary": "Honing, sharpening on a whetstone, storage and washing, and our sharpening service.",
        "tags": ["knife", "sharpening", "whetstone", "blunt", "honing"],
        "applies_to": ["Chef's knife 20 cm"],
        "related": ["warranty-periods", "repair-shipping"],
        "body": [
            (
                "paragraph",
                "<p>A blunt knife is more dangerous than a sharp one: it slips instead of cutting. The "
                "<b>Chef's knife 20 cm</b> has an edge of <b>15° on each side</b>, which stays sharp for a "
                "long time if you hone it regularly and sharpen it a few times a year.</p>",
            ),
            ("heading", "Honing: once a week"),
            (
                "paragraph",
                "<p>Honing straightens the edge without removing metal. Hold a ceramic honing rod upright on a "
                "towel, and draw the blade down it at 15°, from heel to tip, five times on each side, "
                "alternating sides.</p>",
            ),
            ("heading", "Sharpening on a whetstone: every 2–3 months"),
            (
                "steps",
                [
                    "Soak a 1000/6000 grit water stone for 10 minutes and place it on a damp cloth.",
                    "Start on the 1000 side. Hold the blade at 15° (about the height of two stacked coins "
                    "under the spine) and push it across the stone, edge first, from heel to tip.",
                    "Repeat until you feel a slight burr along the whole other side of the edge, then do the "
                    "other side.",
                    "Turn to the 6000 side and repeat with lighter pressure, about ten strokes a side.",
                    "Rinse and dry the knife, and test it on a sheet of paper.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>No dishwasher, ever: the heat, salt and rattling dull the edge and can crack "
                    "the handle. Wash by hand, dry at once, and store in a block or on a magnetic strip.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Prefer to leave it to us? Our repair desk sharpens Hearth & Kettle knives for <b>€8 per "
                "knife</b>, including return shipping. Write to repair-desk@hearth-kettle.example for a free "
                "label. Cut on wood or bamboo boards, never on glass or stone, to keep the edge longer.</p>",
            ),
        ],
    },
    {
        "key": "descale-espresso-machine",
        "category": "care",
        "title": "Cleaning and descaling the Barista Pro espresso machine",
        "summary": "The daily, weekly and two-monthly routine that keeps the Barista Pro tasting good and out of "
        "the repair desk.",
        "tags": ["espresso", "descaling", "cleaning", "backflush", "barista pro"],
        "applies_to": ["Barista Pro espresso machine"],
        "related": ["descale-kettle", "repair-shipping", "make-a-complaint"],
        "body": [
            (
                "paragraph",
                "<p>Most problems that reach our repair desk, such as weak pressure, loud pumping or a "
                "dripping group head, come from limescale or old coffee oils. The routine below prevents "
                "nearly all of them.</p>",
            ),
            (
                "table",
                {
                    "header": ["How often", "What to do"],
                    "rows": [
                        ["After every use", "Purge and wipe the steam wand; knock out and rinse the portafilter"],
                        ["Every day", "Empty the drip tray and rinse the water tank"],
                        ["Every week", "Backflush with a cleaning tablet; soak the baskets in hot water"],
                        ["Every 2 months, or when the descale light is on", "Descale (steps below)"],
                    ],
                },
            ),
            ("heading", "Descaling"),
            (
                "steps",
                [
                    "Remove the water filter from the tank, if you use one.",
                    "Fill the tank with 1 litre of water and a dose of liquid espresso-machine descaler.",
                    "Hold the Steam and Hot water buttons together for 3 seconds to start the descaling "
                    "programme (page 12 of the manual).",
                    "Place a large bowl under the group head and the steam wand. The programme takes about 25 minutes.",
                    "Rinse the tank, fill it with fresh water, and let the machine run the rinse cycle.",
                ],
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Do not descale with vinegar: it attacks the seals and leaves a taste. Use a "
                    "descaler made for espresso machines.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Filtered or bottled water with low mineral content halves how often you need to descale. "
                "If the machine still sounds loud or pressure stays low after descaling, make a complaint; the "
                "Barista Pro has a 3-year warranty.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("non stick pan scratched", "non-stick-pan-care"),
    ("food sticking to frying pan", "non-stick-pan-care"),
    ("cast iron rust", "cast-iron-care"),
    ("how to season skillet", "cast-iron-care"),
    ("descale kettle vinegar", "descale-kettle"),
    ("white flakes in kettle", "descale-kettle"),
    ("sharpen knife angle", "knife-sharpening"),
    ("knife blunt", "knife-sharpening"),
    ("espresso machine descale light", "descale-espresso-machine"),
]

# --- Later additions, kept at the end so the order above stays stable ------------------------------------------

ARTICLES += [
    {
        "key": "gift-cards",
        "category": "payments",
        "title": "Gift cards: buying, using and checking the balance",
        "summary": "Electronic gift cards from €10 to €500, valid for 3 years and usable over several orders.",
        "tags": ["gift card", "voucher", "present", "balance", "code"],
        "applies_to": ["Gift cards"],
        "related": ["payment-methods", "non-returnable-items"],
        "body": [
            (
                "paragraph",
                "<p>Not sure which knife or kettle they would like? A Hearth & Kettle gift card lets them "
                "choose. Gift cards are electronic: you receive a PDF with a 16-character code by email, "
                "ready to print or forward.</p>",
            ),
            ("heading", "Buying a gift card"),
            (
                "steps",
                [
                    "Open the Gift cards page and choose an amount from €10 to €500.",
                    "Enter the recipient's name and an optional message; they appear on the PDF.",
                    "Pay with any method except Klarna and PayPo, which do not accept gift cards.",
                    "The PDF arrives by email within a few minutes. Forward it, or print it for a present.",
                ],
            ),
            ("heading", "Using a gift card"),
            (
                "paragraph",
                "<p>Enter the code in the discount field of the basket. If the order costs less than the card, "
                "the rest stays on it for later orders. If it costs more, pay the difference with any other "
                "method. A gift card can be combined with one discount code.</p>",
            ),
            (
                "table",
                {
                    "header": ["Question", "Answer"],
                    "rows": [
                        ["How long is it valid?", "3 years from the day it was bought"],
                        ["Where do I see the balance?", "In the basket after entering the code, or in the PDF link"],
                        ["Can I get cash for it?", "No, but an unused card can be returned within 14 days"],
                        ["What if I return an item paid with it?", "The amount goes back onto the gift card"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "text": "<p>Lost the email? Write to us from the address you used to buy the card, and we "
                    "send the PDF again. The code is the card: keep it private like cash.</p>",
                },
            ),
        ],
    },
    {
        "key": "induction-dishwasher-oven",
        "category": "care",
        "title": "Induction, dishwasher and oven: what can go where",
        "summary": "One table for every product: induction hobs, dishwasher, oven temperatures and washing machine.",
        "tags": ["induction", "dishwasher", "oven safe", "hob", "compatibility"],
        "applies_to": ["Cookware", "Knives and boards", "Small appliances"],
        "related": ["non-stick-pan-care", "cast-iron-care", "knife-sharpening"],
        "body": [
            (
                "paragraph",
                "<p>These are the questions we hear most before people buy: does it work on induction, and "
                "can it go in the dishwasher? Here is the answer for everything we sell.</p>",
            ),
            (
                "table",
                {
                    "header": ["Product", "Induction hob", "Dishwasher", "Oven"],
                    "rows": [
                        ["Cast iron skillet 28 cm", "Yes", "No", "Yes, up to 260 °C"],
                        ["Non-stick frying pans", "Yes", "Yes, but hand washing is better", "Up to 180 °C"],
                        ["Chef's knife 20 cm", "–", "No", "–"],
                        ["Bamboo cutting board", "–", "No", "–"],
                        ["Ceramic teapot 1 l", "No", "Yes", "No"],
                        ["Copper kettle 1.7 l (electric)", "–", "No: wipe the outside only", "–"],
                        ["PowerMix blender", "–", "Jar and lid: yes, top rack; base: no", "–"],
                        ["Stand mixer 5 l", "–", "Bowl, whisk and hook: yes; body: no", "–"],
                        ["Barista Pro espresso machine", "–", "Drip tray: yes; portafilter and baskets: no", "–"],
                        ["Linen apron", "–", "Washing machine at 40 °C", "–"],
                    ],
                },
            ),
            ("heading", "Induction tips"),
            (
                "paragraph",
                "<p>Choose a cooking zone about the size of the base, and heat cast iron slowly, on a medium "
                "setting for 3–4 minutes: a cold, heavy skillet on full power can crack. Do not use the boost "
                "setting with an empty non-stick pan.</p>",
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "text": "<p>Never put knives in the dishwasher, even if the handle would survive it: the "
                    "edge gets knocked and blunted, and the warranty does not cover dishwasher damage.</p>",
                },
            ),
            (
                "paragraph",
                "<p>Not sure about your hob? Hold a fridge magnet to the base of your current pan: if it "
                "sticks, the pan works on induction. Our non-stick and cast iron pans do too.</p>",
            ),
        ],
    },
]

SEARCH_CASES += [
    ("gift voucher", "gift-cards"),
    ("gift card balance", "gift-cards"),
    ("does it work on induction", "induction-dishwasher-oven"),
    ("can the pan go in the dishwasher", "induction-dishwasher-oven"),
]
