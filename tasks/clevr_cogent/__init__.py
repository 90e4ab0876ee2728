"""The CLEVR-CoGenT dataset folder: its reader, fixture and tasks."""
