"""The spot-the-diff dataset folder: its reader, fixture and tasks."""
