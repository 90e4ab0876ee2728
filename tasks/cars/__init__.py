"""The Stanford Cars (Cars196) dataset folder: its reader, fixture and tasks."""
