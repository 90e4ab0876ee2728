"""The aYahoo test images dataset folder: its reader, fixture and task."""
