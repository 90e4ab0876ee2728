"""The GEOMETRY3K dataset folder: its reader, fixture and tasks."""
