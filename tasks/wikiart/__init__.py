"""The WikiArt dataset folder: its reader, fixture and tasks."""
