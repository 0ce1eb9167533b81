"""Public helpers for plugin authors (and our own tests).

* :mod:`.factories`: factory_boy factories for helpdesk models
  (``pip install wagtail-helpdesk[test]``);
* :func:`.plugins.registered_plugin`: register a plugin for one test;
* :mod:`.contract`: the test-suite every channel adapter passes.
"""
