"""The GQA dataset folder: its reader, fixture and tasks."""
