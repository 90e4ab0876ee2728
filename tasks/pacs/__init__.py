"""The PACS dataset folder: its reader, fixture and tasks."""
