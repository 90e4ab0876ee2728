"""The Pick-a-Pic dataset folder: its reader, fixture and task."""
