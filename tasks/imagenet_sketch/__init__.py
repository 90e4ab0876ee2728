"""ImageNet-Sketch: 50 sketches for each ImageNet class, in WordNet-id folders."""
