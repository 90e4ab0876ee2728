"""The Caltech-256 dataset folder: its reader, fixture and task."""
