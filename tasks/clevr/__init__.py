"""CLEVR v1.0 (the four Clevr+ tasks); the reader is CLEVR-CoGenT's."""
