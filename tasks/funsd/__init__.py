"""FUNSD: form entities of noisy scanned documents (FUNSD+text_detection)."""
