"""The DAQUAR dataset folder: its reader, fixture and QA task."""
