"""MEMOTION (Memotion 1.0, SemEval-2020 Task 8): memes with their OCR text and labels."""
