"""visionflan_eval: ``vf-eval``, answers and scores of a model on held-out Vision-Flan tasks."""
