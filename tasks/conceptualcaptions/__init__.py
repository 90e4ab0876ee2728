"""The Conceptual Captions (CC3M) dataset folder: its reader, fixture and task."""
