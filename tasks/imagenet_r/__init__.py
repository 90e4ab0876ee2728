"""ImageNet-R: renditions (art, cartoons, sketches, toys...) of 200 ImageNet classes."""
