"""The DOMAIN_NET dataset folder: its reader, fixture and tasks."""
