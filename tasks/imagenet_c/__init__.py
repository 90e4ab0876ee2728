"""ImageNet-C: ImageNet validation images under 19 corruptions at 5 severities."""
