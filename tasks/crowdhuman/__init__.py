"""The CrowdHuman dataset folder: its reader, fixture and tasks."""
