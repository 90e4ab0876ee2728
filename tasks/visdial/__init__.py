"""The VisDial dataset folder: its reader, fixture and tasks."""
