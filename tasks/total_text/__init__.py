"""The Total-Text dataset folder: its reader, fixture and tasks."""
