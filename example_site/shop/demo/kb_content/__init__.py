"""The example shop's knowledge base, as plain data: ``en`` and ``pl`` modules with the same shape.

Each language module defines ``CATEGORIES``, ``ARTICLES`` and ``SEARCH_CASES``.
An article's ``key`` is the same in every language: it links a page to its
translation.  Body blocks are ``(block_type, value)`` tuples matching the KB
article StreamField (paragraph, heading, steps, callout, table, qa, code).
``tests/example_site/test_kb_content.py`` checks the contract and the facts
(prices, periods) that must agree between the languages.

One set of facts runs through every article, so that answers never contradict
each other: the 14-day right of withdrawal, the €4.90 return label, refunds
issued within 3 working days of the return arriving, the two-year statutory
guarantee, and the shipping zones and prices of the shipping-costs article.
"""
