"""Shared Jinja partials (option styles, input blocks) that task templates include."""
