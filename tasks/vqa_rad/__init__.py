"""The VQA-RAD dataset folder: its reader, fixture and QA task."""
