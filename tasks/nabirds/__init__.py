"""The NABirds dataset folder: its reader, fixture and tasks."""
