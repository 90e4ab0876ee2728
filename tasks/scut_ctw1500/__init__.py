"""SCUT-CTW1500: curved scene text, test transcriptions (SCUT-CTW1500+text_detection)."""
