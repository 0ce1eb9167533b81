"""The plugin manager and the built-in plugins.

Built-ins are ordinary plugin modules registered by :mod:`.manager` exactly as a
third-party plugin is; services never import them.
"""
