"""The AI2D dataset folder: its reader, fixture and tasks."""
