"""The COCO dataset folder: its reader, fixture and tasks."""
