"""The CUB-200-2011 dataset folder: its reader, fixture and task."""
