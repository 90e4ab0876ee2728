"""The Visual Genome dataset folder: its reader, fixture and QA task."""
