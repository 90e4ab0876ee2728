"""The VQAv2 dataset folder: its reader, fixture and tasks."""
