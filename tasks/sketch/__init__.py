"""Sketch (TU-Berlin, "How Do Humans Sketch Objects?"): 20,000 sketches in 250 categories."""
