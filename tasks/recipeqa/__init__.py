"""The RecipeQA dataset folder: its reader, fixture and tasks."""
