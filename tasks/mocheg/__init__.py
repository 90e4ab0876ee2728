"""The Mocheg dataset folder: its reader, fixture and tasks."""
