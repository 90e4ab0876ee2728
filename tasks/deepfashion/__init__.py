"""DeepFashion Category and Attribute Prediction Benchmark: clothes images by product title."""
