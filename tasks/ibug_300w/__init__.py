"""The 300-W (300 Faces In-the-Wild) dataset folder."""
