"""The FGVC-Aircraft dataset folder: its reader, fixture and tasks."""
