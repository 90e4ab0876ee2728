"""The CONCADIA dataset folder: its reader, fixture and tasks."""
