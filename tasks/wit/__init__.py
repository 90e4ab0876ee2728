"""The WIT (Wikipedia-based Image Text) dataset folder: its reader, fixture and task."""
