"""ST-VQA: scene-text VQA (STVQA+image_question_answer)."""
