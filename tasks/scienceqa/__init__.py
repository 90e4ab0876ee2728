"""ScienceQA: multiple-choice science questions with lectures and explanations (image subset)."""
