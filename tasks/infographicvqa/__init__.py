"""InfographicVQA (infographicvqa+question_answer)."""
