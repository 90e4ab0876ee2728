"""The CrisisMMD dataset folder: its reader, fixture and tasks."""
