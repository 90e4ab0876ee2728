"""The nocaps dataset folder: its reader, fixture and task."""
