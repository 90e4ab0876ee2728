"""The OK-VQA dataset folder: its reader, fixture and tasks."""
