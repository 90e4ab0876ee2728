"""The SentiCap dataset folder: its reader, fixture and tasks."""
