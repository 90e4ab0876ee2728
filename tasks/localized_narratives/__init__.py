"""The Localized Narratives dataset folder: its reader, fixture and tasks."""
