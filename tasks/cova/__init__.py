"""CoVA: e-commerce webpage screenshots grouped by web domain."""
