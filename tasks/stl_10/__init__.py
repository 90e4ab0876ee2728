"""STL-10: 96x96 images of ten classes, shipped as raw binary arrays."""
