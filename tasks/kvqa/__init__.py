"""The KVQA dataset folder: its reader, fixture and tasks."""
