"""The Caltech101 dataset folder: its reader, fixture and tasks."""
