"""The Places365 dataset folder: its reader, fixture and task."""
