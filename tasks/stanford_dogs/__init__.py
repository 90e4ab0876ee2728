"""The Stanford Dogs dataset folder: its reader, fixture and task."""
