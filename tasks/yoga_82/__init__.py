"""The Yoga-82 dataset folder: its reader, fixture and tasks."""
