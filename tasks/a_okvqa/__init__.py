"""The A-OKVQA dataset folder: its reader, fixture and tasks."""
