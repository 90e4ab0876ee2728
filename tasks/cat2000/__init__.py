"""CAT2000: 4,000 images in 20 categories from the MIT saliency benchmark (released as trainSet)."""
