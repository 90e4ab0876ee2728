"""The INATURALIST dataset folder: its reader, fixture and tasks."""
