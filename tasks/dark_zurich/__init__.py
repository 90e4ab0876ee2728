"""The Dark Zurich dataset folder."""
