"""The IconQA dataset folder: its reader, fixture and tasks."""
