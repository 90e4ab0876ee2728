"""The RedCaps dataset folder: its reader, fixture and tasks."""
