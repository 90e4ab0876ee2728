"""The PASCAL VOC2007 dataset folder: its reader, fixture and task."""
