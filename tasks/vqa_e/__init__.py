"""The VQA-E dataset folder: its reader, fixture and two tasks."""
