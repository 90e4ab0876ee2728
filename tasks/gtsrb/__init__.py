"""GTSRB: the German Traffic Sign Recognition Benchmark, 43 sign classes."""
