"""The ViQuAE dataset folder: its reader, fixture and tasks."""
