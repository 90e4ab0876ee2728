"""The Visual7W dataset folder: its reader, fixture and multiple-choice VQA task."""
