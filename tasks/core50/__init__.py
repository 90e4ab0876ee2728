"""The CORe50 dataset folder."""
