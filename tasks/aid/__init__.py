"""The AID dataset folder: its reader, fixture and task."""
