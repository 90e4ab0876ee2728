"""Office-Home: 65 object classes in four domains (Art, Clipart, Product, Real World)."""
