"""DTD (Describable Textures Dataset): folder classes and the joint multi-label annotation."""
