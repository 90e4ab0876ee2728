"""The FairFace dataset folder."""
