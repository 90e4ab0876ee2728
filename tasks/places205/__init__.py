"""The Places205 dataset folder: its reader, fixture and task."""
