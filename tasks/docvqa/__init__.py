"""The DOCVQA dataset folder: its reader, fixture and tasks."""
