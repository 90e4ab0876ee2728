"""CLEVR-Humans (CLEVR+question_answer); the reader is CLEVR-CoGenT's."""
