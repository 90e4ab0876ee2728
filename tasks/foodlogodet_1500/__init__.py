"""FoodLogoDet-1500: food logo detection images in Pascal VOC layout."""
