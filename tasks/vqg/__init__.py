"""The VQG (Visual Question Generation) dataset folder: its reader, fixture and tasks."""
