"""The CHART2TEXT (Chart-to-Text) dataset folder: its reader, fixture and tasks."""
