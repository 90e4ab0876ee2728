"""ImageNet-A: natural adversarial examples of 200 ImageNet classes, in WordNet-id folders."""
