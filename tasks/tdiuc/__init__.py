"""The TDIUC dataset folder: one reader filtered by question type, eleven tasks."""
