"""The FFHQ-Text dataset folder: its reader, fixture and tasks."""
