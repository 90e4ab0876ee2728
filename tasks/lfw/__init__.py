"""The LFW (Labeled Faces in the Wild) dataset folder."""
