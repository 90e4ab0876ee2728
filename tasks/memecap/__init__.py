"""The MemeCap dataset folder: its reader, fixture and tasks."""
