"""The ObjectNet dataset folder."""
