"""The SemArt dataset folder: its reader, fixture and tasks."""
