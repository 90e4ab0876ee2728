"""The Winoground dataset folder: its reader, fixture and tasks."""
