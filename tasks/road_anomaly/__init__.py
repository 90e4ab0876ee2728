"""Road Anomaly (EPFL): road scenes with unusual obstacles, named by their frame file."""
