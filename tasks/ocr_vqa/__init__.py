"""OCR-VQA: questions about book covers (OCR-VQA+visual_question_answering)."""
