"""The HICO dataset folder: its reader, fixture and tasks."""
