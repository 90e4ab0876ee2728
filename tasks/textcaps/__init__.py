"""The TextCaps dataset folder: its reader, fixture and tasks."""
