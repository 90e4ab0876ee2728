"""The VizWiz dataset folder: its reader, fixture and tasks."""
