"""The SciCap dataset folder: its reader, fixture and tasks."""
