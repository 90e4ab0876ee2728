"""MNIST-M: digits blended over BSDS500 patches, labels in a space-separated list."""
