"""The LAD (Large-scale Attribute Dataset) folder: its reader, fixture and tasks."""
