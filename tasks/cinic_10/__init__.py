"""CINIC-10: CIFAR-10 classes over CIFAR and down-sampled ImageNet images, in class folders."""
