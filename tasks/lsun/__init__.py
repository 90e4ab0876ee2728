"""The LSUN scene classification dataset folder: its reader, fixture and task."""
